using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace AxisEmulator.Lab.Mdns;

/// <summary>A resource record the responder publishes: name, type, TTL and its encoded data.</summary>
internal sealed record DnsRecord(string Name, ushort Type, TimeSpan Ttl, byte[] Data)
{
    public const ushort A = 1;
    public const ushort Ptr = 12;
    public const ushort Txt = 16;
    public const ushort Srv = 33;
    public const ushort Any = 255;

    public static DnsRecord Pointer(string name, string target, TimeSpan ttl) => new(name, Ptr, ttl, DnsWire.Name(target));

    public static DnsRecord Service(string name, string host, int port, TimeSpan ttl) =>
        new(name, Srv, ttl, [0, 0, 0, 0, (byte)(port >> 8), (byte)port, .. DnsWire.Name(host)]);

    public static DnsRecord Text(string name, IEnumerable<string> entries, TimeSpan ttl) =>
        new(name, Txt, ttl, [.. entries.SelectMany(e => (byte[])[(byte)Encoding.UTF8.GetByteCount(e), .. Encoding.UTF8.GetBytes(e)])]);

    public static DnsRecord Address(string name, IPAddress address, TimeSpan ttl) => new(name, A, ttl, address.GetAddressBytes());
}

/// <summary>A question of a query: the name (lower case, no trailing dot) and type asked for.</summary>
internal sealed record DnsQuestion(string Name, ushort Type);

/// <summary>
/// The DNS message format (RFC 1035) as far as an mDNS responder needs it: questions read (with
/// compression pointers), answers written without compression. Hand-written: no package served
/// here does mDNS in a socket made inside a network namespace.
/// </summary>
internal static class DnsWire
{
    private const int Header = 12;

    /// <summary>The questions of a query, or null for a response or a malformed message.</summary>
    public static (ushort Id, IReadOnlyList<DnsQuestion> Questions)? ReadQuery(ReadOnlySpan<byte> message)
    {
        if (message.Length < Header || (message[2] & 0x80) != 0)
        {
            return null;
        }

        var questions = new List<DnsQuestion>();
        var offset = Header;
        for (var i = BinaryPrimitives.ReadUInt16BigEndian(message[4..]); i > 0; i--)
        {
            if (ReadName(message, ref offset) is not { } name || offset + 4 > message.Length)
            {
                return null;
            }

            questions.Add(new DnsQuestion(name, BinaryPrimitives.ReadUInt16BigEndian(message[offset..])));
            offset += 4;
        }

        return (BinaryPrimitives.ReadUInt16BigEndian(message), questions);
    }

