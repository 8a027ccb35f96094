using AxisEmulator.Core.Config;
using AxisEmulator.Core.Events;
using AxisEmulator.Vapix.Auth;
using Microsoft.Extensions.Time.Testing;

namespace AxisEmulator.Vapix.Tests.Auth;

/// <summary>Every way credentials are refused has its own reason for the request journal.</summary>
public class AuthRefusalTests
{
    private const string Realm = "AXIS_B8A44F631339";
    private const string Target = "/axis-cgi/param.cgi?action=list&group=root.Brand";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpAuthenticator _auth;
    private readonly List<UserAccount> _users = [UserAccount.Create("root", "pass", Realm, UserRole.Admin), UserAccount.Create("viewer", "secret", Realm, UserRole.Viewer)];

    public AuthRefusalTests() => _auth = new HttpAuthenticator(Realm, new DigestNonces(_clock, "boot-secret"u8, Realm));

    [Fact]
    public void Each_refusal_says_why()
    {
        Refusal(null).Should().Be(RequestRefusal.NoCredentials);
        Refusal(Answer("root", "wrong")).Should().Be(RequestRefusal.WrongPassword);
        Refusal(Answer("nobody", "pass")).Should().Be(RequestRefusal.UnknownUser);
        Refusal(Answer("viewer", "secret"), AccessLevel.Admin).Should().Be(RequestRefusal.WrongRole);
        Refusal(DigestClient.Answer(Challenge(), "root", "pass", "GET", "/axis-cgi/other.cgi")).Should().Be(RequestRefusal.UriMismatch);
        Refusal(DigestClient.Basic("root", "pass")).Should().Be(RequestRefusal.SchemeNotAccepted);
        Refusal("Digest username=\"root\"").Should().Be(RequestRefusal.MalformedCredentials);
        Refusal(DigestClient.Basic("root", "wrong"), policy: AuthenticationPolicy.Basic).Should().Be(RequestRefusal.WrongPassword);
        Refusal(DigestClient.Basic("nobody", "pass"), policy: AuthenticationPolicy.Basic).Should().Be(RequestRefusal.UnknownUser);
        Refusal("Basic !!!", policy: AuthenticationPolicy.Basic).Should().Be(RequestRefusal.MalformedCredentials);
        Refusal(Answer("root", "pass")).Should().Be(RequestRefusal.None);
    }

    [Fact]
    public void Nonce_refusals_say_which_nonce_problem()
    {
        var challenge = Challenge();
        Refusal(DigestClient.Answer(challenge, "root", "pass", "GET", Target, nc: 1)).Should().Be(RequestRefusal.None);
        Refusal(DigestClient.Answer(challenge, "root", "pass", "GET", Target, nc: 1)).Should().Be(RequestRefusal.ReplayedNonce);

        var otherBoot = new HttpAuthenticator(Realm, new DigestNonces(_clock, "other-secret"u8, Realm)).ChallengeHeader(HttpAuthScheme.Digest, stale: false);
        Refusal(DigestClient.Answer(otherBoot, "root", "pass", "GET", Target)).Should().Be(RequestRefusal.UnknownNonce);

        _clock.Advance(DigestNonces.DefaultLifetime + TimeSpan.FromSeconds(1));
        Refusal(DigestClient.Answer(challenge, "root", "pass", "GET", Target, nc: 2)).Should().Be(RequestRefusal.StaleNonce);
    }

    private RequestRefusal Refusal(string? authorization, AccessLevel required = AccessLevel.Viewer, AuthenticationPolicy policy = AuthenticationPolicy.Recommended) =>
        _auth.Authenticate(new AuthRequest("GET", Target, authorization), _users, policy, required).Refusal;

    private string Challenge() => _auth.Authenticate(new AuthRequest("GET", Target, null), _users, AuthenticationPolicy.Recommended, AccessLevel.Viewer).Challenge!;

    private string Answer(string user, string password) => DigestClient.Answer(Challenge(), user, password, "GET", Target);
}
