using System.Net;
using AxisEmulator.Core.Network;
using AxisEmulator.Lab;
using AxisEmulator.Lab.Dhcp;

namespace AxisEmulator.Tests.Lab;

/// <summary>
/// <c>--dhcp-pool</c> in the lab: the emulated LAN's DHCP server answers on the segment for real.
/// Its decision is checked message by message; on the wire, the camera's own client and nmap's
/// <c>broadcast-dhcp-discover</c> in the client namespace get their leases from it.
/// </summary>
public class LabDhcpServerTests
{
    private const string Pool = "192.168.0.100-192.168.0.199";
    private static readonly byte[] Mac = Convert.FromHexString("ACCC8E010203");
    private static readonly DhcpIdentity Identity = new("axis-accc8e010203", "AXIS,Dome Camera,P3265-LVE,11.11.73");

    [Fact]
    public void A_discover_is_offered_the_lease_of_its_MAC_and_a_request_for_it_is_acked()
    {
        var lan = new EmulatedLan("192.168.0.100", "192.168.0.199");
        var offer = Decide(DhcpMessage.FromClient(DhcpMessageType.Discover, 7, Mac, Identity), lan);
        offer.Should().Be((DhcpMessageType.Offer, IPAddress.Parse("192.168.0.100")));

        var selecting = DhcpMessage.FromClient(DhcpMessageType.Request, 7, Mac, Identity, requested: offer!.Value.Address, server: LabDhcpServer.ServerAddress);
        Decide(selecting, lan).Should().Be((DhcpMessageType.Ack, IPAddress.Parse("192.168.0.100")));

        // Renewing: unicast from the leased address, no server id, no requested-address option.
        var renewing = DhcpMessage.FromClient(DhcpMessageType.Request, 8, Mac, Identity, clientAddress: offer.Value.Address);
        Decide(renewing, lan).Should().Be((DhcpMessageType.Ack, IPAddress.Parse("192.168.0.100")));
        lan.RequestLease("ACCC8E010203").Should().Be("192.168.0.100", "the lease is the emulated LAN's, the one the camera reports");
    }

    [Fact]
    public void A_request_for_another_address_is_naked_one_for_another_server_and_a_release_get_no_answer()
    {
        var lan = new EmulatedLan("192.168.0.100", "192.168.0.199");
        Decide(DhcpMessage.FromClient(DhcpMessageType.Request, 1, Mac, Identity, requested: IPAddress.Parse("192.168.0.150")), lan)
            .Should().Be((DhcpMessageType.Nak, (IPAddress?)null));
        Decide(DhcpMessage.FromClient(DhcpMessageType.Request, 2, Mac, Identity, requested: IPAddress.Parse("192.168.0.100"), server: IPAddress.Parse("192.168.0.250")), lan)
            .Should().BeNull("the client chose another server's offer");
        Decide(DhcpMessage.FromClient(DhcpMessageType.Release, 3, Mac, Identity, server: LabDhcpServer.ServerAddress, clientAddress: IPAddress.Parse("192.168.0.100")), lan)
            .Should().BeNull();
    }

    [Fact]
    public void An_exhausted_pool_stays_silent_and_broken_packets_are_not_messages()
    {
        var lan = new EmulatedLan("192.168.0.100", "192.168.0.100");
        lan.RequestLease("ACCC8E999999").Should().Be("192.168.0.100");
        Decide(DhcpMessage.FromClient(DhcpMessageType.Discover, 1, Mac, Identity), lan).Should().BeNull();

        var good = DhcpMessage.FromClient(DhcpMessageType.Discover, 1, Mac, Identity);
        DhcpClientMessage.Read(good.AsSpan(0, 200)).Should().BeNull("truncated before the options");
        DhcpClientMessage.Read([.. good[..^1], 12, 200, 65]).Should().BeNull("an option running past the end");
        byte[] reply = [.. good];
        reply[0] = 2;
        DhcpClientMessage.Read(reply).Should().BeNull("a BOOTREPLY is not a client's");
    }

    [Fact]
    public void A_pool_outside_the_segment_or_over_the_servers_address_is_refused_with_the_reason()
    {
        LabDhcpServer.WhyNotUsable(new EmulatedLan("10.0.0.100", "10.0.0.199")).Should().Contain("192.168.0.0/24");
        LabDhcpServer.WhyNotUsable(new EmulatedLan("192.168.0.1", "192.168.0.50")).Should().Contain("192.168.0.1");
        LabDhcpServer.WhyNotUsable(new EmulatedLan("192.168.0.200", "192.168.0.254")).Should().Contain("192.168.0.250");
        LabDhcpServer.WhyNotUsable(new EmulatedLan("192.168.0.100", "192.168.0.199")).Should().BeNull();
        LabDhcpServer.WhyNotUsable(new EmulatedLan()).Should().BeNull();
    }

    [Fact]
    public async Task The_camera_and_nmap_in_the_client_namespace_get_their_leases_over_the_wire()
    {
        await using var lab = LabHarness.Start(dhcpPool: Pool);
        var camera = lab.AddCamera();
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));

        var lease = await lab.Devices.Lab!.FirstLeaseAsync(camera.Id).WaitAsync(TimeSpan.FromSeconds(30));
        lease.Server.Should().Be(LabDhcpServer.ServerAddress);
        lease.LeaseTime.Should().Be(LabDhcpServer.LeaseTime);
        lease.Address.ToString().Should().Be(camera.Addressing.IpAddress).And.StartWith("192.168.0.1");
        var answer = await lab.InClientAsync("curl", "-s", "-m", "5", "-d", """{"apiVersion":"1.0","method":"systemready"}""", $"http://{lease.Address}/axis-cgi/systemready.cgi");
        answer.Output.Should().Contain("\"systemready\"", answer.ToString());

        var nmap = await lab.InClientAsync("nmap", "-n", "-e", "eth0", "--script", "broadcast-dhcp-discover", "--script-args", "broadcast-dhcp-discover.timeout=5s");
        nmap.Output.Should().Contain("Server Identifier: 192.168.0.1", nmap.ToString())
            .And.Contain("Subnet Mask: 255.255.255.0")
            .And.MatchRegex(@"IP Offered: 192\.168\.0\.1\d\d");
    }

    private static (DhcpMessageType Type, IPAddress? Address)? Decide(byte[] packet, EmulatedLan lan) =>
        LabDhcpServer.Decide(DhcpClientMessage.Read(packet)!, lan.RequestLease);
}
