using System.Globalization;
using System.Text.RegularExpressions;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Vapix.Tests.Auth;
using Xunit.Abstractions;
using Needs = AxisEmulator.Vapix.Tests.Server.WhoGetsInTests.Needs;

namespace AxisEmulator.Vapix.Tests.Server;

/// <summary>
/// The authorization matrix as a standing table (issue 17, part 3): every route of
/// <see cref="WhoGetsInTests.Routes"/> (which <c>Every_served_route_is_in_the_table</c> holds to the
/// router's <c>VapixRoutes.Paths</c>) × every kind of caller × every accepted path spelling, over real
/// sockets. No cell may grant what the route's role does not allow, and every denial must look like
/// the device's (401, one <c>WWW-Authenticate</c> as captured on AXIS OS 12.11, Apache's page or the
/// empty JSON answer). Device A's port is driven throughout; device B, beside it, must neither change
/// nor be read. The figure goes to the test output and to bench/README.md.
/// </summary>
public partial class AuthorizationMatrixTests(ITestOutputHelper output)
{
    private const string Password = "Good afternoon";
    private const string BPassword = "Only on B";

    /// <summary>Who calls: the columns of the table.</summary>
    public enum Caller
    {
        None,
        WrongPassword,
        UnknownUser,
        StaleNonce,
        ReplayedNonceCount,
        AnotherDevicesNonce,
        BasicWhereDigestOnly,
        DigestWhereBasicOnly,
        Viewer,
        Operator,
        Admin,
        SetupModeAnonymous,
        SetupModeWithCredentials,
    }

    [Fact]
    public async Task Every_route_by_every_caller_and_spelling_grants_exactly_what_the_role_allows()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var tally = new Tally();
        foreach (var profile in Rows.Select(r => r.Profile).Distinct())
        {
            await RunProfileAsync(profile, tally);
        }

