using AxisEmulator.Client;
using AxisEmulator.Contracts;
using AxisEmulator.Testing;

namespace AxisEmulator.Client.Tests.Examples;

/// <summary>
/// Example to copy: a control button that has lost its click. Its contact drops out while held; a
/// dropout longer than the firmware's debounce window reads as a release, so the boot loader ends the
/// reset hold early although the finger never moved. The emulator's seed makes the dropouts the same
/// on every run (this class's fixture sets it: subclass the fixture to pass options).
/// </summary>
public class MushyButtonExample(MushyButtonExample.SeededEmulator emulator) : IClassFixture<MushyButtonExample.SeededEmulator>
{
    [Fact]
    public async Task A_mushy_button_ends_the_reset_hold_before_the_LED_flashes_and_nothing_is_erased()
    {
        var camera = await emulator.AddDeviceAsync(id: "mushy", profile: "P3265-LVE", powerOn: true);
        await camera.Should().ReachPhase(DevicePhase.Ready, within: TimeSpan.FromMinutes(2));
        emulator.AddAdminAccount(camera.Id);

        await camera.PowerOffAsync();
        (await camera.SetButtonAsync(ButtonFault.Mushy(dropoutsPerSecond: 2, dropoutMs: 400))).Should().HaveButton(ButtonCondition.Mushy);
        await camera.PressButtonAsync();
        var poweredOn = await camera.PowerOnAsync();

        // The installer holds for 22 s, waiting for the amber flashing that never comes.
        await camera.Should().NeverSatisfy(d => d.Leds.Status.IsFlashing(LedColor.Amber), within: TimeSpan.FromSeconds(22));
        await camera.ReleaseButtonAsync();

        var ready = await camera.Should().ReachPhase(DevicePhase.Ready, within: TimeSpan.FromMinutes(2));
        ready.Which.Should().NotBeInSetupMode("the boot loader saw an early release, not a reset");

        var timeline = await camera.GetTimelineAsync(since: poweredOn.LastSequence);
        timeline.Should().ShowButtonDropouts();
        timeline.Should().ShowResetRelease("too-early");
        timeline.Should().NotShowFactoryReset();
    }

    /// <summary>The in-process emulator with a fixed seed: the same dropouts on every run.</summary>
    public sealed class SeededEmulator() : InProcessEmulatorFixture(new InProcessEmulatorOptions { Seed = 10 });
}
