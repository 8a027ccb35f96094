using AxisEmulator.Contracts;
using AxisEmulator.Testing;
using Xunit.Sdk;

namespace AxisEmulator.Client.Tests;

/// <summary>
/// "Holds the LED for", "blinks at", "reboots within", "keeps/loses its configuration" in virtual
/// time, and what they say when they fail: the device's own explanation (ResetOutcome) from its timeline.
/// </summary>
public class TimingAndConfigAssertionTests(InProcessEmulatorFixture emulator) : IClassFixture<InProcessEmulatorFixture>
{
    private static readonly TimeSpan TwoMinutes = TimeSpan.FromMinutes(2);

    private async Task<EmulatedDevice> ReadyAsync(string id)
    {
        var camera = await emulator.AddDeviceAsync(id: id, profile: "P3265-LVE", powerOn: true);
        await camera.Should().ReachPhase(DevicePhase.Ready, within: TwoMinutes);
        emulator.AddAdminAccount(id);
        return camera;
    }

    /// <summary>Power off, hold the button, power on, release after <paramref name="heldSeconds"/> (P3265-LVE window: 15–30 s).</summary>
    private async Task<long> HoldThroughPowerOnAsync(EmulatedDevice camera, double heldSeconds)
    {
        var unplugged = await camera.PowerOffAsync();
        await camera.PressButtonAsync();
        await camera.PowerOnAsync();
        await emulator.AdvanceAsync(TimeSpan.FromSeconds(heldSeconds));
        await camera.ReleaseButtonAsync();
        return unplugged.LastSequence;
    }

    [Fact]
    public async Task A_ready_camera_holds_its_steady_green_LED_until_it_turns_off()
    {
        var camera = await ReadyAsync("hold-green");
        var start = await camera.GetStateAsync();

        var held = await camera.Should().HoldStatusLed(LedColor.Green, LedPattern.Steady, TimeSpan.FromSeconds(9));

        (held.Which.Time - start.Time).Should().Be(TimeSpan.FromSeconds(9), "the whole span passed in simulated time");
        await emulator.AdvanceAsync(TimeSpan.FromSeconds(1));
        await camera.Should().HoldStatusLed(LedColor.Off, LedPattern.Off, TimeSpan.FromMinutes(10), "the LED goes dark 10 s after ready and stays so");
    }

    [Fact]
    public async Task Holding_green_past_the_point_it_goes_dark_fails_with_the_LED_change()
    {
        var camera = await ReadyAsync("hold-dark");

        var act = () => camera.Should().HoldStatusLed(LedColor.Green, LedPattern.Steady, TimeSpan.FromMinutes(1));

        (await act.Should().ThrowAsync<XunitException>()).Which.Message.Should().MatchRegex(
            "^Expected device hold-dark to hold a steady green status LED for 1 min of simulated time, but after 10 s it showed off\\. [0-9:.]+ hold-dark led/led-changed: status: steady green → off$");
    }

    [Fact]
    public async Task A_hold_that_breaks_says_when_and_quotes_the_LED_change()
    {
        var camera = await emulator.AddDeviceAsync(id: "hold-breaks", profile: "P3265-LVE", powerOn: true);
        await camera.Should().ReachPhase(DevicePhase.Booting, within: TwoMinutes);
        var led = (await camera.GetStateAsync()).Leds.Status;

        var act = () => camera.Should().HoldStatusLed(led.Color, led.Pattern, TwoMinutes);

        var message = (await act.Should().ThrowAsync<XunitException>()).Which.Message;
        message.Should().StartWith($"Expected device hold-breaks to hold a {led.Pattern} {led.Color} status LED for 2 min of simulated time, but after ");
        message.Should().Contain("it showed steady green").And.Contain("hold-breaks led/led-changed: status: ");
    }

    [Fact]
    public async Task A_hold_fails_at_once_when_the_LED_shows_something_else_at_the_start()
    {
        var camera = await ReadyAsync("hold-wrong");

        var act = () => camera.Should().HoldStatusLed(LedColor.Amber, LedPattern.Flashing, TimeSpan.FromSeconds(10));

        (await act.Should().ThrowAsync<XunitException>()).Which.Message.Should().StartWith(
            "Expected device hold-wrong to hold a flashing amber status LED for 10 s of simulated time, but it shows steady green at the start.");
    }

