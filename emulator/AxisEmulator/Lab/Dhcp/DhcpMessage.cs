using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace AxisEmulator.Lab.Dhcp;

/// <summary>The DHCP message types a client sends and reads (RFC 2132 option 53).</summary>
internal enum DhcpMessageType : byte
{
    Discover = 1,
    Offer = 2,
    Request = 3,
    Decline = 4,
    Ack = 5,
    Nak = 6,
    Release = 7,
}

/// <summary>One BOOTP/DHCP message (RFC 2131 §2), written by the client and read from a server; only the fields a client needs.</summary>
internal sealed record DhcpMessage(DhcpMessageType Type, uint TransactionId, IPAddress YourAddress, IPAddress? ServerId, IPAddress? SubnetMask, TimeSpan? LeaseTime)
{
    /// <summary>A client message: DISCOVER, REQUEST (with the offered address and its server), or RELEASE (from the leased address).</summary>
    public static byte[] FromClient(DhcpMessageType type, uint transactionId, byte[] mac, DhcpIdentity identity, IPAddress? requested = null, IPAddress? server = null, IPAddress? clientAddress = null)
    {
        var message = new byte[DhcpOptions.FixedLength];
        message[0] = 1; // BOOTREQUEST
        message[1] = 1; // Ethernet
        message[2] = 6;
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), transactionId);
        if (clientAddress is null)
        {
            BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(10), 0x8000); // broadcast the answer: no address to unicast it to yet
        }
        else
        {
            clientAddress.GetAddressBytes().CopyTo(message, 12);
        }

        mac.CopyTo(message, 28);
        var options = DhcpOptions.Start();
        DhcpOptions.Add(options, 53, [(byte)type]);
        DhcpOptions.Add(options, 61, [1, .. mac]);
        if (requested is not null)
        {
            DhcpOptions.Add(options, 50, requested.GetAddressBytes());
        }

        if (server is not null)
        {
            DhcpOptions.Add(options, 54, server.GetAddressBytes());
        }

        if (type != DhcpMessageType.Release)
        {
            DhcpOptions.Add(options, 12, Encoding.ASCII.GetBytes(identity.HostName));
            DhcpOptions.Add(options, 60, Encoding.ASCII.GetBytes(identity.VendorClass));
            DhcpOptions.Add(options, 55, [1, 3, 6, 12, 15, 28, 42, 51, 54, 58, 59]); // mask, router, DNS, host name, domain, broadcast, NTP, lease, server, T1, T2
        }

        options.Add(255);
        return [.. message, .. options];
    }

    /// <summary>A server's answer to <paramref name="transactionId"/>; null for anything else (another client's, malformed, not a reply).</summary>
    public static DhcpMessage? FromServer(ReadOnlySpan<byte> packet, uint transactionId)
    {
        if (packet.Length < DhcpOptions.FixedLength || packet[0] != 2 || BinaryPrimitives.ReadUInt32BigEndian(packet[4..]) != transactionId || DhcpOptions.Read(packet) is not { } options
            || !options.TryGetValue(53, out var type) || type.Length != 1)
        {
            return null;
        }

        return new DhcpMessage((DhcpMessageType)type[0], transactionId, new IPAddress(packet.Slice(16, 4)), Address(options, 54), Address(options, 1),
            options.TryGetValue(51, out var lease) && lease.Length == 4 ? TimeSpan.FromSeconds(BinaryPrimitives.ReadUInt32BigEndian(lease)) : null);
    }

    /// <summary>An option holding one IPv4 address; null when absent or of another length.</summary>
    public static IPAddress? Address(Dictionary<byte, byte[]> options, byte code) => options.TryGetValue(code, out var value) && value.Length == 4 ? new IPAddress(value) : null;
}

/// <summary>What the camera says about itself in DHCP: host name <c>axis-&lt;serial&gt;</c> (option 12) and vendor class <c>AXIS,&lt;type&gt;,&lt;model&gt;,&lt;firmware&gt;</c> (option 60, as <c>Network.DHCP.VendorClass</c> in the captures).</summary>
internal sealed record DhcpIdentity(string HostName, string VendorClass);