        output.WriteLine(tally.Figure(started.Elapsed));
        tally.Unexpected.Should().BeEmpty();
        tally.Cells.Should().Be(Rows.Count * Enum.GetValues<Caller>().Length * PathSpellings.Accepted.Length);
    }

    private static List<(string Profile, string Method, string Call, string? Body, Needs Needs)> Rows =>
        [.. WhoGetsInTests.Routes.Select(r => ((string)r[0], (string)r[1], (string)r[2], (string?)r[3], (Needs)r[4]))];

    private static async Task RunProfileAsync(string profile, Tally tally)
    {
        // A DHCP pool gives each device its own address: the same fallback address would be a (modelled) conflict that A's log names B in.
        await using var h = new ServerHarness(dhcpPool: "192.168.0.100-192.168.0.199");
        var a = await h.ReadyDeviceAsync(profile);
        ServerHarness.AddUser(a, WhoGetsInTests.Viewer, Password, UserRole.Viewer);
        ServerHarness.AddUser(a, "runner", Password, UserRole.Operator);
        var b = await h.ReadyDeviceAsync(profile, withAdmin: false);
        ServerHarness.AddUser(b, "root", BPassword, UserRole.Admin, ptz: true);
        ServerHarness.AddUser(b, "onlyonb", BPassword, UserRole.Admin);
        var basicOnly = await h.ReadyDeviceAsync(profile);
        ServerHarness.SetParameter(basicOnly, "Network.HTTP.AuthenticationPolicy", "basic");
        var setup = await h.ReadyDeviceAsync(profile, withAdmin: false);

        // One of B's nonces, and one of A's that has gone stale (time only moves on).
        var bNonce = DigestClient.NonceOf(await ChallengeAsync(h, b));
        var bBefore = (Config: ServerHarness.StoredConfig(b), Journal: b.Timeline.LastSequence);
        var stale = await ChallengeAsync(h, a);
        await h.AdvanceAsync(a, TimeSpan.FromSeconds(301));
        var nc = 1;

        foreach (var row in Rows.Where(r => r.Profile == profile))
        {
            var destructive = WhoGetsInTests.Destructive(row.Call, row.Body);
            foreach (var spelling in PathSpellings.Accepted)
            {
                foreach (var caller in Enum.GetValues<Caller>())
                {
                    // A granted destructive call takes its device down: it gets a device of its own.
                    var device = caller switch
                    {
                        Caller.DigestWhereBasicOnly => basicOnly,
                        Caller.SetupModeAnonymous or Caller.SetupModeWithCredentials => setup,
                        Caller.Admin when destructive => await h.ReadyDeviceAsync(profile),
                        _ => a,
                    };
                    var target = PathSpellings.Target(spelling, row.Call, h.Endpoint(device));
                    string? authorization = caller switch
                    {
                        Caller.None or Caller.SetupModeAnonymous => null,
                        Caller.WrongPassword => await AnswerAsync(h, device, row.Method, target, "root", "wrong"),
                        Caller.UnknownUser => await AnswerAsync(h, device, row.Method, target, "onlyonb", BPassword),
                        Caller.StaleNonce => DigestClient.Answer(stale, "root", "pass", row.Method, target, nc: ++nc),
                        Caller.ReplayedNonceCount => DigestClient.Answer(await SpentChallengeAsync(h, a), "root", "pass", row.Method, target, nc: 1),
                        Caller.AnotherDevicesNonce => DigestClient.Answer(WithNonce(await ChallengeAsync(h, a), bNonce), "root", "pass", row.Method, target),
                        Caller.BasicWhereDigestOnly => DigestClient.Basic("root", "pass"),
                        Caller.DigestWhereBasicOnly => DigestClient.Answer(await ChallengeAsync(h, a), "root", "pass", row.Method, target),
                        Caller.Viewer => await AnswerAsync(h, device, row.Method, target, WhoGetsInTests.Viewer, Password),
                        Caller.Operator => await AnswerAsync(h, device, row.Method, target, "runner", Password),
                        _ => await AnswerAsync(h, device, row.Method, target, "root", "pass"),
                    };

                    var response = await h.SendRawAsync(device, row.Method, target, authorization, row.Body);
                    var cell = $"{caller} {row.Method} {target} ({spelling}, {row.Profile})";
                    tally.Check(cell, Grants(caller, row.Needs), response, Denial(caller, row, device), WhoGetsInTests.GrantedStatus(row.Call));
                    if (response.Body.Contains(b.Serial, StringComparison.Ordinal))
                    {
                        tally.Unexpected.Add($"{cell}: the answer of {device.Serial} names B ({b.Serial}): {response.Body.Split('\n').First(l => l.Contains(b.Serial, StringComparison.Ordinal))}");
                    }
                }
            }
        }

        ServerHarness.StoredConfig(b).Should().Be(bBefore.Config, "nothing sent to A's port changed B");
        b.Timeline.Since(bBefore.Journal).Should().NotContain(e => e.Kind == Core.Events.TimelineKind.Http, "nothing sent to A's port reached B");
        a.Phase.Should().Be(DevicePhase.Ready, "no refused call restarted or reset A");
    }

    /// <summary>Granted: the route needs nobody, or the caller's valid role is enough for it.</summary>
    private static bool Grants(Caller caller, Needs needs) => needs == Needs.Anyone || caller switch
    {
        Caller.Admin => true,
        Caller.Operator => needs <= Needs.Operator,
        Caller.Viewer => needs <= Needs.Viewer,
        _ => false,
    };

    /// <summary>What the device answers instead, by the captures and docs/reference/vapix-facts.md §1, §8.3.</summary>
    private static ExpectedDenial Denial(Caller caller, (string Profile, string Method, string Call, string? Body, Needs Needs) row, Device device)
    {
        var realm = device.Identity.Realm;
        if (caller is Caller.SetupModeAnonymous or Caller.SetupModeWithCredentials && row.Call.StartsWith("/axis-cgi/pwdgrp.cgi", StringComparison.Ordinal))
        {
            // §8.3: while no admin exists, every pwdgrp call but creating it is this 401.
            return new ExpectedDenial(null, "text/html", "Error: initial admin user must be created first.");
        }

        var challenge = caller == Caller.DigestWhereBasicOnly
            ? $"^Basic realm=\"{realm}\"$"
            : $"^Digest realm=\"{realm}\", nonce=\"[A-Za-z0-9+/]{{11}}=[0-9a-f]{{40}}\", algorithm=MD5{(caller == Caller.StaleNonce ? ", stale=true" : "")}, qop=\"auth\"$";
        if (row.Call.StartsWith("/onvif/", StringComparison.Ordinal))
        {
            // ONVIF: the same single challenge, with a SOAP fault for a body (ONVIF core spec §5.9.1).
            return new ExpectedDenial(challenge, "application/soap+xml", "ter:NotAuthorized");
        }

        return row.Body is not null && !row.Call.StartsWith("/vapix/", StringComparison.Ordinal) // /vapix/: SOAP, Apache's 401
            ? new ExpectedDenial(challenge, "application/json", "")
            : new ExpectedDenial(challenge, "text/html", "<title>401 Unauthorized</title>");
    }

    private static async Task<string> ChallengeAsync(ServerHarness h, Device device) =>
        (await h.RawAsync(device, "GET /axis-cgi/serverreport.cgi HTTP/1.1")).Headers["www-authenticate"];

    /// <summary>A fresh challenge whose nonce count 1 has just been used by a good request.</summary>
    private static async Task<string> SpentChallengeAsync(ServerHarness h, Device device)
    {
        const string Harmless = "/axis-cgi/param.cgi?action=list&group=Brand.ProdNbr";
        var challenge = await ChallengeAsync(h, device);
        (await h.SendRawAsync(device, "GET", Harmless, DigestClient.Answer(challenge, "root", "pass", "GET", Harmless, nc: 1))).Status.Should().Be(200);
        return challenge;
    }

    /// <summary>The device's own challenge (its realm) with another device's nonce in it.</summary>
    private static string WithNonce(string challenge, string nonce) => challenge.Replace(DigestClient.NonceOf(challenge), nonce, StringComparison.Ordinal);

    private static async Task<string> AnswerAsync(ServerHarness h, Device device, string method, string target, string user, string password) =>
        DigestClient.Answer(await ChallengeAsync(h, device), user, password, method, target);

    /// <param name="Challenge">Pattern of the one WWW-Authenticate header; null: the answer has none to match.</param>
    /// <param name="Body">Text the body contains (an empty string: the body is empty).</param>
    private sealed record ExpectedDenial(string? Challenge, string MediaType, string Body);

    private sealed class Tally
    {
        public int Cells { get; private set; }

        public int Grants { get; private set; }

        public int Denials { get; private set; }

        public int UnexpectedGrants { get; private set; }

        public List<string> Unexpected { get; } = [];

        public void Check(string cell, bool granted, RawResponse response, ExpectedDenial denial, int grantedStatus = 200)
        {
            Cells++;
            if (granted)
            {
                Grants++;
                Expect(cell, response.Status == grantedStatus, $"granted, answered {response.Status}");
                return;
            }

            Denials++;
            if (response.Status is >= 200 and < 300)
            {
                UnexpectedGrants++;
            }

            Expect(cell, response.Status == 401, $"denied, answered {response.Status}");
            var challenges = response.Headers.TryGetValue("www-authenticate", out var value) ? value : null;
            if (denial.Challenge is { } pattern)
            {
                Expect(cell, challenges is not null && Regex.IsMatch(challenges, pattern), $"WWW-Authenticate '{challenges}' is not /{pattern}/");
            }

            Expect(cell, response.ContentType?.StartsWith(denial.MediaType, StringComparison.Ordinal) == true, $"content type '{response.ContentType}', not {denial.MediaType}");
            Expect(cell, denial.Body.Length == 0 ? response.Body.Length == 0 : response.Body.Contains(denial.Body, StringComparison.Ordinal), $"body '{Shorten(response.Body)}' lacks '{denial.Body}'");
        }

        public string Figure(TimeSpan elapsed) => string.Create(
            CultureInfo.InvariantCulture,
            $"authorization matrix: {Cells} cells checked, {Grants} grants, {Denials} denials, {UnexpectedGrants} unexpected grants, {Unexpected.Count} unexpected answers, in {elapsed.TotalSeconds:0.0} s");

        private void Expect(string cell, bool holds, string what)
        {
            if (!holds)
            {
                Unexpected.Add($"{cell}: {what}");
            }
        }

        private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
    }
}
