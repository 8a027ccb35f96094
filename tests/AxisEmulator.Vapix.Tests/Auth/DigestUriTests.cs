using AxisEmulator.Core.Config;
using AxisEmulator.Vapix.Auth;
using Microsoft.Extensions.Time.Testing;

namespace AxisEmulator.Vapix.Tests.Auth;

/// <summary>
/// mod_auth_digest's uri check (authenticate_digest_user): the uri is the target as sent, or else its
/// unescaped path is the request's resolved path and its unescaped query the target's; otherwise 400.
/// </summary>
public class DigestUriTests
{
    private const string Realm = "AXIS_B8A44F631340";
    private const string Resolved = "/axis-cgi/pwdgrp.cgi";

    private readonly HttpAuthenticator _auth = new(Realm, new DigestNonces(new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56)), "boot"u8, Realm));
    private readonly List<UserAccount> _users = [UserAccount.Create("root", "pass", Realm, UserRole.Admin, ptz: true)];

    public static TheoryData<string, string, bool> Uris => new()
    {
        { "//axis-cgi/pwdgrp.cgi?action=get", "//axis-cgi/pwdgrp.cgi?action=get", true },
        { "//axis-cgi/pwdgrp.cgi?action=get", "/axis-cgi/pwdgrp.cgi?action=get", true },
        { "/x/../axis-cgi//pwdgrp.cgi?action=get", "/axis-cgi/pwdgrp.cgi?action=get", true },
        { "/axis-cgi/%70wdgrp.cgi?action=get", "/axis-cgi/pwdgrp.cgi?action=get", true },
        { "/axis-cgi/pwdgrp.cgi?action=get", "/axis-cgi/pwdgrp.cgi?action=%67et", true },
        { "//axis-cgi/pwdgrp.cgi?action=get", "http://127.0.0.1:8081/axis-cgi/pwdgrp.cgi?action=get", true },
        { "//axis-cgi/pwdgrp.cgi?action=get", "/axis-cgi/pwdgrp.cgi?action=list", false },
        { "//axis-cgi/pwdgrp.cgi?action=get", "/axis-cgi/pwdgrp.cgi", false },
        { "//axis-cgi/pwdgrp.cgi?action=get", "/axis-cgi/param.cgi?action=get", false },
        { "/axis-cgi/pwdgrp.cgi?action=get", "/axis-cgi//pwdgrp.cgi?action=get", false },
        { "/axis-cgi/pwdgrp.cgi?action=get", "//axis-cgi/pwdgrp.cgi?action=get", false },
    };

    [Theory]
    [MemberData(nameof(Uris))]
    public void The_uri_names_the_target_as_sent_or_as_resolved(string target, string uri, bool accepted)
    {
        var challenge = _auth.Authenticate(new AuthRequest("GET", target, null), _users, AuthenticationPolicy.Recommended, AccessLevel.Admin).Challenge!;
        var answer = DigestClient.Answer(challenge, "root", "pass", "GET", uri);

        var result = _auth.Authenticate(new AuthRequest("GET", target, answer, Path: Resolved), _users, AuthenticationPolicy.Recommended, AccessLevel.Admin);

        result.Outcome.Should().Be(accepted ? AuthOutcome.Authenticated : AuthOutcome.BadRequest, $"uri {uri} for target {target}");
    }
}
