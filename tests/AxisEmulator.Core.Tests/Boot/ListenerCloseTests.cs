using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Network;
using AxisEmulator.Core.Tests.Support;

namespace AxisEmulator.Core.Tests.Boot;

/// <summary>"Orderly shutdown or lost power?" is the device's one answer, <see cref="Device.ListenerClose"/>.</summary>
public class ListenerCloseTests
{
    [Fact]
    public void A_running_device_listens()
    {
        using var h = new DeviceHarness();
        h.BootToReady();
        h.Camera.ListenerClose.Should().Be(ListenerClose.Open);
    }

    [Fact]
    public void A_restart_closes_in_order_all_the_way_through_the_reboot()
    {
        using var h = new DeviceHarness();
        h.BootToReady();
        h.Camera.Restart().Should().BeTrue();
        h.Camera.ListenerClose.Should().Be(ListenerClose.Orderly);
        h.Advance(6);
        h.Camera.Phase.Should().Be(DevicePhase.Bootloader);
        h.Camera.ListenerClose.Should().Be(ListenerClose.Orderly);
        h.Camera.ListenerClose.DropsConnections().Should().BeFalse();
    }

    [Fact]
    public void Losing_power_drops_everything()
    {
        using var h = new DeviceHarness();
        h.BootToReady();
        h.Camera.PowerOff();
        h.Camera.ListenerClose.Should().Be(ListenerClose.PowerLost);
        h.Camera.ListenerClose.DropsConnections().Should().BeTrue();
    }

    [Fact]
    public void A_pulled_cable_drops_everything_and_a_new_one_opens_again()
    {
        using var h = new DeviceHarness();
        h.BootToReady();
        h.Camera.SetNetworkLink(false);
        h.Camera.ListenerClose.Should().Be(ListenerClose.LinkDown);
        h.Camera.SetNetworkLink(true);
        h.Camera.ListenerClose.Should().Be(ListenerClose.Open);
    }

    [Fact]
    public void A_bricked_unit_drops_everything()
    {
        using var h = new DeviceHarness();
        h.BootToReady();
        h.Camera.SetBricked(true);
        h.Camera.ListenerClose.Should().Be(ListenerClose.Bricked);
        h.Camera.ListenerClose.DropsConnections().Should().BeTrue();
    }
}
