using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using Needs = AxisEmulator.Vapix.Tests.Server.WhoGetsInTests.Needs;

namespace AxisEmulator.Vapix.Tests.Server;

/// <summary>
/// No spelling of a privileged CGI gets past authentication: every route of
/// <see cref="WhoGetsInTests.Routes"/> that needs a role, written every way Apache resolves to it, is
/// refused (401) without credentials, with a wrong password and to a role below the one it needs,
/// and changes nothing; the administrator, signing the target as sent, gets in.
/// </summary>
public class PrivilegedSpellingsTests
{
    private const string Password = "Good evening";

    public static TheoryData<string, string, string, string?, Needs> PrivilegedRoutes
    {
        get
        {
            var rows = new TheoryData<string, string, string, string?, Needs>();
            foreach (var row in WhoGetsInTests.Routes)
            {
                if ((Needs)row[4] != Needs.Anyone)
                {
                    rows.Add((string)row[0], (string)row[1], (string)row[2], (string?)row[3], (Needs)row[4]);
                }
            }

            return rows;
        }
    }

    [Theory]
    [MemberData(nameof(PrivilegedRoutes))]
    public async Task No_spelling_gets_in_without_valid_credentials(string profile, string method, string call, string? json, Needs needs)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync(profile);
        ServerHarness.AddUser(camera, "watcher", Password, UserRole.Viewer);
        ServerHarness.AddUser(camera, "runner", Password, UserRole.Operator);
        var before = ServerHarness.StoredConfig(camera);

        foreach (var spelling in PathSpellings.Accepted)
        {
            var target = PathSpellings.Target(spelling, call, h.Endpoint(camera));
            foreach (var (caller, authorization) in await RefusedCallers(h, camera, method, target, needs))
            {
                var response = await h.SendRawAsync(camera, method, target, authorization, json);

                response.Status.Should().Be(401, $"{caller} on {method} {target} ({spelling})");
                response.Headers["www-authenticate"].Should().StartWith("Digest realm=\"" + camera.Identity.Realm + "\"");
            }
        }

        camera.Phase.Should().Be(DevicePhase.Ready);
        ServerHarness.StoredConfig(camera).Should().Be(before, "no refused call changed anything");

        // A destructive call runs once, last; the others answer the administrator by every spelling.
        var destructive = WhoGetsInTests.Destructive(call, json);
        foreach (var spelling in destructive ? PathSpellings.Accepted[..1] : PathSpellings.Accepted)
        {
            var target = PathSpellings.Target(spelling, call, h.Endpoint(camera));
            var response = await h.SendRawAsync(camera, method, target, await h.DigestAsync(camera, method, target), json);

            response.Status.Should().Be(WhoGetsInTests.GrantedStatus(call), $"admin on {method} {target} ({spelling})");
        }

        if (destructive)
        {
            await h.AfterResponseAsync(camera);
            camera.Phase.Should().Be(DevicePhase.ShuttingDown, "the administrator's call went through");
        }
    }

    /// <summary>Nobody, a wrong password, and each role below the one needed, each signing the target as sent.</summary>
    private static async Task<List<(string Caller, string? Authorization)>> RefusedCallers(ServerHarness h, Device camera, string method, string target, Needs needs)
    {
        var callers = new List<(string, string?)>
        {
            ("nobody", null),
            ("a wrong password", await h.DigestAsync(camera, method, target, password: "wrong")),
        };
        if (needs > Needs.Viewer)
        {
            callers.Add(("a viewer", await h.DigestAsync(camera, method, target, "watcher", Password)));
        }

        if (needs > Needs.Operator)
        {
            callers.Add(("an operator", await h.DigestAsync(camera, method, target, "runner", Password)));
        }

        return callers;
    }
}
