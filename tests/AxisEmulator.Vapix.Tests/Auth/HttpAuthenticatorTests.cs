using System.Text.RegularExpressions;
using AxisEmulator.Core.Config;
using AxisEmulator.Vapix.Auth;
using Microsoft.Extensions.Time.Testing;

namespace AxisEmulator.Vapix.Tests.Auth;

public class HttpAuthenticatorTests
{
    private const string Realm = "AXIS_B8A44F631339";
    private const string Target = "/axis-cgi/param.cgi?action=list&group=root.Brand";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpAuthenticator _auth;
    private readonly List<UserAccount> _users =
    [
        UserAccount.Create("root", "pass", Realm, UserRole.Admin, ptz: true),
        UserAccount.Create("viewer", "secret", Realm, UserRole.Viewer, ptz: false),
    ];

    public HttpAuthenticatorTests() => _auth = new HttpAuthenticator(Realm, new DigestNonces(_clock, "boot-secret"u8, Realm));

    private AuthResult Send(string? authorization, AccessLevel required = AccessLevel.Viewer, AuthenticationPolicy policy = AuthenticationPolicy.Recommended,
        bool https = false, string method = "GET", string target = Target) =>
        _auth.Authenticate(new AuthRequest(method, target, authorization, https), _users, policy, required);

    private string FreshChallenge() => Send(null).Challenge!;

    [Fact]
    public void Without_credentials_the_device_sends_exactly_one_apache_style_digest_challenge()
    {
        var result = Send(null);

        result.Outcome.Should().Be(AuthOutcome.Challenge);
        result.StatusCode.Should().Be(401);
        result.Challenge.Should().MatchRegex(
            "^Digest realm=\"AXIS_B8A44F631339\", nonce=\"[A-Za-z0-9+/]{11}=[0-9a-f]{40}\", algorithm=MD5, qop=\"auth\"$");
    }

    [Fact]
    public void The_nonce_starts_with_the_base64_little_endian_microsecond_issue_time()
    {
        var nonce = DigestClient.NonceOf(FreshChallenge());

        var micros = BitConverter.ToInt64(Convert.FromBase64String(nonce[..12]));
        DateTimeOffset.UnixEpoch.AddTicks(micros * 10).Should().Be(_clock.GetUtcNow());
    }

    [Fact]
    public void A_correct_digest_answer_authenticates_the_user_with_their_role()
    {
        var answer = DigestClient.Answer(FreshChallenge(), "root", "pass", "GET", Target);

        var result = Send(answer);

        result.Outcome.Should().Be(AuthOutcome.Authenticated);
        result.User!.Name.Should().Be("root");
        result.Access.Should().Be(AccessLevel.Admin);
    }

    [Fact]
    public void A_wrong_password_is_challenged_again()
    {
        var result = Send(DigestClient.Answer(FreshChallenge(), "root", "wrong", "GET", Target));

        result.Outcome.Should().Be(AuthOutcome.Challenge);
        result.Stale.Should().BeFalse();
    }

    [Fact]
    public void An_unknown_user_is_challenged_again()
    {
        Send(DigestClient.Answer(FreshChallenge(), "nobody", "pass", "GET", Target)).Outcome.Should().Be(AuthOutcome.Challenge);
    }

    [Fact]
    public void A_replayed_nonce_count_is_refused_and_a_higher_one_accepted()
    {
        var challenge = FreshChallenge();

        Send(DigestClient.Answer(challenge, "root", "pass", "GET", Target, nc: 1)).IsAuthenticated.Should().BeTrue();
        Send(DigestClient.Answer(challenge, "root", "pass", "GET", Target, nc: 1)).Outcome.Should().Be(AuthOutcome.Challenge);
        Send(DigestClient.Answer(challenge, "root", "pass", "GET", Target, nc: 2)).IsAuthenticated.Should().BeTrue();
        Send(DigestClient.Answer(challenge, "root", "pass", "GET", Target, nc: 2)).Outcome.Should().Be(AuthOutcome.Challenge);
    }

    [Fact]
    public void An_expired_nonce_with_a_correct_answer_gets_a_stale_challenge()
    {
        var challenge = FreshChallenge();
        _clock.Advance(DigestNonces.DefaultLifetime + TimeSpan.FromSeconds(1));

        var result = Send(DigestClient.Answer(challenge, "root", "pass", "GET", Target));

        result.Outcome.Should().Be(AuthOutcome.Challenge);
        result.Stale.Should().BeTrue();
        result.Challenge.Should().EndWith(", algorithm=MD5, stale=true, qop=\"auth\"");
        DigestClient.NonceOf(result.Challenge!).Should().NotBe(DigestClient.NonceOf(challenge));
    }

