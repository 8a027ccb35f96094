using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Power;

namespace AxisEmulator.Tests.Lab;

/// <summary>
/// The full button reset on a real segment (issue 14): a camera drops its DHCP lease, falls back to
/// 192.168.0.90, conflicts over ARP with another camera reset the same way, and is found again by
/// mDNS (avahi-browse, python-zeroconf) at its new address, by its MAC.
/// </summary>
public class LabButtonResetJourneyTests
{
    private const string Fallback = "192.168.0.90";

    [Fact]
    public async Task Two_cameras_button_reset_while_the_DHCP_server_is_down_both_take_192_168_0_90_see_each_other_over_ARP_and_are_found_by_mDNS()
    {
        await using var lab = LabHarness.Start(dhcpPool: "192.168.0.100-192.168.0.199");
        var leased = lab.AddCamera();
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
        var lease = await lab.Devices.Lab!.FirstLeaseAsync(leased.Id).WaitAsync(TimeSpan.FromSeconds(30));
        leased.Network.IpAddress.Should().Be(lease.Address.ToString());

        // The DHCP server goes away; a second camera plugged in now falls back at once.
        lab.Emulator.Lan.SetDhcpServing(false);
        var other = lab.AddCamera();
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
        other.Network.IpAddress.Should().Be(Fallback);

        var conflicts = new[] { leased, other }.ToDictionary(c => c, ConflictsSeen);
        // The procedure on both: power off, hold the button through power-on for 22 s, release (window 15–30 s).
        foreach (var camera in new[] { leased, other })
        {
            camera.PowerOff();
            camera.PressButton();
            camera.PowerOn(DefaultPowerSource.For(camera.Profile));
        }

        await lab.AdvanceAsync(TimeSpan.FromSeconds(22));
        leased.ReleaseButton();
        other.ReleaseButton();
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));

        foreach (var camera in new[] { leased, other })
        {
            camera.Phase.Should().Be(DevicePhase.Ready);
            camera.Timeline.Since().Should().Contain(e => e.Event is ResetReleased && ((ResetReleased)e.Event).Outcome.Verdict == Core.Boot.ResetVerdict.FactoryReset);
            camera.Network.IpAddress.Should().Be(Fallback, "no DHCP server answers after the reset");
            lab.Devices.Lab.LeaseOf(camera.Id).Should().BeNull();
        }

        (await conflicts[leased].WaitAsync(TimeSpan.FromSeconds(30))).Named.Should().Contain(other.Serial);
        (await conflicts[other].WaitAsync(TimeSpan.FromSeconds(30))).Named.Should().Contain(leased.Serial);
        // On the wire: both MACs answer ARP for the one address.
        var arping = await lab.InClientAsync("arping", "-c", "3", "-i", "eth0", Fallback);
        arping.Output.Should().Contain(MacText(leased)).And.Contain(MacText(other), arping.ToString());

        await using var avahi = await AvahiPeer.StartAsync(lab.Names.Client);
        var browsed = await avahi.BrowseAsync("_axis-video._tcp", LabAvahiTests.Lists(leased, other));
        var zeroconf = await LabZeroconfTests.BrowseAsync(lab, "_axis-video._tcp.local.");
        foreach (var camera in new[] { leased, other })
        {
            LabAvahiTests.ShouldList(browsed, camera);
            var resolved = zeroconf[$"AXIS {camera.Profile.Model} - {camera.Serial}._axis-video._tcp.local."];
            resolved.GetProperty("properties").GetProperty("macaddress").GetString().Should().Be(camera.Serial);
            resolved.GetProperty("addresses").EnumerateArray().Select(a => a.GetString()).Should().Contain(Fallback).And.NotContain(lease.Address.ToString());
        }
    }

    private static string MacText(Device camera) => string.Join(':', camera.Serial.ToLowerInvariant().Chunk(2).Select(c => new string(c)));

    /// <summary>The first IP conflict the camera's timeline records from now on.</summary>
    private static Task<IpConflict> ConflictsSeen(Device camera)
    {
        var reported = new TaskCompletionSource<IpConflict>(TaskCreationOptions.RunContinuationsAsynchronously);
        camera.Timeline.Appended += entry =>
        {
            if (entry.Event is IpConflict conflict)
            {
                reported.TrySetResult(conflict);
            }
        };
        return reported.Task;
    }
}
