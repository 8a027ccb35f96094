using System.Net;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;

namespace AxisEmulator.Vapix.Tests.Server;

/// <summary>
/// Every spelling of <see cref="PathSpellings"/> against CGIs of each kind, over real sockets and with
/// the administrator's Digest answer (uri: the target as sent): the spellings Apache resolves run the
/// CGI, the others get Apache's page (or Kestrel's bare answer where it speaks first) and run nothing.
/// </summary>
public class PathSpellingsOverHttpTests
{
    /// <summary>A call per CGI and a piece of its answer that only the CGI itself gives.</summary>
    public static TheoryData<string, string, string?, string> Cgis => new()
    {
        { "GET", "/axis-cgi/param.cgi?action=list&group=root.Brand", null, "root.Brand.ProdNbr=P3245-LVE\n" },
        { "GET", "/axis-cgi/pwdgrp.cgi?action=get", null, "admin=\"root\"" },
        { "POST", "/axis-cgi/systemready.cgi", """{"apiVersion":"1","method":"systemready"}""", "\"systemready\": \"yes\"" },
        { "POST", "/axis-cgi/basicdeviceinfo.cgi", """{"apiVersion":"1.0","method":"getAllProperties"}""", "\"ProdNbr\": \"P3245-LVE\"" },
        { "GET", "/axis-cgi/restart.cgi", null, "restartMessage.shtml" },
    };

    [Theory]
    [MemberData(nameof(Cgis))]
    public async Task Each_spelling_runs_the_cgi_or_gets_what_apache_answers(string method, string call, string? json, string fromTheCgi)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        var restarts = call.Contains("restart", StringComparison.Ordinal);

        foreach (var spelling in PathSpellings.Accepted)
        {
            var target = PathSpellings.Target(spelling, call, h.Endpoint(camera));
            var response = await h.SendRawAsync(camera, method, target, await h.DigestAsync(camera, method, target), json);

            response.Status.Should().Be(200, $"{spelling}: {target}");
            response.Body.Should().Contain(fromTheCgi, spelling.Name);
            if (restarts)
            {
                await h.AfterResponseAsync(camera);
                camera.Phase.Should().Be(DevicePhase.ShuttingDown, spelling.Name);
                await h.RunUntilIdleAsync(camera);
            }
        }

        var before = ServerHarness.StoredConfig(camera);
        var bootId = camera.BootId;
        foreach (var spelling in PathSpellings.Refused)
        {
            var target = PathSpellings.Target(spelling, call, h.Endpoint(camera));
            var response = await h.SendRawAsync(camera, method, target, await h.DigestAsync(camera, method, target), json);

            ShouldBeRefused(response, spelling, target);
        }

        camera.Phase.Should().Be(DevicePhase.Ready);
        camera.BootId.Should().Be(bootId, "no refused spelling restarted the device");
        ServerHarness.StoredConfig(camera).Should().Be(before);
    }

    [Fact]
    public async Task A_client_joining_the_endpoint_and_the_cgi_path_creates_the_first_admin_then_lists_with_digest()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync(withAdmin: false);
        var endpoint = h.Endpoint(camera).ToString();
        endpoint.Should().EndWith("/", "as the control API reports it");

        using (var setup = h.Client(camera, user: null))
        {
            using var created = await setup.GetAsync(new Uri(endpoint + "/axis-cgi/pwdgrp.cgi?action=add&user=root&pwd=pass&grp=root&sgrp=admin:operator:viewer:ptz"));
            created.StatusCode.Should().Be(HttpStatusCode.OK);
            (await created.Content.ReadAsStringAsync()).Should().Contain("Created account root.");
        }

        using var client = h.Client(camera);
        using var listed = await client.GetAsync(new Uri(endpoint + "/axis-cgi/param.cgi?action=list&group=root.Brand"));

        listed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await listed.Content.ReadAsStringAsync()).Should().Contain("root.Brand.ProdNbr=P3245-LVE\n");
        var journal = camera.Timeline.Since(0).Where(e => e.Kind == TimelineKind.Http).ToList();
        journal.Should().Contain(e => e.Get<string>("path") == "//axis-cgi/pwdgrp.cgi" && e.Get<int>("status") == 200, "HttpClient sends the // as joined, and the journal keeps it");
        journal.Should().Contain(e => e.Get<string>("path") == "//axis-cgi/param.cgi" && e.Get<int>("status") == 200 && e.Get<string>("user") == "root");
    }

    internal static void ShouldBeRefused(RawResponse response, PathSpelling spelling, string target)
    {
        response.Status.Should().Be(spelling.Refusal!.Value, $"{spelling}: {target}");
        if (spelling.Kestrel)
        {
            // Kestrel's own answer: no Server header, no page (Apache would send its page with its banner).
            response.Headers.Should().NotContainKey("server", spelling.Name);
            response.Body.Should().BeEmpty(spelling.Name);
            return;
        }

        response.Headers["server"].Should().StartWith("Apache/2.4.68", spelling.Name);
        response.ContentType.Should().Be("text/html; charset=iso-8859-1", spelling.Name);
        response.Body.Should().Contain($"<title>{response.Status} ", spelling.Name);
    }
}
