using System.Xml.Linq;

namespace AxisEmulator.Vapix.Onvif.Discovery;

/// <summary>
/// A WS-Discovery (2005/04) Probe, read loosely as real tools write it: SOAP 1.2 or 1.1, any prefixes, Types
/// and Scopes optional (an empty Probe matches every target service).
/// </summary>
internal sealed record ProbeMessage(string? MessageId, IReadOnlyList<string> TypeLocalNames, IReadOnlyList<string> Scopes)
{
    /// <summary>The types an Axis camera answers to (<c>tds:Device</c>, <c>dn:NetworkVideoTransmitter</c>).</summary>
    private static readonly string[] OwnTypes = ["Device", "NetworkVideoTransmitter"];

    public static ProbeMessage? Parse(ReadOnlySpan<byte> datagram) => DiscoveryEnvelope.Read(datagram) is { } envelope ? From(envelope) : null;

    public static ProbeMessage? From(XElement envelope)
    {
        if (DiscoveryEnvelope.BodyElement(envelope, "Probe") is not { } probe)
        {
            return null;
        }

        var types = Words(probe, "Types").Select(t => t[(t.IndexOf(':', StringComparison.Ordinal) + 1)..]).ToList();
        return new ProbeMessage(DiscoveryEnvelope.MessageIdOf(envelope), types, Words(probe, "Scopes"));
    }

    /// <summary>Whether a device with <paramref name="scopes"/> answers: every asked type is its own, every asked scope a prefix of one of its scopes (the RFC 3986 rule, simplified).</summary>
    public bool Matches(IReadOnlyList<string> scopes) =>
        TypeLocalNames.All(t => OwnTypes.Contains(t, StringComparer.Ordinal))
        && Scopes.All(asked => scopes.Any(own => own.StartsWith(asked.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)));

    private static List<string> Words(XElement probe, string child) =>
        probe.Elements().FirstOrDefault(e => e.Name.LocalName == child)?.Value.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries).ToList() ?? [];
}
