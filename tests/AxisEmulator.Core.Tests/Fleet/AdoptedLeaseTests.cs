using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using static AxisEmulator.Core.Tests.Fleet.FleetTestSupport;

namespace AxisEmulator.Core.Tests.Fleet;

/// <summary>
/// A lease a real DHCP client got (the network lab) replaces the fallback taken at network-up, as
/// netd does (hardware-facts §3.1); it frees 192.168.0.90, so a conflict there resolves.
/// </summary>
public class AdoptedLeaseTests
{
    [Fact]
    public void A_lease_replaces_the_fallback_and_resolves_the_conflict_on_192_168_0_90()
    {
        var fleet = Parse("groups:\n  - { profile: P3265-LVE, count: 2 }\n");
        using var emulator = ManualEmulatorFor(fleet);
        var devices = Core.Fleet.FleetBuilder.Apply(fleet, emulator).Devices;
        emulator.Advance(120);
        devices.Should().OnlyContain(d => d.Network.IpAddress == "192.168.0.90" && d.Network.Conflicts.Count == 1);

        devices[0].AdoptLease("192.168.0.150").Should().BeTrue();
        emulator.Advance(1);

        devices[0].Network.IpAddress.Should().Be("192.168.0.150");
        devices[0].Timeline.Since(0).Select(e => e.Event).OfType<AddressAssigned>().Last()
            .Should().Be(new AddressAssigned("192.168.0.150", devices[0].Network.LinkLocalAddress, Core.Config.BootProtocol.Dhcp, AddressOrigin.Dhcp, LinkLocalKept: true));
        devices[1].Network.Conflicts.Should().BeEmpty();
        devices[1].Timeline.Since(0).Select(e => e.Event).Should().ContainSingle(e => e is IpConflictResolved);
        devices[0].AdoptLease("192.168.0.150").Should().BeFalse("it already has that address");
    }

    [Fact]
    public void A_lease_does_not_apply_to_a_device_off_the_network()
    {
        var fleet = Parse("groups:\n  - { profile: P3265-LVE, count: 1, power: off }\n");
        using var emulator = ManualEmulatorFor(fleet);
        var device = Core.Fleet.FleetBuilder.Apply(fleet, emulator).Devices[0];

        device.AdoptLease("192.168.0.150").Should().BeFalse();
        device.Phase.Should().Be(DevicePhase.Off);
    }
}