    [Fact]
    public async Task The_armed_reset_blinks_amber_at_the_models_rate()
    {
        var camera = await ReadyAsync("blink");
        await camera.PowerOffAsync();
        await camera.PressButtonAsync();
        var poweredOn = await camera.PowerOnAsync();

        var blinking = await camera.Should().BlinkStatusLed(LedColor.Amber, hz: 1, within: TimeSpan.FromSeconds(30));

        (blinking.Which.Time - poweredOn.Time).Should().Be(TimeSpan.FromSeconds(15), "the window opens 15 s after power-on on this model");
        blinking.Which.Phase.Should().Be(DevicePhase.ResetArmed);
    }

    [Fact]
    public async Task Blinking_at_another_rate_fails_with_the_rate_it_blinks_at()
    {
        var camera = await ReadyAsync("blink-rate");
        await camera.PowerOffAsync();
        await camera.PressButtonAsync();
        await camera.PowerOnAsync();

        var act = () => camera.Should().BlinkStatusLed(LedColor.Amber, hz: 2, within: TimeSpan.FromSeconds(30));

        (await act.Should().ThrowAsync<XunitException>()).Which.Message.Should().StartWith(
            "Expected device blink-rate to show a status LED flashing amber at 2 Hz within 30 s of simulated time, but it flashes at 1 Hz. blink-rate (P3265-LVE)");
    }

    [Fact]
    public async Task A_power_cycled_camera_reboots_within_two_minutes()
    {
        var camera = await ReadyAsync("reboot");
        var before = await camera.GetStateAsync();
        await camera.PowerOffAsync();
        await camera.PowerOnAsync();

        var back = await camera.Should().RebootWithin(TwoMinutes);

        back.Which.BootCount.Should().Be(before.BootCount + 1);
        back.Which.Should().NotBeInSetupMode();
    }

    [Fact]
    public async Task A_camera_left_without_power_does_not_reboot_and_the_failure_lists_its_timeline()
    {
        var camera = await ReadyAsync("no-reboot");
        await camera.PowerOffAsync();

        var act = () => camera.Should().RebootWithin(TimeSpan.FromMinutes(1));

        var message = (await act.Should().ThrowAsync<XunitException>()).Which.Message;
        message.Should().StartWith("Expected device no-reboot to reboot and reach phase ready within 1 min of simulated time, but it did not boot again.");
        message.Should().Contain("Latest boot and power entries:").And.Contain("no-reboot power/");
    }

    [Fact]
    public async Task Releasing_too_early_keeps_the_configuration()
    {
        var camera = await ReadyAsync("keep");
        await HoldThroughPowerOnAsync(camera, heldSeconds: 5);

        var back = await camera.Should().KeepConfig(within: TwoMinutes);

        back.Which.Should().NotBeInSetupMode();
    }

    [Fact]
    public async Task Expecting_the_configuration_kept_after_a_factory_reset_quotes_the_boot_loaders_verdict()
    {
        var camera = await ReadyAsync("keep-fails");
        await HoldThroughPowerOnAsync(camera, heldSeconds: 17);

        var act = () => camera.Should().KeepConfig(within: TwoMinutes);

        (await act.Should().ThrowAsync<XunitException>()).Which.Message.Should().MatchRegex(
            "^Expected device keep-fails to keep its configuration, back in phase ready, within 2 min of simulated time, but it restored its factory defaults\\. " +
            "The device says: [0-9:.]+ keep-fails boot/reset-release: held 17\\.[0-9] s, window 15–30 s: factory reset \\([0-9.]+ s inside the window\\)$");
    }

    [Fact]
    public async Task A_release_inside_the_window_loses_the_configuration()
    {
        var camera = await ReadyAsync("lose");
        var since = await HoldThroughPowerOnAsync(camera, heldSeconds: 20);

        var back = await camera.Should().LoseConfig(within: TwoMinutes, since: since);

        back.Which.Should().BeInSetupMode();
    }

    [Fact]
    public async Task Expecting_a_factory_reset_after_an_early_release_quotes_why_it_kept_the_configuration()
    {
        var camera = await ReadyAsync("lose-fails");
        await HoldThroughPowerOnAsync(camera, heldSeconds: 5);

        var act = () => camera.Should().LoseConfig(within: TwoMinutes);

        (await act.Should().ThrowAsync<XunitException>()).Which.Message.Should().MatchRegex(
            "^Expected device lose-fails to lose its configuration, back in phase ready, within 2 min of simulated time, but it kept it\\. " +
            "The device says: [0-9:.]+ lose-fails boot/reset-release: held 5\\.[0-9] s, window 15–30 s: released too early, normal boot, configuration kept \\([0-9.]+ s short of the window\\)$");
    }
}
