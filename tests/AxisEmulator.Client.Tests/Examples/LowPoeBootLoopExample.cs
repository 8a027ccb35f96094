using AxisEmulator.Client;
using AxisEmulator.Contracts;
using AxisEmulator.Testing;

namespace AxisEmulator.Client.Tests.Examples;

/// <summary>
/// Example to copy: too little PoE power. A class-4 camera on an 802.3af (class 3, 12.95 W) switch
/// port boots until its full load starts, the switch cuts the power, retries, and the camera loops —
/// unless the model can run degraded, in which case it boots with heater and IR limited.
/// </summary>
public class LowPoeBootLoopExample(InProcessEmulatorFixture emulator) : IClassFixture<InProcessEmulatorFixture>
{
    private static readonly PowerSource Class3Port = PowerSource.Poe(pseClass: 3, standard: "802.3af", cableMeters: 10);

    [Fact]
    public async Task A_class_4_camera_on_a_class_3_port_boot_loops_until_it_gets_a_class_4_port()
    {
        var camera = await emulator.AddDeviceAsync(id: "gate", profile: "P3727-PLE", source: Class3Port);

        // Ten minutes of simulated time: it never stays up.
        var after = await camera.Should().NeverReachPhase(DevicePhase.Ready, within: TimeSpan.FromMinutes(10));
        after.Which.BootLoopCount.Should().BeGreaterThan(3);

        var timeline = await camera.GetTimelineAsync();
        timeline.Should().ShowBrownouts(times: 3).And.NotShowEvent("system-ready");
        timeline.Should().ShowEvent("brownout").Which.GetString("status").Should().Be("overload");

        // Moved to an 802.3at port it comes up for good.
        await camera.PowerOnAsync(PowerSource.Poe(pseClass: 4, standard: "802.3at"));
        var ready = await camera.Should().ReachPhase(DevicePhase.Ready, within: TimeSpan.FromMinutes(3));
        ready.Which.Should().HavePowerStatus(PowerStatus.Ok);
        await camera.Should().NeverReachPhase(DevicePhase.Brownout, within: TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task A_class_4_camera_that_can_run_degraded_boots_with_a_power_warning()
    {
        var camera = await emulator.AddDeviceAsync(id: "yard", profile: "Q1656-LE", source: Class3Port);

        var ready = await camera.Should().ReachPhase(DevicePhase.Ready, within: TimeSpan.FromMinutes(3));
        ready.Which.Should().HavePowerStatus(PowerStatus.Degraded);
        ready.Which.Power.BudgetWatts.Should().Be(12.95);
        (await camera.GetTimelineAsync()).Should().ShowEvent("power-warning");
    }
}
