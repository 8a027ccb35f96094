using System.Xml.Linq;

namespace AxisEmulator.Vapix.Onvif.Discovery;

/// <summary>A WS-Discovery Resolve: which endpoint reference the asker wants the XAddrs of (read as loosely as a Probe).</summary>
internal sealed record ResolveMessage(string? MessageId, string Address)
{
    public static ResolveMessage? From(XElement envelope) =>
        DiscoveryEnvelope.BodyElement(envelope, "Resolve")?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Address") is { } address
            ? new ResolveMessage(DiscoveryEnvelope.MessageIdOf(envelope), address.Value.Trim())
            : null;
}