    [Fact]
    public void An_expired_nonce_with_a_wrong_answer_is_not_stale()
    {
        var challenge = FreshChallenge();
        _clock.Advance(DigestNonces.DefaultLifetime + TimeSpan.FromSeconds(1));

        Send(DigestClient.Answer(challenge, "root", "wrong", "GET", Target)).Stale.Should().BeFalse();
    }

    [Fact]
    public void A_nonce_within_its_lifetime_still_works()
    {
        var challenge = FreshChallenge();
        _clock.Advance(DigestNonces.DefaultLifetime - TimeSpan.FromSeconds(1));

        Send(DigestClient.Answer(challenge, "root", "pass", "GET", Target)).IsAuthenticated.Should().BeTrue();
    }

    [Fact]
    public void A_forged_nonce_is_refused()
    {
        var challenge = FreshChallenge();
        var nonce = DigestClient.NonceOf(challenge);
        var forged = challenge.Replace(nonce, nonce[..12] + new string('0', 40), StringComparison.Ordinal);

        Send(DigestClient.Answer(forged, "root", "pass", "GET", Target)).Outcome.Should().Be(AuthOutcome.Challenge);
    }

    [Fact]
    public void A_nonce_of_another_boot_secret_is_refused()
    {
        var otherBoot = new HttpAuthenticator(Realm, new DigestNonces(_clock, "other-secret"u8, Realm));
        var challenge = otherBoot.ChallengeHeader(HttpAuthScheme.Digest, stale: false);

        Send(DigestClient.Answer(challenge, "root", "pass", "GET", Target)).Outcome.Should().Be(AuthOutcome.Challenge);
    }

    [Fact]
    public void A_digest_uri_that_is_not_the_request_target_is_a_bad_request()
    {
        var answer = DigestClient.Answer(FreshChallenge(), "root", "pass", "GET", "/axis-cgi/other.cgi");

        var result = Send(answer);

        result.Outcome.Should().Be(AuthOutcome.BadRequest);
        result.StatusCode.Should().Be(400);
    }

    [Fact]
    public void An_absolute_form_uri_naming_the_target_is_accepted()
    {
        var uri = "http://192.168.0.90" + Target;
        Send(DigestClient.Answer(FreshChallenge(), "root", "pass", "GET", uri)).IsAuthenticated.Should().BeTrue();
    }

    [Fact]
    public void The_method_is_part_of_the_digest()
    {
        var answer = DigestClient.Answer(FreshChallenge(), "root", "pass", "GET", Target);

        Send(answer, method: "POST").Outcome.Should().Be(AuthOutcome.Challenge);
    }

    [Fact]
    public void A_user_below_the_required_role_is_forbidden_and_rechallenged_like_apache()
    {
        var result = Send(DigestClient.Answer(FreshChallenge(), "viewer", "secret", "GET", Target), required: AccessLevel.Admin);

        result.Outcome.Should().Be(AuthOutcome.Forbidden);
        result.User!.Name.Should().Be("viewer");
        result.StatusCode.Should().Be(401);
        result.Challenge.Should().StartWith("Digest ");
    }

    [Theory]
    [InlineData(AccessLevel.Viewer)]
    [InlineData(AccessLevel.Operator)]
    [InlineData(AccessLevel.Admin)]
    public void Admin_includes_every_lower_role(AccessLevel required)
    {
        Send(DigestClient.Answer(FreshChallenge(), "root", "pass", "GET", Target), required).IsAuthenticated.Should().BeTrue();
    }

    [Fact]
    public void Anonymous_requirements_pass_without_credentials()
    {
        var result = Send(null, required: AccessLevel.Anonymous);

        result.IsAuthenticated.Should().BeTrue();
        result.User.Should().BeNull();
    }

    [Theory]
    [InlineData("Digest")]
    [InlineData("Digest ")]
    [InlineData("Digest username=")]
    [InlineData("Digest username=\"root\"")]
    [InlineData("Digest username=\"root, realm=\"AXIS_B8A44F631339")]
    [InlineData("Digest ,,,===,,")]
    [InlineData("Digest username=\"root\", realm=\"AXIS_B8A44F631339\", nonce=\"x\", uri=\"/\", response=\"y\", qop=auth")]
    [InlineData("Bearer abc")]
    [InlineData("garbage")]
    [InlineData("Basic !!!not-base64")]
    public void Malformed_authorization_headers_are_challenged_not_thrown(string header)
    {
        var result = Send(header);

        result.Outcome.Should().BeOneOf(AuthOutcome.Challenge, AuthOutcome.BadRequest);
    }

