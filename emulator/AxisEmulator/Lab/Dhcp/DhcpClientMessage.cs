using System.Buffers.Binary;
using System.Net;

namespace AxisEmulator.Lab.Dhcp;

/// <summary>
/// A client's DHCP message as the lab's server reads it (RFC 2131 §2, RFC 2132 options 50, 53, 54),
/// and the server's answer as it writes it. Only what a server needs to decide and answer.
/// </summary>
internal sealed record DhcpClientMessage(DhcpMessageType Type, uint TransactionId, byte[] Mac, bool Broadcast, IPAddress ClientAddress, IPAddress? Requested, IPAddress? ServerId)
{
    /// <summary>The client's MAC as 12 hex digits: what the pool keys leases by (for a camera, its serial).</summary>
    public string Key => Convert.ToHexString(Mac);

    /// <summary>A BOOTREQUEST on Ethernet with a message type; null for anything else (a reply, another hardware type, truncated options).</summary>
    public static DhcpClientMessage? Read(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < DhcpOptions.FixedLength || packet[0] != 1 || packet[1] != 1 || packet[2] != 6 || DhcpOptions.Read(packet) is not { } options
            || !options.TryGetValue(53, out var type) || type.Length != 1)
        {
            return null;
        }

        var broadcast = (BinaryPrimitives.ReadUInt16BigEndian(packet[10..]) & 0x8000) != 0;
        return new DhcpClientMessage((DhcpMessageType)type[0], BinaryPrimitives.ReadUInt32BigEndian(packet[4..]), packet.Slice(28, 6).ToArray(), broadcast,
            new IPAddress(packet.Slice(12, 4)), DhcpMessage.Address(options, 50), DhcpMessage.Address(options, 54));
    }

    /// <summary>The server's OFFER, ACK or NAK to this message (RFC 2131 table 3), with the lease's mask, time and T1/T2; no router, no DNS: the lab routes nowhere.</summary>
    public byte[] Answer(DhcpMessageType type, IPAddress? address, IPAddress server, IPAddress mask, TimeSpan leaseTime)
    {
        var message = new byte[DhcpOptions.FixedLength];
        message[0] = 2; // BOOTREPLY
        message[1] = 1;
        message[2] = 6;
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), TransactionId);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(10), Broadcast ? (ushort)0x8000 : (ushort)0);
        if (type != DhcpMessageType.Nak)
        {
            ClientAddress.GetAddressBytes().CopyTo(message, 12);
            (address ?? IPAddress.Any).GetAddressBytes().CopyTo(message, 16);
            server.GetAddressBytes().CopyTo(message, 20);
        }

        Mac.CopyTo(message, 28);
        var options = DhcpOptions.Start();
        DhcpOptions.Add(options, 53, [(byte)type]);
        DhcpOptions.Add(options, 54, server.GetAddressBytes());
        if (type != DhcpMessageType.Nak)
        {
            DhcpOptions.Add(options, 51, DhcpOptions.Seconds(leaseTime));
            DhcpOptions.Add(options, 58, DhcpOptions.Seconds(leaseTime / 2));
            DhcpOptions.Add(options, 59, DhcpOptions.Seconds(leaseTime * 7 / 8));
            DhcpOptions.Add(options, 1, mask.GetAddressBytes());
        }

        options.Add(255);
        return [.. message, .. options];
    }
}
