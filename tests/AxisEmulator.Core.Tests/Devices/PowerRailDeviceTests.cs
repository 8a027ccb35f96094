using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Leds;
using AxisEmulator.Core.Power;
using AxisEmulator.Core.Tests.Support;

namespace AxisEmulator.Core.Tests.Devices;

/// <summary>The device on its power rail: too little class, too long a cable, the wrong injector.</summary>
public class PowerRailDeviceTests
{
    private static readonly PoeSource AfClass3 = new(PoeStandard.Af, 3, 10);

    [Fact]
    public void Class_4_camera_on_a_class_3_PSE_boot_loops_and_counts_the_loops()
    {
        using var h = new DeviceHarness(TestProfiles.Box(degrade: false));
        h.Camera.PowerOn(AfClass3);
        h.Clock.RunUntilIdle(TimeSpan.FromMinutes(10)).Should().BeFalse("a boot loop never settles");

        h.Camera.Phase.Should().NotBe(DevicePhase.Ready);
        var cuts = h.Entries(TimelineKind.Power, "brownout");
        cuts.Should().HaveCountGreaterThan(3);
        cuts[0].Message.Should().Contain("overload").And.Contain("12.95 W");
        cuts[0].Get<string>("status").Should().Be("overload");
        h.Entries(TimelineKind.Boot, "system-ready").Should().BeEmpty("the peak load is cut the moment it starts");
        var retries = h.Entries(TimelineKind.Power, "pse-retry-scheduled");
        retries.Select(e => e.Get<int>("bootLoopCount")).Should().BeInAscendingOrder().And.StartWith(1);
        h.Camera.BootLoopCount.Should().Be(retries[^1].Get<int>("bootLoopCount"));
        h.Camera.Snapshot().BootLoopCount.Should().Be(h.Camera.BootLoopCount);

        // It reaches network-up (running load 12 W fits) but browns out when the 20 W peak starts at ready.
        h.Phases().Should().ContainInOrder("bootloader", "booting", "network-up", "ready", "brownout", "bootloader", "booting");
    }

    [Fact]
    public void Class_4_camera_that_may_run_degraded_boots_with_a_power_warning()
    {
        using var h = new DeviceHarness(TestProfiles.Box(degrade: true));
        h.Camera.PowerOn(AfClass3);
        h.Clock.RunUntilIdle(TimeSpan.FromMinutes(10)).Should().BeTrue();
        h.Camera.Phase.Should().Be(DevicePhase.Ready);
        var snapshot = h.Camera.Snapshot();
        snapshot.Power.Reading!.Status.Should().Be(PowerStatus.Degraded);
        snapshot.Power.Reading.Watts.Should().Be(11, "the degraded load caps heater and IR");
        h.Entries(TimelineKind.Power, "power-warning").Should().ContainSingle();
        h.Entries(TimelineKind.Power, "brownout").Should().BeEmpty();
    }

    [Fact]
    public void Longest_cable_on_802_3at_boots_and_one_metre_more_boot_loops()
    {
        var profile = TestProfiles.Box(degrade: false);
        var peak = profile.Power.Loads.Peak;
        var limit = PowerRail.MaxCableMeters(PoeStandard.At, 4, CableCategory.Cat5, profile.Power, peak);

        // The formula: R_max = (V − V_min)·V_min / P with 53 V at the PSE, 42.5 V minimum, 12.5 Ω per 100 m.
        var expected = (53 - 42.5) * 42.5 / peak / 12.5 * 100;
        limit.Should().BeApproximately(Math.Min(expected, 250), 0.01);

        using (var ok = new DeviceHarness(profile))
        {
            ok.Camera.PowerOn(new PoeSource(PoeStandard.At, 4, limit - 1, CableCategory.Cat5));
            ok.Clock.RunUntilIdle(TimeSpan.FromMinutes(10)).Should().BeTrue();
            ok.Camera.Phase.Should().Be(DevicePhase.Ready);
        }

        using var tooLong = new DeviceHarness(profile);
        tooLong.Camera.PowerOn(new PoeSource(PoeStandard.At, 4, Math.Min(limit + 1, 250), CableCategory.Cat5));
        tooLong.Clock.RunUntilIdle(TimeSpan.FromMinutes(10)).Should().BeFalse();
        tooLong.Entries(TimelineKind.Power, "brownout")[0].Get<string>("status").Should().Be("undervoltage");
    }

    [Fact]
    public void Lengthening_the_cable_while_running_browns_the_camera_out()
    {
        using var h = new DeviceHarness(TestProfiles.Box(degrade: false));
        h.BootToReady(new PoeSource(PoeStandard.At, 4, 50, CableCategory.Cat5));
        h.Camera.PowerOn(new PoeSource(PoeStandard.At, 4, 240, CableCategory.Cat5));
        h.Camera.Phase.Should().Be(DevicePhase.Brownout);
        h.Camera.Leds.All.Should().OnlyContain(l => l.State == LedState.Off);
        h.Camera.IsListening.Should().BeFalse();
    }

    [Fact]
    public void A_24_V_passive_injector_lights_nothing()
    {
        using var h = new DeviceHarness();
        h.Camera.PowerOn(new PassiveSource(24));
        h.Clock.RunUntilIdle(TimeSpan.FromMinutes(5)).Should().BeTrue();
        h.Camera.Phase.Should().Be(DevicePhase.Off);
        h.Entries(TimelineKind.Led).Should().BeEmpty("nothing lights");
        h.Entries(TimelineKind.Power, "no-power").Single().Message.Should().Contain("24 V");
        h.Camera.Snapshot().Power.Reading!.Status.Should().Be(PowerStatus.NoPower);
    }

    [Fact]
    public void Swapping_a_dead_injector_for_a_good_PSE_boots_the_camera()
    {
        using var h = new DeviceHarness();
        h.Camera.PowerOn(new PassiveSource(24));
        h.Camera.PowerOn(AfClass3);
        h.Advance(120);
        h.Camera.Phase.Should().Be(DevicePhase.Ready);
    }

    [Fact]
    public void Invalid_power_source_is_refused_with_a_clear_message()
    {
        using var h = new DeviceHarness();
        var act = () => h.Camera.PowerOn(new PoeSource(PoeStandard.Af, 4));
        act.Should().Throw<ArgumentException>().WithMessage("*802.3af PSEs supply class 0–3*");
        h.Camera.Phase.Should().Be(DevicePhase.Off);
    }
}
