using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Power;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Core.Tests.Support;

namespace AxisEmulator.Core.Tests.Devices;

/// <summary>Every shipped hardware profile, as a device: it boots on a suitable source and resets with the button.</summary>
public class ShippedProfileDeviceTests
{
    private static readonly ProfileCatalog Catalog = ProfileCatalog.Load(Path.Combine(RepositoryPaths.Root, "hardware-profiles"));

    public static TheoryData<string> ProfileIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in Catalog.Ids)
        {
            data.Add(id);
        }

        return data;
    }

    /// <summary>A source that powers the profile fully: its own PoE class over 10 m, or DC in its range.</summary>
    private static PowerSource SourceFor(HardwareProfile profile) => profile.Power.PoeClass is { } poeClass
        ? new PoeSource(poeClass <= 3 ? PoeStandard.Af : poeClass == 4 ? PoeStandard.At : PoeStandard.Bt, poeClass, 10)
        : new DcSource(profile.Power.Dc!.Min, 3);

    [Theory]
    [MemberData(nameof(ProfileIds))]
    public void Boots_to_ready_then_factory_resets_with_the_button(string id)
    {
        var profile = Catalog.Get(id);
        using var clock = new SimulationClock();
        var camera = new Device(new DeviceOptions { Id = "dev", Profile = profile }, clock);
        camera.PowerOn(SourceFor(profile));
        clock.RunUntilIdle(TimeSpan.FromHours(1)).Should().BeTrue();
        camera.Phase.Should().Be(DevicePhase.Ready);
        camera.Snapshot().Firmware.Version.Should().Be(profile.Firmware.Version);

        camera.PowerOff();
        camera.PressButton();
        camera.PowerOn(SourceFor(profile));
        var middle = (profile.Reset.HoldMinSeconds + profile.Reset.HoldMaxSeconds) / 2;
        clock.Advance(TimeSpan.FromSeconds(middle));
        camera.ReleaseButton();
        clock.RunUntilIdle(TimeSpan.FromHours(1)).Should().BeTrue();
        camera.Timeline.Since(0).Should().Contain(e => e.Event is ResetReleased && (string?)e.Data!["outcome"] == "factory-reset");
        camera.Phase.Should().Be(DevicePhase.Ready);
        camera.NeedsSetup.Should().BeTrue();
    }
}
