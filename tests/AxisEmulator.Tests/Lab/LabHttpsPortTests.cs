using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;

namespace AxisEmulator.Tests.Lab;

/// <summary>
/// <c>HTTPS.Port</c> in the network lab, where the camera has its own address: curl (<c>-k --http2</c>)
/// on the segment finds HTTPS on 443, then on the new port at once (443 refused), and on 443 again
/// after a factory default.
/// </summary>
public class LabHttpsPortTests
{
    private const string Camera = "192.168.0.90";

    [Fact]
    public async Task A_new_https_port_moves_the_listener_on_the_camera_address_and_a_factory_default_moves_it_back()
    {
        await using var lab = LabHarness.Start();
        var camera = lab.AddCamera();
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
        (await Https(lab, 443)).Should().Be("0 2 200");
        await Http(lab, "/axis-cgi/pwdgrp.cgi?action=add&user=root&pwd=secret&grp=root&sgrp=admin:operator:viewer:ptz");

        (await Http(lab, "/axis-cgi/param.cgi?action=update&HTTPS.Port=8443", "--digest", "-u", "root:secret")).Should().Be("OK");
        await lab.AdvanceAsync(TimeSpan.Zero);

        (await Https(lab, 8443)).Should().Be("0 2 200");
        (await Https(lab, 443)).Should().Be("7 0 000", "nothing listens on 443 any more: refused (curl exit 7)");
        lab.Devices.Endpoints!.HttpsEndpointOf(camera.Id).Should().Be(new Uri($"https://{Camera}:8443/"));
        lab.Devices.Endpoints.IsHttpsOpen(camera.Id).Should().BeTrue();

        camera.FactoryDefault(FactoryDefaultMode.Soft).Should().BeTrue();
        await lab.AdvanceAsync(TimeSpan.FromMinutes(3));
        camera.Phase.Should().Be(DevicePhase.Ready);
        (await Https(lab, 443)).Should().Be("0 2 200", "the factory value is 443");
        (await Https(lab, 8443)).Should().Be("7 0 000");
        lab.Devices.Endpoints.HttpsEndpointOf(camera.Id).Should().Be(new Uri($"https://{Camera}/"));
    }

    /// <summary>curl's exit code, HTTP version and status for an anonymous systemready over HTTPS on <paramref name="port"/>.</summary>
    private static async Task<string> Https(LabHarness lab, int port)
    {
        var result = await lab.InClientAsync("curl", "-sk", "--http2", "-o", "/dev/null", "-w", "%{http_version} %{http_code}", "--connect-timeout", "2", "-m", "10",
            "-d", """{"apiVersion":"1.0","method":"systemready"}""", $"https://{Camera}:{port}/axis-cgi/systemready.cgi");
        return $"{result.ExitCode} {result.Output.Trim()}";
    }

    private static async Task<string> Http(LabHarness lab, string target, params string[] auth)
    {
        var result = await lab.InClientAsync(["curl", "-s", "-f", "-m", "5", .. auth, $"http://{Camera}{target}"]);
        result.ExitCode.Should().Be(0, result.ToString());
        return result.Output.Trim();
    }
}