    /// <summary>A response: the query's id and questions echoed for a legacy unicast query (RFC 6762 §6.7), none for multicast.</summary>
    public static byte[] Response(ushort id, IReadOnlyList<DnsQuestion> echoed, IReadOnlyList<DnsRecord> answers, IReadOnlyList<DnsRecord> additional)
    {
        var message = new List<byte>(512);
        Span<byte> header = stackalloc byte[Header];
        BinaryPrimitives.WriteUInt16BigEndian(header, id);
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], 0x8400); // response, authoritative
        BinaryPrimitives.WriteUInt16BigEndian(header[4..], (ushort)echoed.Count);
        BinaryPrimitives.WriteUInt16BigEndian(header[6..], (ushort)answers.Count);
        BinaryPrimitives.WriteUInt16BigEndian(header[10..], (ushort)additional.Count);
        message.AddRange(header);
        foreach (var question in echoed)
        {
            message.AddRange(Name(question.Name));
            message.AddRange([(byte)(question.Type >> 8), (byte)question.Type, 0, 1]);
        }

        foreach (var record in answers.Concat(additional))
        {
            // Class IN with the cache-flush bit for unique records (all but PTR), never in a legacy unicast answer (RFC 6762 §10.2).
            Write(message, record, flush: echoed.Count == 0 && record.Type != DnsRecord.Ptr);
        }

        return [.. message];
    }

    /// <summary>
    /// A probe (RFC 6762 §8.1): a query for every record of each name ("ANY"), asking for a unicast
    /// answer (the QU bit), with the records it proposes in the authority section (§8.2).
    /// </summary>
    public static byte[] Probe(IReadOnlyList<string> names, IReadOnlyList<DnsRecord> proposed)
    {
        var message = new List<byte>(512);
        Span<byte> header = stackalloc byte[Header];
        BinaryPrimitives.WriteUInt16BigEndian(header[4..], (ushort)names.Count);
        BinaryPrimitives.WriteUInt16BigEndian(header[8..], (ushort)proposed.Count);
        message.AddRange(header);
        foreach (var name in names)
        {
            message.AddRange(Name(name));
            message.AddRange([0, (byte)DnsRecord.Any, 0x80, 1]);
        }

        foreach (var record in proposed)
        {
            Write(message, record, flush: false);
        }

        return [.. message];
    }

    /// <summary>The (lower-case) names of every record in a response, or null for a query or a malformed message.</summary>
    public static IReadOnlyList<string>? ReadResponseNames(ReadOnlySpan<byte> message)
    {
        if (message.Length < Header || (message[2] & 0x80) == 0)
        {
            return null;
        }

        var offset = Header;
        for (var i = BinaryPrimitives.ReadUInt16BigEndian(message[4..]); i > 0; i--)
        {
            if (ReadName(message, ref offset) is null || (offset += 4) > message.Length)
            {
                return null;
            }
        }

        var names = new List<string>();
        var records = BinaryPrimitives.ReadUInt16BigEndian(message[6..]) + BinaryPrimitives.ReadUInt16BigEndian(message[8..]) + BinaryPrimitives.ReadUInt16BigEndian(message[10..]);
        for (var i = 0; i < records; i++)
        {
            if (ReadName(message, ref offset) is not { } name || offset + 10 > message.Length)
            {
                return null;
            }

            offset += 10 + BinaryPrimitives.ReadUInt16BigEndian(message[(offset + 8)..]);
            if (offset > message.Length)
            {
                return null;
            }

            names.Add(name);
        }

        return names;
    }

    private static void Write(List<byte> message, DnsRecord record, bool flush)
    {
        var ttl = (uint)record.Ttl.TotalSeconds;
        message.AddRange(Name(record.Name));
        message.AddRange([(byte)(record.Type >> 8), (byte)record.Type, flush ? (byte)0x80 : (byte)0, 1]);
        message.AddRange([(byte)(ttl >> 24), (byte)(ttl >> 16), (byte)(ttl >> 8), (byte)ttl, (byte)(record.Data.Length >> 8), (byte)record.Data.Length]);
        message.AddRange(record.Data);
    }

    /// <summary>A name in labels (dots split labels; an instance name's spaces stay as they are).</summary>
    public static byte[] Name(string name) =>
        [.. name.Split('.', StringSplitOptions.RemoveEmptyEntries).SelectMany(label => (byte[])[(byte)Encoding.UTF8.GetByteCount(label), .. Encoding.UTF8.GetBytes(label)]), 0];

    private static string? ReadName(ReadOnlySpan<byte> message, ref int offset)
    {
        var labels = new List<string>();
        var position = offset;
        var jumped = false;
        for (var hops = 0; hops < 64 && position < message.Length; hops++)
        {
            var length = message[position];
            if (length == 0)
            {
                offset = jumped ? offset : position + 1;
                return string.Join('.', labels).ToLowerInvariant();
            }

            if ((length & 0xC0) == 0xC0)
            {
                if (position + 1 >= message.Length)
                {
                    return null;
                }

                offset = jumped ? offset : position + 2;
                jumped = true;
                position = ((length & 0x3F) << 8) | message[position + 1];
                continue;
            }

            if (position + 1 + length > message.Length)
            {
                return null;
            }

            labels.Add(Encoding.UTF8.GetString(message.Slice(position + 1, length)));
            position += 1 + length;
        }

        return null;
    }
}
