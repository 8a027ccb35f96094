using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Power;
using AxisEmulator.Core.Tests.Support;

namespace AxisEmulator.Core.Tests.Boot;

/// <summary>The triggers a phase sees and ignores on purpose, walked through a whole device.</summary>
public class BootIgnoresTests
{
    [Fact]
    public void A_release_in_the_boot_loader_before_it_samples_the_button_boots_normally()
    {
        using var h = new DeviceHarness();
        h.Camera.PowerOn(DeviceHarness.PoeClass3);
        h.Advance(0.5);
        h.Camera.PressButton();
        h.Advance(0.5);
        h.Camera.ReleaseButton();

        h.Advance(120);

        h.Camera.Phase.Should().Be(DevicePhase.Ready);
        h.Phases().Should().NotContain("reset-hold");
        h.Entries(TimelineKind.Boot, "reset-release").Should().ContainSingle().Which.Get<string>("outcome").Should().Be("too-early");
    }

    [Fact]
    public void Bricking_a_unit_that_is_off_decides_its_next_power_on()
    {
        using var h = new DeviceHarness();
        h.Camera.SetBricked(true);
        h.Camera.Phase.Should().Be(DevicePhase.Off);

        h.Camera.PowerOn(DeviceHarness.PoeClass3);

        h.Camera.Phase.Should().Be(DevicePhase.Bricked);
    }

    [Fact]
    public void A_weaker_source_on_a_bricked_unit_leaves_it_dead()
    {
        using var h = new DeviceHarness(TestProfiles.Box(degrade: false));
        h.Camera.SetBricked(true);
        h.Camera.PowerOn(new PoeSource(PoeStandard.At, 4, 10));
        h.Camera.Phase.Should().Be(DevicePhase.Bricked);

        h.Camera.PowerOn(new PoeSource(PoeStandard.Af, 1, 10));

        h.Camera.Phase.Should().Be(DevicePhase.Bricked);
        h.Entries(TimelineKind.Power, "brownout").Should().ContainSingle("the rail's verdict is recorded even though nothing runs");
    }
}