    [Fact]
    public void Unquoted_values_and_commas_inside_quotes_are_parsed()
    {
        var challenge = FreshChallenge();
        var target = "/axis-cgi/param.cgi?action=list&group=Brand,Network";
        var answer = DigestClient.Answer(challenge, "root", "pass", "GET", target);
        var unquotedRealm = Regex.Replace(answer, "realm=\"([^\"]*)\"", "realm=$1");

        Send(unquotedRealm, target: target).IsAuthenticated.Should().BeTrue();
    }

    [Fact]
    public void A_realm_of_another_device_is_refused()
    {
        var answer = DigestClient.Answer(FreshChallenge(), "root", "pass", "GET", Target)
            .Replace(Realm, "AXIS_ACCC8E000000", StringComparison.Ordinal);

        Send(answer).Outcome.Should().Be(AuthOutcome.Challenge);
    }

    [Fact]
    public void Basic_is_refused_on_http_under_the_recommended_policy()
    {
        var result = Send(DigestClient.Basic("root", "pass"));

        result.Outcome.Should().Be(AuthOutcome.Challenge);
        result.Challenge.Should().StartWith("Digest ");
    }

    [Fact]
    public void Basic_is_accepted_on_https_under_the_recommended_policy_and_challenged_as_basic()
    {
        Send(null, https: true).Challenge.Should().Be("Basic realm=\"AXIS_B8A44F631339\"");
        Send(DigestClient.Basic("root", "pass"), https: true).IsAuthenticated.Should().BeTrue();
        Send(DigestClient.Basic("root", "nope"), https: true).Outcome.Should().Be(AuthOutcome.Challenge);
    }

    [Fact]
    public void Basic_policy_accepts_basic_on_plain_http()
    {
        Send(null, policy: AuthenticationPolicy.Basic).Challenge.Should().StartWith("Basic ");
        Send(DigestClient.Basic("root", "pass"), policy: AuthenticationPolicy.Basic).IsAuthenticated.Should().BeTrue();
    }

    [Fact]
    public void Digest_policy_refuses_basic_even_on_https()
    {
        Send(DigestClient.Basic("root", "pass"), policy: AuthenticationPolicy.Digest, https: true)
            .Outcome.Should().Be(AuthOutcome.Challenge);
    }

    [Fact]
    public void A_password_with_a_colon_works_over_basic()
    {
        _users.Add(UserAccount.Create("colon", "a:b", Realm, UserRole.Viewer, ptz: false));

        Send(DigestClient.Basic("colon", "a:b"), policy: AuthenticationPolicy.Basic).IsAuthenticated.Should().BeTrue();
    }

    [Fact]
    public void An_rfc2069_answer_without_qop_is_accepted_like_apache()
    {
        var challenge = FreshChallenge();
        var nonce = DigestClient.NonceOf(challenge);
        var ha1 = DigestClient.Md5($"root:{Realm}:pass");
        var response = DigestClient.Md5($"{ha1}:{nonce}:{DigestClient.Md5("GET:" + Target)}");
        var header = $"Digest username=\"root\", realm=\"{Realm}\", nonce=\"{nonce}\", uri=\"{Target}\", response=\"{response}\"";

        Send(header).IsAuthenticated.Should().BeTrue();
    }

    [Fact]
    public void Configured_user_agents_skip_the_uri_check()
    {
        var answer = DigestClient.Answer(FreshChallenge(), "root", "pass", "GET", "/axis-cgi/param.cgi");

        var result = _auth.Authenticate(
            new AuthRequest("GET", Target, answer, UserAgent: "Some HttpClient/1.0"), _users, AuthenticationPolicy.Recommended, AccessLevel.Viewer);

        result.IsAuthenticated.Should().BeTrue();
    }

    [Theory]
    [InlineData("recommended", AuthenticationPolicy.Recommended)]
    [InlineData("basic", AuthenticationPolicy.Basic)]
    [InlineData("Digest", AuthenticationPolicy.Digest)]
    [InlineData("basic_digest", AuthenticationPolicy.BasicDigest)]
    [InlineData("nonsense", AuthenticationPolicy.Recommended)]
    public void The_policy_parameter_parses_case_insensitively(string value, AuthenticationPolicy expected)
    {
        AuthenticationPolicies.FromParameter(value).Should().Be(expected);
    }
}

public class DigestHashTests
{
    [Fact]
    public void Ha1_matches_the_rfc_2617_example()
    {
        UserAccount.ComputeHa1("Mufasa", "testrealm@host.com", "Circle Of Life").Should().Be("939e7578ed9e3c518a452acee763bce9");
    }
}
