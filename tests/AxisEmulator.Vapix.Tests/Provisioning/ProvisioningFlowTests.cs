using System.Net;
using System.Text.Json.Nodes;
using AxisEmulator.Vapix.Tests.EndToEnd;
using AxisEmulator.Vapix.Tests.Server;

namespace AxisEmulator.Vapix.Tests.Provisioning;

/// <summary>
/// The first calls a provisioning tool makes after a factory default (first admin, clock and zone,
/// static address, host name, SSH, a second admin), then everything read back, over HTTP with Digest:
/// once with .NET HttpClient and once with Python requests.
/// </summary>
public class ProvisioningFlowTests
{
    private const string Profile = "M1075-L"; // AXIS OS 12.9: time REST and the SSH REST API are served

    /// <summary>What both clients must read back after the flow.</summary>
    private const string ExpectedParameters =
        "Network.BootProto=none\nNetwork.IPAddress=192.168.5.20\nNetwork.SubnetMask=255.255.255.0\nNetwork.Broadcast=192.168.5.255\n"
        + "Network.DefaultRouter=192.168.5.1\nNetwork.HostName=door-cam-1\nroot.Network.SSH.Enabled=yes\n";

    private const string ParameterList = "/axis-cgi/param.cgi?action=list&group=Network.BootProto,Network.IPAddress,Network.SubnetMask,Network.Broadcast,Network.DefaultRouter,Network.HostName,root.Network.SSH.Enabled";

    [Fact]
    public async Task A_tool_provisions_a_factory_fresh_device_with_dotnet_HttpClient()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync(Profile, withAdmin: false);
        using var anonymous = h.Client(camera, user: null);
        (await Json(anonymous, "/axis-cgi/systemready.cgi", """{"apiVersion":"1","method":"systemready"}"""))["data"]!["needsetup"]!.GetValue<string>().Should().Be("yes");
        (await anonymous.GetStringAsync("/axis-cgi/pwdgrp.cgi?action=add&user=installer&pwd=Install-1&grp=root&sgrp=admin:operator:viewer:ptz"))
            .Should().Contain("Created account installer.");

        using var admin = h.Client(camera, "installer", "Install-1");
        await Ok(admin, "/axis-cgi/time.cgi", """{"apiVersion":"1.1","method":"setDateTime","params":{"dateTime":"2026-06-01T10:00:00Z"}}""");
        await Ok(admin, "/axis-cgi/time.cgi", """{"apiVersion":"1.1","method":"setTimeZone","params":{"timeZone":"Europe/Stockholm"}}""");
        await Ok(admin, "/axis-cgi/network_settings.cgi", """{"apiVersion":"1.0","method":"setIPv4AddressConfiguration","params":{"deviceName":"eth0","configurationMode":"static","staticAddressConfigurations":[{"address":"192.168.5.20","prefixLength":24}],"staticDefaultRouter":"192.168.5.1"}}""");
        await Ok(admin, "/axis-cgi/network_settings.cgi", """{"apiVersion":"1.0","method":"setHostnameConfiguration","params":{"useDhcpHostname":false,"staticHostname":"door-cam-1"}}""");
        (await admin.PatchAsync("/config/rest/ssh/v2/enabled", ServerHarness.Json("""{"data":true}"""))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.PostAsync("/config/rest/ssh/v2/users", ServerHarness.Json("""{"data":{"username":"service","password":"Ssh-pass-1","comment":"tool"}}"""))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.GetStringAsync("/axis-cgi/pwdgrp.cgi?action=add&user=backup&pwd=Backup-1&grp=users&sgrp=admin:operator:viewer"))
            .Should().Contain("Created account backup.");

