using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Fleet;
using static AxisEmulator.Core.Tests.Fleet.FleetTestSupport;

namespace AxisEmulator.Core.Tests.Fleet;

/// <summary>
/// DESIGN.md §4.5: after a hard reset without a DHCP server, AXIS OS ≤ 11.x falls back to
/// 192.168.0.90 — so five cameras reset together all claim it, and the emulated LAN flags it.
/// </summary>
public class MassResetIpConflictTests
{
    private const string FiveOnEleven = "groups:\n  - { profile: P3265-LVE, count: 5, idPrefix: site }\n";

    [Fact]
    public void Five_cameras_on_11_11_reset_together_without_dhcp_all_fall_back_to_192_168_0_90_and_are_flagged()
    {
        var fleet = Parse(FiveOnEleven);
        using var emulator = ManualEmulatorFor(fleet);
        var devices = FleetBuilder.Apply(fleet, emulator).Devices;
        devices.Should().OnlyContain(d => d.Profile.Firmware.Version.StartsWith("11.11", StringComparison.Ordinal));
        GiveStaticAddresses(devices);
        emulator.Advance(120);
        devices.Should().OnlyContain(d => d.Phase == DevicePhase.Ready && d.Network.Conflicts.Count == 0);
        devices.Select(d => d.Network.IpAddress).Should().OnlyHaveUniqueItems();

        var marks = devices.Select(d => d.Timeline.LastSequence).ToList();
        foreach (var device in devices)
        {
            device.FactoryDefault(FactoryDefaultMode.Hard).Should().BeTrue();
        }

        emulator.Advance(180);

        devices.Should().OnlyContain(d => d.Phase == DevicePhase.Ready);
        devices.Select(d => d.Network.IpAddress).Should().AllBe("192.168.0.90");

        // Every device is told when another arrives on its address, the first one back included: all
        // five are flagged, each naming the other four, and each has an ip-conflict in its timeline.
        var serials = devices.Select(d => d.Serial).ToHashSet();
        var conflicts = devices.Select((d, i) => d.Timeline.Since(marks[i]).Where(e => e.Event is IpConflict).ToList()).ToList();
        conflicts.Should().OnlyContain(c => c.Count >= 1);
        foreach (var device in devices)
        {
            device.Network.Conflicts.Should().BeEquivalentTo(serials.Where(s => s != device.Serial), "{0} shares 192.168.0.90 with the other four", device.Id);
        }

        conflicts.SelectMany(c => c).Should().OnlyContain(e => e.Message.Contains("192.168.0.90"));
    }

    [Fact]
    public void With_a_dhcp_pool_the_same_mass_reset_gives_distinct_leases_and_no_conflict()
    {
        var fleet = Parse("dhcp: { pool: 192.168.0.100-192.168.0.199 }\n" + FiveOnEleven);
        using var emulator = ManualEmulatorFor(fleet);
        var devices = FleetBuilder.Apply(fleet, emulator).Devices;
        GiveStaticAddresses(devices);
        emulator.Advance(120);

        foreach (var device in devices)
        {
            device.FactoryDefault(FactoryDefaultMode.Hard).Should().BeTrue();
        }

        emulator.Advance(180);

        devices.Should().OnlyContain(d => d.Phase == DevicePhase.Ready);
        var addresses = devices.Select(d => d.Network.IpAddress!).ToList();
        addresses.Should().OnlyHaveUniqueItems().And.OnlyContain(a => a.StartsWith("192.168.0.1", StringComparison.Ordinal));
        devices.Should().OnlyContain(d => d.Network.Conflicts.Count == 0);
        devices.SelectMany(d => d.Timeline.Since(0)).Should().NotContain(e => e.Event is IpConflict);
    }

    [Fact]
    public void Five_cameras_booted_without_dhcp_share_the_fallback_address_from_the_first_boot()
    {
        var fleet = Parse(FiveOnEleven);
        using var emulator = ManualEmulatorFor(fleet);
        var devices = FleetBuilder.Apply(fleet, emulator).Devices;

        emulator.Advance(120);

        devices.Select(d => d.Network.IpAddress).Should().AllBe("192.168.0.90");
        devices.Skip(1).Should().OnlyContain(d => d.Network.Conflicts.Count > 0);
    }

    private static void GiveStaticAddresses(IReadOnlyList<Device> devices)
    {
        for (var i = 0; i < devices.Count; i++)
        {
            var address = $"192.168.0.{11 + i}";
            devices[i].UpdateConfig(c => (c with { Network = c.Network with { BootProto = BootProtocol.None, IpAddress = address } }, true), "static address");
        }
    }
}

