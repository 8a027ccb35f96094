using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Events.Notifications;
using AxisEmulator.Core.Fleet;
using static AxisEmulator.Core.Tests.Fleet.FleetTestSupport;

namespace AxisEmulator.Core.Tests.Events;

/// <summary>
/// The address events a tool on the event stream sees (VAPIX event declarations: AddressAdded and
/// AddressRemoved, source <c>interface</c>, data <c>origin</c> and <c>address</c>), derived from the
/// device's typed network events.
/// </summary>
public class AddressNotificationTests
{
    [Fact]
    public void Network_up_without_dhcp_adds_the_link_local_then_the_fallback_address()
    {
        var (emulator, camera) = Boot("P3265-LVE");
        using (emulator)
        {
            Addresses(camera).Should().Equal(
                $"{EventTopics.AddressAdded} Link local {camera.Network.LinkLocalAddress}",
                $"{EventTopics.AddressAdded} Static 192.168.0.90");
        }
    }

    [Fact]
    public void A_lease_replacing_the_fallback_removes_it_and_adds_only_the_lease_not_the_link_local_again()
    {
        var (emulator, camera) = Boot("P3265-LVE");
        using (emulator)
        {
            var before = camera.Timeline.LastSequence;

            camera.AdoptLease("192.168.0.150").Should().BeTrue();
            camera.AdoptLease("192.168.0.151").Should().BeTrue("the renewal failed and a new DISCOVER got another address");

            // Before the fix every lease announced the link-local address once more, as if it were new.
            Addresses(camera, before).Should().Equal(
                $"{EventTopics.AddressRemoved} Static 192.168.0.90",
                $"{EventTopics.AddressAdded} DHCP 192.168.0.150",
                $"{EventTopics.AddressRemoved} DHCP 192.168.0.150",
                $"{EventTopics.AddressAdded} DHCP 192.168.0.151");
            camera.Timeline.Since(before).Select(e => e.Event).OfType<AddressReleased>().First()
                .Should().Be(new AddressReleased("192.168.0.90", AddressOrigin.Fallback));
        }
    }

    [Fact]
    public void On_axis_os_12_a_lease_removes_nothing_the_link_local_fallback_stays()
    {
        var (emulator, camera) = Boot("D2210-VE");
        using (emulator)
        {
            var linkLocal = camera.Network.LinkLocalAddress;
            Addresses(camera).Should().Equal($"{EventTopics.AddressAdded} Link local {linkLocal}");
            var before = camera.Timeline.LastSequence;

            camera.AdoptLease("192.168.0.150").Should().BeTrue();

            Addresses(camera, before).Should().Equal($"{EventTopics.AddressAdded} DHCP 192.168.0.150");
        }
    }

    [Fact]
    public void Address_events_carry_the_interface_and_the_device_clock()
    {
        var (emulator, camera) = Boot("P3265-LVE");
        using (emulator)
        {
            var before = camera.Timeline.LastSequence;
            camera.AdoptLease("192.168.0.150");
            var entry = camera.Timeline.Since(before).First(e => e.Event is AddressReleased);

            var removed = EventNotifications.From(entry, TimeSpan.FromHours(1)).Should().ContainSingle().Subject;

            removed.Source.Should().Equal(new Dictionary<string, string> { ["interface"] = "eth0" });
            removed.Key.Should().BeEmpty();
            removed.Timestamp.Should().Be(entry.Time + TimeSpan.FromHours(1));
        }
    }

    private static (Emulator Emulator, Device Camera) Boot(string profile)
    {
        var fleet = Parse($"groups:\n  - {{ profile: {profile}, count: 1 }}\n");
        var emulator = ManualEmulatorFor(fleet);
        var camera = Core.Fleet.FleetBuilder.Apply(fleet, emulator).Devices[0];
        emulator.Advance(180);
        camera.Phase.Should().Be(DevicePhase.Ready);
        return (emulator, camera);
    }

    /// <summary>"topic origin address" of every address event published after <paramref name="after"/>.</summary>
    private static List<string> Addresses(Device camera, long after = 0) =>
    [
        .. camera.Timeline.Since(after)
            .SelectMany(e => EventNotifications.From(e, TimeSpan.Zero))
            .Where(n => n.Topic != EventTopics.SystemReady)
            .Select(n => $"{n.Topic} {n.Data["origin"]} {n.Data["address"]}"),
    ];
}
