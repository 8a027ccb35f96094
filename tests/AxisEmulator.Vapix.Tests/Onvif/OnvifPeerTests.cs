using System.Text.Json;
using AxisEmulator.Core.Devices;
using AxisEmulator.Vapix.Tests.Server;

namespace AxisEmulator.Vapix.Tests.Onvif;

/// <summary>The real npm ONVIF clients (tests/peers: <c>onvif</c> 0.8.3, <c>node-onvif</c> 0.1.7) against the device service.</summary>
public sealed class OnvifPeerTests
{
    [Fact]
    public async Task Npm_onvif_connects_reads_the_device_and_reboots_it_to_a_new_boot()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        var bootBefore = camera.BootId;

        var run = await RunAsync(h, camera, "reboot");

        run.GetProperty("info").GetProperty("manufacturer").GetString().Should().Be("AXIS");
        run.GetProperty("info").GetProperty("model").GetString().Should().Be("P3245-LVE");
        run.GetProperty("info").GetProperty("serialNumber").GetString().Should().Be(camera.Serial);
        run.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("username").GetString()).Should().Equal("root");
        run.GetProperty("profiles").EnumerateArray().Select(p => p.GetString()).Should().Equal("profile_1_h264");
        run.GetProperty("message").GetString().Should().NotBeNullOrEmpty();
        await h.AfterResponseAsync(camera);
        camera.Phase.Should().Be(DevicePhase.ShuttingDown);
        await h.AdvanceUntilAsync(camera, DevicePhase.Ready);
        camera.BootId.Should().NotBe(bootBefore);
        (await RunAsync(h, camera, "connect")).GetProperty("info").GetProperty("serialNumber").GetString().Should().Be(camera.Serial);
        camera.Timeline.Since(0).Should().Contain(e => e.Kind == Core.Events.TimelineKind.Http && e.Get<string>("path") == "onvif:SystemReboot" && e.Get<int>("status") == 200);
    }

    [Theory]
    [InlineData("soft")]
    [InlineData("hard")]
    public async Task Npm_onvif_factory_defaults_bring_the_camera_back_in_setup_mode(string mode)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        camera.SystemTime.Set(camera.SystemTime.UtcNow + TimeSpan.FromDays(1));

        var run = await RunAsync(h, camera, mode);

        run.GetProperty("reset").GetString().Should().Be(mode);
        await h.AfterResponseAsync(camera);
        await h.AdvanceUntilAsync(camera, DevicePhase.Ready);
        camera.Config.NeedsSetup.Should().BeTrue();
        (camera.SystemTime.Offset > TimeSpan.FromHours(23)).Should().Be(mode == "soft", "a soft default keeps the clock, a hard one does not");
    }

    [Fact]
    public async Task Node_onvif_initialises_and_reads_the_device_information()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        var endpoint = h.Endpoint(camera);

        var result = await NodePeers.RunScriptAsync("node-onvif-session.js", [endpoint.Host, endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "root", "pass"], TimeSpan.FromMinutes(2));

        result.ExitCode.Should().Be(0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("info").GetProperty("SerialNumber").GetString().Should().Be(camera.Serial);
        json.RootElement.GetProperty("info").GetProperty("Model").GetString().Should().Be("P3245-LVE");
    }

    private static async Task<JsonElement> RunAsync(ServerHarness h, Device camera, string action)
    {
        var endpoint = h.Endpoint(camera);
        var result = await NodePeers.RunScriptAsync("onvif-session.js", [endpoint.Host, endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "root", "pass", action], TimeSpan.FromMinutes(2));
        result.ExitCode.Should().Be(0, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }
}
