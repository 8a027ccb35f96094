using AxisEmulator.Core.Config;
using AxisEmulator.Vapix.Snapshots;
using AxisEmulator.Vapix.Tests.Support;

namespace AxisEmulator.Vapix.Tests.Snapshots;

public class NetworkStateTests
{
    [Fact]
    public void A_dhcp_lease_is_reported_beside_the_stored_static_configuration()
    {
        var state = NetworkState.From(NetworkSettings.FactoryDefault, "10.0.0.48", "169.254.3.4");

        state.BootProtocol.Should().Be(BootProtocol.Dhcp);
        state.StaticAddress.Should().Be(new Ipv4Address("192.168.0.90", 24, "192.168.0.255"));
        state.CurrentAddress.Should().Be(new Ipv4Address("10.0.0.48", 24, "10.0.0.255"));
        state.CurrentOrigin.Should().Be(AddressOrigin.Dhcp);
        state.LinkLocalAddress!.SubnetMask.Should().Be("255.255.0.0");
    }

    [Fact]
    public void The_static_fallback_address_counts_as_static()
    {
        var state = NetworkState.From(NetworkSettings.FactoryDefault, "192.168.0.90", null);

        state.CurrentOrigin.Should().Be(AddressOrigin.Static);
        state.LinkLocalAddress.Should().BeNull();
    }

    [Fact]
    public void A_configured_host_name_replaces_the_default_one()
    {
        var state = NetworkState.From(NetworkSettings.FactoryDefault with { Hostname = "lobby" }, null, null);
        var identity = new VapixIdentity(TestProfiles.Create(), "B8A44F631339");

        state.StaticHostName.Should().Be("lobby");
        identity.HostName.Should().Be("axis-b8a44f631339");
        identity.Realm.Should().Be("AXIS_B8A44F631339");
    }

    [Theory]
    [InlineData("10.1.2.3", 8, "10.255.255.255", "255.0.0.0")]
    [InlineData("192.168.0.90", 24, "192.168.0.255", "255.255.255.0")]
    [InlineData("169.254.3.4", 16, "169.254.255.255", "255.255.0.0")]
    public void Broadcast_and_mask_follow_the_prefix(string address, int prefix, string broadcast, string mask)
    {
        var ip = Ipv4Address.Create(address, prefix);

        ip.Broadcast.Should().Be(broadcast);
        ip.SubnetMask.Should().Be(mask);
    }

    [Fact]
    public void A_serial_that_is_not_12_hex_digits_is_refused()
    {
        var act = () => new VapixIdentity(TestProfiles.Create(), "XYZ");

        act.Should().Throw<ArgumentException>();
    }
}