        await h.AdvanceAsync(camera, TimeSpan.FromSeconds(90));
        using var second = h.Client(camera, "backup", "Backup-1");
        var time = (await Json(second, "/axis-cgi/time.cgi", """{"apiVersion":"1.1","method":"getDateTimeInfo"}"""))["data"]!;
        time["dateTime"]!.GetValue<string>().Should().Be("2026-06-01T10:01:30Z", "the set clock follows simulated time");
        time["localDateTime"]!.GetValue<string>().Should().Be("2026-06-01T12:01:30+02:00");
        time["timeZone"]!.GetValue<string>().Should().Be("Europe/Stockholm");
        time["posixTimeZone"]!.GetValue<string>().Should().Be("CET-1CEST,M3.5.0,M10.5.0/3");

        var eth0 = (await Json(second, "/axis-cgi/network_settings.cgi", """{"apiVersion":"1.0","method":"getNetworkInfo"}"""))["data"]!;
        var ipv4 = eth0["devices"]![0]!["IPv4"]!;
        ipv4["configurationMode"]!.GetValue<string>().Should().Be("static");
        ipv4["staticAddressConfigurations"]![0]!["address"]!.GetValue<string>().Should().Be("192.168.5.20");
        ipv4["staticDefaultRouter"]!.GetValue<string>().Should().Be("192.168.5.1");
        eth0["system"]!["hostname"]!["useDhcpHostname"]!.GetValue<bool>().Should().BeFalse();
        eth0["system"]!["hostname"]!["staticHostname"]!.GetValue<string>().Should().Be("door-cam-1");

        (await second.GetStringAsync(ParameterList)).Should().Be(ExpectedParameters);
        var users = JsonNode.Parse(await second.GetStringAsync("/config/rest/ssh/v2/users"))!;
        users["status"]!.GetValue<string>().Should().Be("success");
        users["data"]!.AsArray().Select(u => u!["username"]!.GetValue<string>()).Should().Equal("service");
        camera.ReadConfig(c => c.SshUsers.Single().HasPassword("Ssh-pass-1")).Should().BeTrue();
        ServerHarness.StoredConfig(camera).Should().NotContain("Ssh-pass-1", "SSH passwords are stored only as hashes");
    }

    [Fact]
    public async Task A_tool_provisions_a_factory_fresh_device_with_python_requests()
    {
        ExternalTool.RequirePythonRequests();
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync(Profile, withAdmin: false);
        var url = h.Endpoint(camera).ToString().TrimEnd('/');

        var run = await PythonProvisioningTool.RunAsync(url);

        run.ExitCode.Should().Be(0, run.ToString());
        var report = JsonNode.Parse(run.Stdout)!;
        report["needsetup"]!.GetValue<string>().Should().Be("yes");
        report["steps"]!.AsArray().Select(s => s!.GetValue<string>()).Should().AllSatisfy(s => s.Should().EndWith(" 200"));
        report["time"]!["timeZone"]!.GetValue<string>().Should().Be("Europe/Stockholm");
        report["time"]!["dateTime"]!.GetValue<string>().Should().Be("2026-06-01T10:00:00Z", "no simulated time passed during the run");
        report["ipv4"]!["configurationMode"]!.GetValue<string>().Should().Be("static");
        report["ipv4"]!["staticAddressConfigurations"]![0]!["address"]!.GetValue<string>().Should().Be("192.168.5.20");
        report["hostname"]!["staticHostname"]!.GetValue<string>().Should().Be("door-cam-1");
        report["parameters"]!.GetValue<string>().Should().Be(ExpectedParameters);
        report["sshUsers"]!.AsArray().Select(u => u!["username"]!.GetValue<string>()).Should().Equal("service");
        report["secondAdmin"]!.GetValue<int>().Should().Be(200);
        camera.ReadConfig(c => c.Network.IpAddress).Should().Be("192.168.5.20");
    }

    private static async Task<JsonNode> Json(HttpClient client, string path, string body)
    {
        using var response = await client.PostAsync(path, ServerHarness.Json(body));
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"{path} {body}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task Ok(HttpClient client, string path, string body)
    {
        var answer = await Json(client, path, body);
        answer["error"].Should().BeNull($"{path} {body} answered {answer.ToJsonString()}");
        answer["data"].Should().NotBeNull();
    }
}
