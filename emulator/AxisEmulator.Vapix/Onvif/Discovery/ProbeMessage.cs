using System.Xml;
using System.Xml.Linq;

namespace AxisEmulator.Vapix.Onvif.Discovery;

/// <summary>
/// A WS-Discovery Probe, read loosely as real tools write it: SOAP 1.2 or 1.1, any prefixes, Types
/// and Scopes optional (an empty Probe matches every target service).
/// </summary>
internal sealed record ProbeMessage(string? MessageId, IReadOnlyList<string> TypeLocalNames, IReadOnlyList<string> Scopes)
{
    /// <summary>The types an Axis camera answers to (<c>tds:Device</c>, <c>dn:NetworkVideoTransmitter</c>).</summary>
    private static readonly string[] OwnTypes = ["Device", "NetworkVideoTransmitter"];

    public static ProbeMessage? Parse(ReadOnlySpan<byte> datagram)
    {
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 1 << 16 };
            using var reader = XmlReader.Create(new MemoryStream(datagram.ToArray()), settings);
            var envelope = XDocument.Load(reader).Root;
            if (envelope?.Name.LocalName != "Envelope")
            {
                return null;
            }

            var probe = envelope.Descendants().FirstOrDefault(e => e.Name.LocalName == "Probe");
            if (probe is null)
            {
                return null;
            }

            var messageId = envelope.Descendants().FirstOrDefault(e => e.Name.LocalName == "MessageID")?.Value.Trim();
            var types = Words(probe, "Types").Select(t => t[(t.IndexOf(':', StringComparison.Ordinal) + 1)..]).ToList();
            return new ProbeMessage(messageId, types, Words(probe, "Scopes"));
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>Whether a device with <paramref name="scopes"/> answers: every asked type is its own, every asked scope a prefix of one of its scopes (the RFC 3986 rule, simplified).</summary>
    public bool Matches(IReadOnlyList<string> scopes) =>
        TypeLocalNames.All(t => OwnTypes.Contains(t, StringComparer.Ordinal))
        && Scopes.All(asked => scopes.Any(own => own.StartsWith(asked.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)));

    private static List<string> Words(XElement probe, string child) =>
        probe.Elements().FirstOrDefault(e => e.Name.LocalName == child)?.Value.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries).ToList() ?? [];
}