/// <summary>A regression guard: conflict news must cost one notification per arrival, not one per pair.</summary>
public class MassConflictScalingTests
{
    [Fact]
    public void Two_hundred_cameras_on_one_fallback_address_are_each_flagged_once_in_linear_work()
    {
        var profiles = Core.Profiles.ProfileCatalog.Load(RepositoryPaths.HardwareProfiles);
        using var emulator = new Emulator(new EmulatorOptions { ClockMode = Core.Clock.ClockMode.Manual }, profiles);
        for (var i = 0; i < 200; i++)
        {
            emulator.AddDevice("P3245-LVE", $"cam-{i}").PowerOn(Core.Power.DefaultPowerSource.For(profiles.Get("P3245-LVE")));
        }

        emulator.Clock.RunUntilIdle(TimeSpan.FromMinutes(10)).Should().BeTrue();
        var devices = emulator.Devices;
        devices.Should().OnlyContain(d => d.Phase == DevicePhase.Ready && d.Snapshot().Network.IpAddress == "192.168.0.90");
        devices.Should().OnlyContain(d => d.Snapshot().Network.Conflicts.Count == 199);
        devices.Select(d => d.Timeline.Since(0).Count(e => e.Event is IpConflict)).Should().OnlyContain(n => n == 1);
        (emulator.Clock.ExecutedEvents / 200.0).Should().BeLessThan(20, "each camera's boot takes a handful of events, whatever the fleet size");
    }
}

/// <summary>
/// What a per-request reader (the VAPIX server) sees of a device's network: the addressing alone,
/// without the conflict list, replaced only when it changes. Before, every request built and sorted
/// the list of the other cameras on the address: 99 serials per request with 100 cameras on
/// 192.168.0.90, 999 with 1,000.
/// </summary>
public class AddressingSnapshotTests
{
    [Fact]
    public void Addressing_is_one_object_until_the_address_or_the_link_changes_and_carries_no_conflict_list()
    {
        var profiles = Core.Profiles.ProfileCatalog.Load(RepositoryPaths.HardwareProfiles);
        using var emulator = new Emulator(new EmulatorOptions { ClockMode = Core.Clock.ClockMode.Manual }, profiles);
        var cameras = Enumerable.Range(0, 3).Select(i => emulator.AddDevice("P3245-LVE", $"cam-{i}")).ToList();
        cameras.ForEach(c => c.PowerOn(Core.Power.DefaultPowerSource.For(profiles.Get("P3245-LVE"))));
        emulator.Clock.RunUntilIdle(TimeSpan.FromMinutes(10)).Should().BeTrue();
        var camera = cameras[0];

        var first = camera.Addressing;
        first.Should().Be(new NetworkAddressing("192.168.0.90", camera.Snapshot().Network.LinkLocalAddress, Core.Config.BootProtocol.Dhcp, LinkUp: true));
        camera.Network.Conflicts.Should().HaveCount(2, "the full snapshot still lists who else is on the address");
        camera.Addressing.Should().BeSameAs(first, "nothing changed");

        camera.SetNetworkLink(false);
        camera.Addressing.LinkUp.Should().BeFalse();
        camera.SetNetworkLink(true);
        camera.Addressing.Should().NotBeSameAs(first).And.Be(first, "the same addressing again, in a new object");
        camera.Config.Should().BeSameAs(camera.ReadConfig(c => c));
    }
}

public class AddressConflictSampleTests
{
    [Fact]
    public void A_claim_counts_the_others_and_names_the_first_five_in_ordinal_order()
    {
        var lan = new Core.Network.EmulatedLan();
        var serials = Enumerable.Range(0, 40).Select(i => $"B8A44F{(i * 7919 % 1000):D6}").ToList(); // claimed out of order
        foreach (var serial in serials)
        {
            lan.Claim(serial, "192.168.0.90");
        }

        var conflict = lan.Claim("B8A44FFFFFFF", "192.168.0.90");

        conflict.Count.Should().Be(40);
        conflict.FirstSerials.Should().Equal(serials.Order(StringComparer.Ordinal).Take(5));
        lan.ConflictAt("192.168.0.90", serials[0]).Count.Should().Be(40, "everyone but itself");
        lan.ConflictAt("192.168.0.90", serials[0]).FirstSerials.Should().NotContain(serials[0]);
        lan.ConflictAt("10.0.0.1", serials[0]).Should().Be(Core.Network.AddressConflict.None);
        lan.Claim("B8A44F999999", "10.0.0.2").Should().Be(Core.Network.AddressConflict.None, "nobody else on that address");
    }
}
