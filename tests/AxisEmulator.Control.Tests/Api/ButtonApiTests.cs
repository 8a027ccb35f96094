using AxisEmulator.Core.Config;

namespace AxisEmulator.Control.Tests.Api;

public sealed class ButtonApiTests : IAsyncLifetime
{
    private ControlApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ControlApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_factory_reset_procedure_through_the_api()
    {
        await BootWithAnAdminAsync("cam");

        // Power off → press → power on while holding → keep holding until the status LED flashes amber.
        await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/cam/power", """{"on":false}""", 200);
        var pressed = await _host.SendJsonAsync(HttpMethod.Post, "/api/v1/devices/cam/button", """{"action":"press"}""", 200);
        pressed.Bool("button.pressed").Should().BeTrue();
        await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/cam/power", """{"on":true}""", 200);
        await _host.AdvanceAsync(20);

        var armed = await _host.StateAsync("cam");
        armed.Str("phase").Should().Be("reset-armed");
        armed.Str("leds.status.color").Should().Be("amber");
        armed.Str("leds.status.pattern").Should().Be("flashing");
        armed.Num("leds.status.hz").Should().Be(1);

        // Release inside the window → factory default → reboot → ready in setup mode.
        var released = await _host.SendJsonAsync(HttpMethod.Post, "/api/v1/devices/cam/button", """{"action":"release"}""", 200);
        released.Bool("button.pressed").Should().BeFalse();
        await _host.AdvanceAsync(1);
        (await _host.StateAsync("cam")).Str("phase").Should().Be("factory-resetting");

        await _host.AdvanceAsync(120);
        var done = await _host.StateAsync("cam");
        done.Str("phase").Should().Be("ready");
        done.Bool("firmware.needsSetup").Should().BeTrue("the button reset removed every user");

        var release = (await _host.GetJsonAsync("/api/v1/devices/cam/timeline?kind=boot")).Get("entries")!.AsArray()
            .Single(e => e!.Str("event") == "reset-release")!;
        release.Str("message").Should().Contain("20");
        release.Str("kind").Should().Be("boot");
    }

    [Fact]
    public async Task Hold_presses_now_and_releases_after_simulated_seconds()
    {
        await _host.CreateAsync("cam");
        await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/cam/power", """{"on":false}""", 200);

        using var response = await _host.SendJsonAsync(HttpMethod.Post, "/api/v1/devices/cam/button", """{"action":"hold","seconds":22}""");
        var accepted = await ControlApiHost.ExpectJsonAsync(response, 202);
        accepted.Str("deviceId").Should().Be("cam");
        accepted.Num("seconds").Should().Be(22);
        accepted.Str("pressedAt").Should().Be("2026-01-01T00:00:00+00:00");
        accepted.Str("releaseAt").Should().Be("2026-01-01T00:00:22+00:00");
        accepted.Bool("device.button.pressed").Should().BeTrue();
        accepted.Str("device.button.releaseAt").Should().Be("2026-01-01T00:00:22+00:00");

        await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/cam/power", """{"on":true}""", 200);
        await _host.AdvanceAsync(21);
        var holding = await _host.StateAsync("cam");
        holding.Bool("button.pressed").Should().BeTrue();
        holding.Str("phase").Should().Be("reset-armed");

        await _host.AdvanceAsync(1.5);
        var after = await _host.StateAsync("cam");
        after.Bool("button.pressed").Should().BeFalse();
        after.Has("button.releaseAt").Should().BeFalse();
        after.Str("phase").Should().Be("factory-resetting");
    }

    [Fact]
    public async Task While_the_boot_loader_counts_a_hold_the_state_says_what_a_release_now_would_do()
    {
        await _host.CreateAsync("cam");
        await _host.SendJsonAsync(HttpMethod.Post, "/api/v1/devices/cam/button", """{"action":"press"}""", 200);
        (await _host.StateAsync("cam")).Has("button.resetHold").Should().BeFalse("an unpowered unit counts nothing");

        await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/cam/power", """{"on":true}""", 200);
        await _host.AdvanceAsync(5);
        var early = await _host.StateAsync("cam");
        early.Str("button.resetHold.countingSince").Should().Be("2026-01-01T00:00:00+00:00");
        early.Str("button.resetHold.releaseNow").Should().Be("too-early");
        early.Str("button.resetHold.until").Should().Be("2026-01-01T00:00:15+00:00", "the P3265-LVE's window opens at 15 s");

        await _host.AdvanceAsync(11);
        var inside = await _host.StateAsync("cam");
        inside.Str("button.resetHold.releaseNow").Should().Be("factory-reset");
        inside.Str("button.resetHold.until").Should().Be("2026-01-01T00:00:30+00:00");
    }

    [Fact]
    public async Task A_release_cancels_a_hold_in_progress()
    {
        await _host.CreateAsync("cam");
        await _host.SendJsonAsync(HttpMethod.Post, "/api/v1/devices/cam/button", """{"action":"hold","seconds":10}""", 202);
        await _host.SendJsonAsync(HttpMethod.Post, "/api/v1/devices/cam/button", """{"action":"release"}""", 200);
        await _host.SendJsonAsync(HttpMethod.Post, "/api/v1/devices/cam/button", """{"action":"press"}""", 200);
        await _host.AdvanceAsync(15);
        (await _host.StateAsync("cam")).Bool("button.pressed").Should().BeTrue("the first hold's release was cancelled");
    }

    [Theory]
    [InlineData("""{}""", "$.action is required: one of press, release, hold")]
    [InlineData("""{"action":"jump"}""", "$.action must be one of: press, release, hold")]
    [InlineData("""{"action":"hold"}""", "$.seconds is required for a hold")]
    [InlineData("""{"action":"hold","seconds":0}""", "$.seconds must be greater than 0 and at most 600 (got 0)")]
    [InlineData("""{"action":"hold","seconds":-3}""", "$.seconds must be greater than 0 and at most 600")]
    [InlineData("""{"action":"hold","seconds":601}""", "$.seconds must be greater than 0 and at most 600 (got 601)")]
    [InlineData("""{"action":"press","seconds":5}""", "$.seconds applies only to action hold (got action press)")]
    [InlineData("""{"action":"hold","seconds":"long"}""", "$.seconds must be a number")]
    [InlineData("""{"action":"hold","secs":5}""", "unknown property 'secs'; allowed: action, seconds")]
    public async Task Invalid_button_requests_are_400(string body, string message)
    {
        await _host.CreateAsync("cam");
        var problem = await _host.ExpectProblemAsync(HttpMethod.Post, "/api/v1/devices/cam/button", body, 400);
        problem.Str("detail").Should().Contain(message);
        (await _host.StateAsync("cam")).Bool("button.pressed").Should().BeFalse();
    }

    [Fact]
    public async Task The_button_of_an_unknown_device_is_404()
    {
        await _host.ExpectProblemAsync(HttpMethod.Post, "/api/v1/devices/ghost/button", """{"action":"press"}""", 404);
    }

    private async Task BootWithAnAdminAsync(string id)
    {
        await _host.CreateAsync(id, powerOn: true);
        await _host.AdvanceAsync(100);
        var camera = _host.Device(id);
        camera.UpdateConfig(c => (c with { Users = [UserAccount.Create("root", "pass", camera.Identity.Realm, UserRole.Admin)] }, true));
        var state = await _host.StateAsync(id);
        state.Str("phase").Should().Be("ready");
        state.Bool("firmware.needsSetup").Should().BeFalse();
    }
}
