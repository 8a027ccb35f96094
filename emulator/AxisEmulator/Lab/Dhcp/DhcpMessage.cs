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
    private const int FixedLength = 236;
    private static readonly byte[] MagicCookie = [99, 130, 83, 99];

    /// <summary>A client message: DISCOVER, REQUEST (with the offered address and its server), or RELEASE (from the leased address).</summary>
    public static byte[] FromClient(DhcpMessageType type, uint transactionId, byte[] mac, DhcpIdentity identity, IPAddress? requested = null, IPAddress? server = null, IPAddress? clientAddress = null)
    {
        var message = new byte[FixedLength];
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
        var options = new List<byte>(MagicCookie);
        Option(options, 53, [(byte)type]);
        Option(options, 61, [1, .. mac]);
        if (requested is not null)
        {
            Option(options, 50, requested.GetAddressBytes());
        }

        if (server is not null)
        {
            Option(options, 54, server.GetAddressBytes());
        }

        if (type != DhcpMessageType.Release)
        {
            Option(options, 12, Encoding.ASCII.GetBytes(identity.HostName));
            Option(options, 60, Encoding.ASCII.GetBytes(identity.VendorClass));
            Option(options, 55, [1, 3, 6, 12, 15, 28, 42, 51, 54, 58, 59]); // mask, router, DNS, host name, domain, broadcast, NTP, lease, server, T1, T2
        }

        options.Add(255);
        return [.. message, .. options];
    }

    /// <summary>A server's answer to <paramref name="transactionId"/>; null for anything else (another client's, malformed, not a reply).</summary>
    public static DhcpMessage? FromServer(ReadOnlySpan<byte> packet, uint transactionId)
    {
        if (packet.Length < FixedLength + 4 || packet[0] != 2 || BinaryPrimitives.ReadUInt32BigEndian(packet[4..]) != transactionId || !packet.Slice(FixedLength, 4).SequenceEqual(MagicCookie))
        {
            return null;
        }

        DhcpMessageType? type = null;
        IPAddress? server = null, mask = null;
        TimeSpan? lease = null;
        var at = FixedLength + 4;
        while (at < packet.Length && packet[at] != 255)
        {
            if (packet[at] == 0)
            {
                at++;
                continue;
            }

            if (at + 1 >= packet.Length || at + 2 + packet[at + 1] > packet.Length)
            {
                return null;
            }

            var value = packet.Slice(at + 2, packet[at + 1]);
            switch (packet[at])
            {
                case 53 when value.Length == 1:
                    type = (DhcpMessageType)value[0];
                    break;
                case 54 when value.Length == 4:
                    server = new IPAddress(value);
                    break;
                case 1 when value.Length == 4:
                    mask = new IPAddress(value);
                    break;
                case 51 when value.Length == 4:
                    lease = TimeSpan.FromSeconds(BinaryPrimitives.ReadUInt32BigEndian(value));
                    break;
            }

            at += 2 + value.Length;
        }

        return type is null ? null : new DhcpMessage(type.Value, transactionId, new IPAddress(packet.Slice(16, 4)), server, mask, lease);
    }

    private static void Option(List<byte> options, byte code, byte[] value)
    {
        options.Add(code);
        options.Add((byte)value.Length);
        options.AddRange(value);
    }
}

/// <summary>What the camera says about itself in DHCP: host name <c>axis-&lt;serial&gt;</c> (option 12) and vendor class <c>AXIS,&lt;type&gt;,&lt;model&gt;,&lt;firmware&gt;</c> (option 60, as <c>Network.DHCP.VendorClass</c> in the captures).</summary>
internal sealed record DhcpIdentity(string HostName, string VendorClass);
