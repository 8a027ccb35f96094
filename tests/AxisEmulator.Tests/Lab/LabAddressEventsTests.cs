using AxisEmulator.Core.Events;
using AxisEmulator.Core.Events.Notifications;
using AxisEmulator.Lab;

namespace AxisEmulator.Tests.Lab;

/// <summary>
/// The address events on the real path: the camera comes up on the fallback (no DHCP server in the
/// emulated LAN), its own DHCP client gets a lease from dnsmasq on the segment, and the fallback is
/// released for it: AddressRemoved for 192.168.0.90, then AddressAdded for the lease alone.
/// </summary>
public class LabAddressEventsTests
{
    private const string Reserved = "192.168.0.151";

    [Fact]
    public async Task A_lease_from_dnsmasq_removes_the_fallback_and_adds_the_lease_without_the_link_local_again()
    {
        await using var lab = LabHarness.Start();
        var camera = lab.AddCamera();
        using var leases = new TempDirectory();
        using var dnsmasq = LabDhcpTests.StartDnsmasq(lab, Path.Combine(leases.Path, "dnsmasq.leases"), $"--dhcp-host={LabPort.MacOf(camera.Serial)},{Reserved}");
        try
        {
            var leased = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            camera.Timeline.Appended += entry =>
            {
                if (entry.Event is AddressAssigned { Origin: AddressOrigin.Dhcp })
                {
                    leased.TrySetResult();
                }
            };
            await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
            await leased.Task.WaitAsync(TimeSpan.FromSeconds(30));

            var published = camera.Timeline.Since(0)
                .SelectMany(e => EventNotifications.From(e, TimeSpan.Zero))
                .Where(n => n.Topic != EventTopics.SystemReady)
                .Select(n => $"{n.Topic[(n.Topic.LastIndexOf('/') + 1)..]} {n.Data["origin"]} {n.Data["address"]}");
            published.Should().Equal(
                $"AddressAdded Link local {camera.Addressing.LinkLocalAddress}",
                "AddressAdded Static 192.168.0.90",
                "AddressRemoved Static 192.168.0.90",
                $"AddressAdded DHCP {Reserved}");
        }
        finally
        {
            dnsmasq.Kill();
            await dnsmasq.WaitForExitAsync();
        }
    }
}
