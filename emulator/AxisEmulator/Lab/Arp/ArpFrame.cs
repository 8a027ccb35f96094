using System.Buffers.Binary;
using System.Net;

namespace AxisEmulator.Lab.Arp;

/// <summary>
/// An Ethernet frame carrying an IPv4-over-Ethernet ARP packet (RFC 826). RFC 5227's probe is a
/// request with sender address 0.0.0.0, its announcement a request whose sender and target are both
/// the address being claimed.
/// </summary>
internal sealed record ArpFrame(ushort Operation, byte[] SenderMac, IPAddress SenderIp, byte[] TargetMac, IPAddress TargetIp)
{
    public const ushort EtherTypeArp = 0x0806;
    public const ushort Request = 1;
    public const ushort Reply = 2;
    private const int EthernetHeader = 14;
    private const int Length = EthernetHeader + 28;
    private static readonly byte[] Broadcast = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff];

    public static ArpFrame Probe(byte[] mac, IPAddress candidate) => new(Request, mac, IPAddress.Any, new byte[6], candidate);

    public static ArpFrame Announcement(byte[] mac, IPAddress address) => new(Request, mac, address, new byte[6], address);

    /// <summary>A probe: nobody's address is given as the sender's yet.</summary>
    public bool IsProbe => SenderIp.Equals(IPAddress.Any);

    /// <summary>The sender's MAC as 12 upper-case hex digits (an Axis unit's serial).</summary>
    public string Sender => Convert.ToHexString(SenderMac);

    /// <summary>The frame, broadcast, as it goes on the wire.</summary>
    public byte[] Encode()
    {
        var frame = new byte[Length];
        Broadcast.CopyTo(frame, 0);
        SenderMac.CopyTo(frame, 6);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), EtherTypeArp);
        var arp = frame.AsSpan(EthernetHeader);
        BinaryPrimitives.WriteUInt16BigEndian(arp, 1); // hardware: Ethernet
        BinaryPrimitives.WriteUInt16BigEndian(arp[2..], 0x0800); // protocol: IPv4
        arp[4] = 6;
        arp[5] = 4;
        BinaryPrimitives.WriteUInt16BigEndian(arp[6..], Operation);
        SenderMac.CopyTo(arp[8..]);
        SenderIp.GetAddressBytes().CopyTo(arp[14..]);
        TargetMac.CopyTo(arp[18..]);
        TargetIp.GetAddressBytes().CopyTo(arp[24..]);
        return frame;
    }

    /// <summary>The ARP packet in a received frame, or null for anything that is not IPv4-over-Ethernet ARP.</summary>
    public static ArpFrame? Parse(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < Length || BinaryPrimitives.ReadUInt16BigEndian(frame[12..]) != EtherTypeArp)
        {
            return null;
        }

        var arp = frame[EthernetHeader..];
        if (BinaryPrimitives.ReadUInt16BigEndian(arp) != 1 || BinaryPrimitives.ReadUInt16BigEndian(arp[2..]) != 0x0800 || arp[4] != 6 || arp[5] != 4)
        {
            return null;
        }

        return new ArpFrame(
            BinaryPrimitives.ReadUInt16BigEndian(arp[6..]),
            arp[8..14].ToArray(),
            new IPAddress(arp[14..18]),
            arp[18..24].ToArray(),
            new IPAddress(arp[24..28]));
    }
}
