using System.Net;
using System.Text.Json.Nodes;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;

namespace AxisEmulator.Vapix.Tests.Server;

/// <summary>
/// The device's life as a client sees it over real sockets, in manual time: no listener before
/// network-up, <c>systemready: no</c> and 503 until ready, restarts that answer first and come back
/// with a new boot id, soft and hard factory defaults, the first-admin flow of each AXIS OS line.
/// </summary>
public class LifecycleOverHttpTests
{
    private const string SystemReadyCall = """{"apiVersion":"1","method":"systemready"}""";

    [Fact]
    public async Task Nobody_answers_before_network_up_then_only_systemready_until_ready()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        camera.PowerOff();
        await h.Listeners.SettledAsync(camera.Id);
        await h.ShouldRefuseConnectionsAsync(camera);

        camera.PowerOn(ServerHarness.SourceFor(camera.Profile));
        await h.AdvanceUntilAsync(camera, DevicePhase.Booting);
        await h.ShouldRefuseConnectionsAsync(camera);

        await h.AdvanceUntilAsync(camera, DevicePhase.NetworkUp);
        using var client = h.Client(camera);
        var ready = await SystemReady(client);
        ready["systemready"]!.GetValue<string>().Should().Be("no");
        ready["needsetup"]!.GetValue<string>().Should().Be("no");
        int.Parse(ready["uptime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).Should().BeLessThan(60);

        foreach (var (method, target, body) in new (string, string, string?)[]
        {
            ("GET", "/axis-cgi/param.cgi?action=list&group=Brand", null),
            ("POST", "/axis-cgi/basicdeviceinfo.cgi", """{"apiVersion":"1.0","method":"getAllUnrestrictedProperties"}"""),
            ("POST", "/axis-cgi/apidiscovery.cgi", """{"apiVersion":"1.0","method":"getApiList"}"""),
            ("GET", "/axis-cgi/restart.cgi", null),
        })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), target) { Content = body is null ? null : ServerHarness.Json(body) };
            using var response = await client.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, target);
            (await response.Content.ReadAsStringAsync()).Should().Contain("<title>503 Service Unavailable</title>");
        }

        using (var unknown = await client.GetAsync("/axis-cgi/nonexistent.cgi"))
        {
            unknown.StatusCode.Should().Be(HttpStatusCode.NotFound, "Apache is up: an unknown CGI is still unknown");
        }

        await h.AdvanceUntilAsync(camera, DevicePhase.Ready);
        (await SystemReady(client))["systemready"]!.GetValue<string>().Should().Be("yes");
        (await client.GetAsync("/axis-cgi/param.cgi?action=list&group=Brand")).StatusCode.Should().Be(HttpStatusCode.OK);
        camera.Phase.Should().Be(DevicePhase.Ready, "nothing a client sent restarted it");
    }

    [Fact]
    public async Task A_systemready_timeout_waits_in_simulated_time_until_the_device_is_ready()
    {
        await using var h = new ServerHarness();
        var camera = h.Add("P3245-LVE");
        camera.PowerOn(ServerHarness.SourceFor(camera.Profile));
        await h.AdvanceUntilAsync(camera, DevicePhase.NetworkUp);
        using var client = h.Client(camera, user: null);

        // Ready comes 35 s after network-up: a 10 s wait ends with "no", a 60 s one with "yes" as soon as ready.
        var waited = WaitStarted(h, camera);
        var shortWait = SystemReady(client, """{"apiVersion":"1","method":"systemready","params":{"timeout":10}}""");
        await waited;
        shortWait.IsCompleted.Should().BeFalse("the call waits for readiness");
        var before = h.Clock.Elapsed;
        await h.AdvanceAsync(camera, TimeSpan.FromSeconds(10));
        (await shortWait)["systemready"]!.GetValue<string>().Should().Be("no");

        waited = WaitStarted(h, camera);
        var longWait = SystemReady(client, """{"apiVersion":"1","method":"systemready","params":{"timeout":"60"}}""");
        await waited;
        await h.AdvanceUntilAsync(camera, DevicePhase.Ready);
        var answer = await longWait;
        answer["systemready"]!.GetValue<string>().Should().Be("yes");
        answer["needsetup"]!.GetValue<string>().Should().Be("yes");
        answer["previewmode"]!.GetValue<string>().Should().Be("7200");
        (h.Clock.Elapsed - before).Should().BeLessThan(TimeSpan.FromSeconds(40), "it answered when the device became ready, not at its timeout");
        h.Services.DeviceFor(camera).WaitingSystemReadyCalls.Should().Be(0);
        var readyAt = h.Clock.Elapsed;
        h.Clock.RunUntilIdle(TimeSpan.FromHours(1));
        (h.Clock.Elapsed - readyAt).Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(10), "only the status LED's timer was left, not the finished wait's 60 s one");
    }

    [Fact]
    public async Task Restart_answers_first_then_refuses_connections_then_comes_back_with_a_new_boot_id()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        await h.AdvanceAsync(camera, TimeSpan.FromMinutes(10));
        var handler = new HttpClientHandler { Credentials = new NetworkCredential("root", "pass") };
        using var keepAlive = new HttpClient(handler) { BaseAddress = h.Endpoint(camera) };
        var before = await SystemReady(keepAlive);
        int.Parse(before["uptime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThan(600);

        using var response = await keepAlive.GetAsync("/axis-cgi/restart.cgi");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain("URL=/admin/restartMessage.shtml?server=127.0.0.1");
        await h.AfterResponseAsync(camera);
        camera.Phase.Should().Be(DevicePhase.ShuttingDown);
        await h.ShouldRefuseConnectionsAsync(camera);

        await h.RunUntilIdleAsync(camera);
        var after = await SystemReady(keepAlive);
        after["systemready"]!.GetValue<string>().Should().Be("yes");
        after["bootid"]!.GetValue<string>().Should().NotBe(before["bootid"]!.GetValue<string>());
        int.Parse(after["uptime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).Should().BeLessThan(120);
        camera.NeedsSetup.Should().BeFalse("a restart keeps the accounts");
    }

    [Fact]
    public async Task Soft_factory_default_keeps_the_network_settings_and_removes_users_and_other_settings()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);
        var update = await client.GetStringAsync("/axis-cgi/param.cgi?action=update&Network.BootProto=none&Network.IPAddress=192.168.0.50&Network.DefaultRouter=192.168.0.1&root.Network.SSH.Enabled=yes");
        update.Should().Be("OK");
        camera.ReadConfig(c => c.Network.IpAddress).Should().Be("192.168.0.50");
        camera.ReadConfig(c => c.Parameters).Should().Contain("Network.SSH.Enabled", "yes");
        await Restart(h, camera, client);
        camera.Network.IpAddress.Should().Be("192.168.0.50");

        (await client.GetAsync("/axis-cgi/factorydefault.cgi")).Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        await h.AfterResponseAsync(camera);
        await h.ShouldRefuseConnectionsAsync(camera);
        await h.RunUntilIdleAsync(camera);

        var ready = await SystemReady(client);
        ready["needsetup"]!.GetValue<string>().Should().Be("yes");
        ready["previewmode"]!.GetValue<string>().Should().Be("7200");
        camera.Network.IpAddress.Should().Be("192.168.0.50");
        camera.ReadConfig(c => c.Network.BootProto).Should().Be(BootProtocol.None);
        camera.ReadConfig(c => c.Users).Should().BeEmpty();
        await CreateFirstAdmin(client, "root");
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=list&group=Network.BootProto,Network.IPAddress,root.Network.SSH.Enabled"))
            .Should().Be("Network.BootProto=none\nNetwork.IPAddress=192.168.0.50\nroot.Network.SSH.Enabled=no\n");
    }

    [Theory]
    [InlineData("P3245-LVE-10.12", "192.168.0.90")]
    [InlineData("P3245-LVE", "192.168.0.90")]
    [InlineData("M1075-L", "169.254.")]
    public async Task Hard_factory_default_resets_the_network_to_the_personality_default(string profile, string expectedAddress)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync(profile);
        using var client = h.Client(camera);
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=update&Network.BootProto=none&Network.IPAddress=10.1.2.3")).Should().Be("OK");
        await Restart(h, camera, client);
        camera.Network.IpAddress.Should().Be("10.1.2.3");

        var page = await client.GetStringAsync("/axis-cgi/hardfactorydefault.cgi");
        page.Should().Contain("factoryMessage2.shtml");
        await h.AfterResponseAsync(camera);
        await h.RunUntilIdleAsync(camera);

        camera.Network.IpAddress.Should().StartWith(expectedAddress);
        camera.ReadConfig(c => c.Network).Should().Be(NetworkSettings.FactoryDefault);
        camera.NeedsSetup.Should().BeTrue();
        (await SystemReady(client))["needsetup"]!.GetValue<string>().Should().Be("yes");
    }

    [Fact]
    public async Task On_10_12_the_first_admin_must_be_root_and_nothing_else_works_before_it()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("P3245-LVE-10.12", withAdmin: false);
        using var anonymous = h.Client(camera, user: null);
        var ready = await SystemReady(anonymous);
        ready["needsetup"]!.GetValue<string>().Should().Be("yes");
        ready.ContainsKey("previewmode").Should().BeFalse("10.12 answers systemready 1.2");

        using (var list = await anonymous.GetAsync("/axis-cgi/param.cgi?action=list&group=Brand"))
        {
            list.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "no account can log in yet");
        }

        using (var get = await anonymous.GetAsync("/axis-cgi/pwdgrp.cgi?action=get"))
        {
            get.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await get.Content.ReadAsStringAsync()).Should().Contain("Error: initial admin user must be created first.");
        }

        using (var notRoot = await anonymous.GetAsync("/axis-cgi/pwdgrp.cgi?action=add&user=admin&pwd=secret&grp=root&sgrp=admin:operator:viewer:ptz"))
        {
            notRoot.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await notRoot.Content.ReadAsStringAsync()).Should().Contain("Error: not a valid initial admin user.");
        }

        await CreateFirstAdmin(anonymous, "root", "secret");
        (await SystemReady(anonymous))["needsetup"]!.GetValue<string>().Should().Be("no");
        using (var second = await anonymous.GetAsync("/axis-cgi/pwdgrp.cgi?action=add&user=other&pwd=secret&grp=root&sgrp=admin:operator:viewer:ptz"))
        {
            second.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "from now on pwdgrp needs an administrator");
            second.Headers.WwwAuthenticate.Should().ContainSingle();
        }

        using var root = h.Client(camera, "root", "secret");
        (await root.GetStringAsync("/axis-cgi/param.cgi?action=list&group=root.Brand.ProdNbr")).Should().Be("root.Brand.ProdNbr=P3245-LVE\n");
    }

    [Theory]
    [InlineData("P3245-LVE")]
    [InlineData("M1075-L")]
    public async Task From_11_5_any_name_can_be_the_first_admin(string profile)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync(profile, withAdmin: false);
        using var anonymous = h.Client(camera, user: null);
        (await SystemReady(anonymous))["previewmode"]!.GetValue<string>().Should().Be("7200");

        using (var viewerFirst = await anonymous.GetAsync("/axis-cgi/pwdgrp.cgi?action=add&user=boss&pwd=secret&grp=users&sgrp=viewer"))
        {
            viewerFirst.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the first account must be an administrator with PTZ");
        }

        using (var created = await anonymous.GetAsync("/axis-cgi/pwdgrp.cgi?action=add&user=boss&pwd=secret&grp=root&sgrp=admin:operator:viewer:ptz"))
        {
            created.StatusCode.Should().Be(HttpStatusCode.OK);
            (await created.Content.ReadAsStringAsync()).Should().Contain("Created account boss.");
        }

        var ready = await SystemReady(anonymous);
        ready["needsetup"]!.GetValue<string>().Should().Be("no");
        ready.ContainsKey("previewmode").Should().BeFalse();
        using var boss = h.Client(camera, "boss", "secret");
        (await boss.GetStringAsync("/axis-cgi/usergroup.cgi")).Should().Be("boss\nusers admin operator ptz viewer\n");
    }

    [Fact]
    public async Task Firmware_management_reboot_and_factory_default_answer_first()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("M1075-L");
        using var client = h.Client(camera);
        var bootId = camera.BootId;

        var reboot = await Post(client, "/axis-cgi/firmwaremanagement.cgi", """{"apiVersion":"1.0","context":"c1","method":"reboot"}""");
        reboot.Should().Be("{\n  \"apiVersion\": \"1.8\",\n  \"context\": \"c1\",\n  \"method\": \"reboot\",\n  \"data\": {}\n}\n");
        await h.AfterResponseAsync(camera);
        await h.ShouldRefuseConnectionsAsync(camera);
        await h.RunUntilIdleAsync(camera);
        camera.BootId.Should().NotBe(bootId);
        camera.NeedsSetup.Should().BeFalse();

        var reset = await Post(client, "/axis-cgi/firmwaremanagement.cgi", """{"apiVersion":"1.0","method":"factoryDefault","params":{"factoryDefaultMode":"hard"}}""");
        JsonNode.Parse(reset)!["data"]!.AsObject().Count.Should().Be(0);
        await h.AfterResponseAsync(camera);
        await h.RunUntilIdleAsync(camera);
        camera.NeedsSetup.Should().BeTrue();
        camera.Timeline.Since(0).Should().Contain(e => e.Event is FactoryResetStarted && e.Get<string>("mode") == "hard");
    }

    [Fact]
    public async Task The_system_log_tells_the_boot_since_power_on_in_syslog_form()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);

        var log = await client.GetStringAsync("/axis-cgi/systemlog.cgi");
        var lines = log.TrimEnd('\n').Split('\n');
        var host = camera.Identity.DefaultHostname;
        lines.Should().AllSatisfy(l => l.Should().MatchRegex(@"^2026-01-01T\d\d:\d\d:\d\d\.\d{3}\+00:00 " + host + @" \[ [A-Z]+ +\] [a-z]+(\[\d+\])?: .+$"));
        lines[0].Should().Be($"2026-01-01T00:00:00.000+00:00 {host} [ INFO    ] kernel: Booting Linux on physical CPU 0x0");
        log.Should().Contain("[ INFO    ] systemd[1]: Reached target Network is Online.").And.Contain("Reached target Multi-User System.");
        (await client.GetStringAsync("/axis-cgi/admin/systemlog.cgi?text=dhcpcd")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Should().OnlyContain(l => l.Contains("dhcpcd", StringComparison.Ordinal)).And.NotBeEmpty();

        await Restart(h, camera, client);
        var afterRestart = await client.GetStringAsync("/axis-cgi/systemlog.cgi");
        afterRestart.Should().StartWith("2026-01-01T00:").And.Contain("Booting Linux");
        afterRestart.Split('\n').Count(l => l.Contains("Booting Linux", StringComparison.Ordinal)).Should().Be(1, "only the current boot");

        var report = await client.GetStringAsync("/axis-cgi/serverreport.cgi");
        report.Should().StartWith($"----- Server Report Start -----\n\nProduct: AXIS P3245-LVE Network Camera\nSerial No: {camera.Serial}\n");
        report.Should().Contain("Boot-up Counter: 2").And.Contain("----- System log -----").And.EndWith("----- Server Report End -----\n");
        using var zip = await client.GetAsync("/axis-cgi/serverreport.cgi?mode=zip");
        zip.Content.Headers.ContentType!.MediaType.Should().Be("application/zip");
        using var archive = new System.IO.Compression.ZipArchive(await zip.Content.ReadAsStreamAsync());
        archive.Entries.Select(e => e.FullName).Should().Equal("serverreport.txt", "syslog.txt");
    }

    private static async Task Restart(ServerHarness h, Device camera, HttpClient client)
    {
        (await client.GetAsync("/axis-cgi/restart.cgi")).EnsureSuccessStatusCode();
        await h.AfterResponseAsync(camera);
        await h.RunUntilIdleAsync(camera);
        camera.Phase.Should().Be(DevicePhase.Ready);
    }

    private static async Task CreateFirstAdmin(HttpClient client, string user, string password = ServerHarness.AdminPassword)
    {
        using var response = await client.GetAsync($"/axis-cgi/pwdgrp.cgi?action=add&user={user}&pwd={password}&grp=root&sgrp=admin:operator:viewer:ptz");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be(
            $"<html><head><title>User accounts</title></head><body bgcolor=#ffffff>Created account {user}.\r\n</body>\r\n\r\n</html>\r\n");
    }

    private static Task WaitStarted(ServerHarness h, Device camera)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var device = h.Services.DeviceFor(camera);
        void OnStarted(AxisEmulator.Vapix.Server.VapixDevice d)
        {
            device.SystemReadyWaitStarted -= OnStarted;
            started.TrySetResult();
        }

        device.SystemReadyWaitStarted += OnStarted;
        return started.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static async Task<JsonObject> SystemReady(HttpClient client, string body = SystemReadyCall)
    {
        var text = await Post(client, "/axis-cgi/systemready.cgi", body);
        return JsonNode.Parse(text)!["data"]!.AsObject();
    }

    private static async Task<string> Post(HttpClient client, string target, string body)
    {
        using var response = await client.PostAsync(target, ServerHarness.Json(body));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        return await response.Content.ReadAsStringAsync();
    }
}
