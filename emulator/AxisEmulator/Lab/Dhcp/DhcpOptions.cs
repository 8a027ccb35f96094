using System.Buffers.Binary;

namespace AxisEmulator.Lab.Dhcp;

/// <summary>The options field of a DHCP message (RFC 2132): the magic cookie, then code-length-value until END.</summary>
internal static class DhcpOptions
{
    /// <summary>Where the options start: after the fixed BOOTP fields (RFC 2131 §2).</summary>
    public const int FixedLength = 236;

    private static readonly byte[] MagicCookie = [99, 130, 83, 99];

    /// <summary>The options of <paramref name="packet"/> by code (a repeated code: the last one); null without the cookie or with an option that runs past the end.</summary>
    public static Dictionary<byte, byte[]>? Read(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < FixedLength + 4 || !packet.Slice(FixedLength, 4).SequenceEqual(MagicCookie))
        {
            return null;
        }

        var options = new Dictionary<byte, byte[]>();
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

            options[packet[at]] = packet.Slice(at + 2, packet[at + 1]).ToArray();
            at += 2 + packet[at + 1];
        }

        return options;
    }

    /// <summary>The cookie to begin a message's options with.</summary>
    public static List<byte> Start() => [.. MagicCookie];

    public static void Add(List<byte> options, byte code, byte[] value)
    {
        options.Add(code);
        options.Add((byte)value.Length);
        options.AddRange(value);
    }

    public static byte[] Seconds(TimeSpan value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)value.TotalSeconds);
        return bytes;
    }
}
