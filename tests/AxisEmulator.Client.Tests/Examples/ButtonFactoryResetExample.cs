using AxisEmulator.Client;
using AxisEmulator.Contracts;
using AxisEmulator.Testing;

namespace AxisEmulator.Client.Tests.Examples;

/// <summary>
/// Example to copy: the documented factory reset with the control button, end to end through the
/// control API, on an emulator running in-process in manual time. Power off, hold the button, power
/// on while holding, keep holding until the status LED flashes amber, release: the camera restores
/// its factory defaults, reboots and shows steady green, back in setup mode. Two minutes of simulated
/// time run in milliseconds, the same way every time.
/// </summary>
public class ButtonFactoryResetExample(InProcessEmulatorFixture emulator) : IClassFixture<InProcessEmulatorFixture>
{
    [Fact]
    public async Task Holding_the_button_through_power_on_until_the_LED_flashes_amber_restores_factory_defaults()
    {
        // A P3265-LVE in service: booted, with an admin account.
        var camera = await emulator.AddDeviceAsync(id: "reset-lobby", profile: "P3265-LVE", powerOn: true);
        await camera.Should().ReachPhase(DevicePhase.Ready, within: TimeSpan.FromMinutes(2));
        emulator.AddAdminAccount(camera.Id, "root", "pass");
        (await camera.GetStateAsync()).Should().NotBeInSetupMode();

        // Pull the PoE cable, hold the control button, plug the cable back in while holding it.
        var unplugged = await camera.PowerOffAsync();
        await camera.PressButtonAsync();
        var before = await camera.PowerOnAsync();
        before.Should().BeInPhase(DevicePhase.Bootloader).And.HaveStatusLed(LedColor.Amber, LedPattern.Steady);

        // Keep holding until the status LED flashes amber: 15 s after power-on on this model.
        var armed = await camera.Should().ShowStatusLed(LedColor.Amber, LedPattern.Flashing, within: TimeSpan.FromSeconds(30));
        armed.Which.Phase.Should().Be(DevicePhase.ResetArmed);
        (armed.Which.Time - before.Time).Should().Be(TimeSpan.FromSeconds(15));

        // Release a couple of seconds later.
        await emulator.AdvanceAsync(TimeSpan.FromSeconds(2));
        await camera.ReleaseButtonAsync();

        // It restores factory defaults, reboots, and shows steady green when done: back in setup mode.
        var done = await camera.Should().ReachPhase(DevicePhase.Ready, within: TimeSpan.FromMinutes(2));
        done.Which.Should().HaveStatusLed(LedColor.Green, LedPattern.Steady).And.BeInSetupMode();

        var timeline = await camera.GetTimelineAsync(since: unplugged.LastSequence);
        timeline.Should().ShowFactoryReset();
        var release = timeline.Should().ShowResetRelease("factory-reset").Which;
        release.GetNumber("heldSeconds").Should().BeApproximately(17.05, 0.001, "the firmware reads the release after its 50 ms debounce");
        timeline.Should().ShowPhases("bootloader", "reset-hold", "reset-armed", "factory-resetting", "booting", "network-up", "ready");
    }

    [Fact]
    public async Task Releasing_before_the_LED_flashes_boots_normally_and_keeps_the_configuration()
    {
        var camera = await emulator.AddDeviceAsync(id: "early-lobby", profile: "P3265-LVE", powerOn: true);
        await camera.Should().ReachPhase(DevicePhase.Ready, within: TimeSpan.FromMinutes(2));
        emulator.AddAdminAccount(camera.Id);

        await camera.PowerOffAsync();
        await camera.PressButtonAsync();
        var poweredOn = await camera.PowerOnAsync();

        // Ten seconds in, the LED is still steady amber: the installer gives up too soon.
        await emulator.AdvanceAsync(TimeSpan.FromSeconds(10));
        (await camera.GetStateAsync()).Should().HaveStatusLed(LedColor.Amber, LedPattern.Steady);
        await camera.ReleaseButtonAsync();

        var ready = await camera.Should().ReachPhase(DevicePhase.Ready, within: TimeSpan.FromMinutes(2));
        ready.Which.Should().NotBeInSetupMode("a release before the window erases nothing");

        var timeline = await camera.GetTimelineAsync(since: poweredOn.LastSequence);
        timeline.Should().NotShowFactoryReset();
        timeline.Should().ShowResetRelease("too-early").Which.Message.Should().Contain("5.0 s short of the window");
    }
}
