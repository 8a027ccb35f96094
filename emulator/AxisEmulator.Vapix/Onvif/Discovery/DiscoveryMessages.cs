using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace AxisEmulator.Vapix.Onvif.Discovery;

/// <summary>What a device says about itself in WS-Discovery: its endpoint, types, scopes and XAddrs.</summary>
/// <param name="EndpointAddress">A stable <c>urn:uuid:…</c> per unit (<see cref="EndpointOf"/>).</param>
/// <param name="XAddrs">Device service URLs, space-separated on the wire.</param>
internal sealed record DiscoveryTarget(string EndpointAddress, IReadOnlyList<string> Scopes, IReadOnlyList<string> XAddrs, int MetadataVersion = 1)
{
    /// <summary>A name-based UUID from the serial: the same unit keeps its endpoint reference across boots.</summary>
    public static string EndpointOf(string serial)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("axis-emulator-ws-discovery:" + serial));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}

/// <summary>
/// Builds WS-Discovery (2005/04, as ONVIF uses it) messages with System.Xml, in the shape of the
/// captured Axis ProbeMatch (vapix-facts §10.3: <c>SOAP-ENV</c>, <c>wsa</c> MessageID/RelatesTo/To/Action,
/// <c>d:AppSequence</c>). Both responders (unicast on loopback, multicast in the network lab) send them through
/// <see cref="DiscoverableDevice"/>.
/// </summary>
internal static class DiscoveryMessages
{
    private const string Anonymous = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";
    private const string Multicast = "urn:schemas-xmlsoap-org:ws:2005:04:discovery";
    private static readonly XNamespace Env = SoapNamespaces.Soap12;
    private static readonly XNamespace Wsa = SoapNamespaces.Addressing;
    private static readonly XNamespace D = SoapNamespaces.Discovery;

    public static byte[] ProbeMatches(DiscoveryTarget target, string? relatesTo, long instanceId, long messageNumber) => Envelope(
        Header("ProbeMatches", relatesTo, Anonymous, instanceId, messageNumber),
        new XElement(D + "ProbeMatches", new XElement(D + "ProbeMatch", Description(target))));

    public static byte[] ResolveMatches(DiscoveryTarget target, string? relatesTo, long instanceId, long messageNumber) => Envelope(
        Header("ResolveMatches", relatesTo, Anonymous, instanceId, messageNumber),
        new XElement(D + "ResolveMatches", new XElement(D + "ResolveMatch", Description(target))));

    /// <summary>Hello (<paramref name="hello"/>) or Bye, to the WS-Discovery multicast group.</summary>
    public static byte[] Announcement(DiscoveryTarget target, bool hello, long instanceId, long messageNumber) => Envelope(
        Header(hello ? "Hello" : "Bye", null, Multicast, instanceId, messageNumber),
        new XElement(D + (hello ? "Hello" : "Bye"), hello ? Description(target) : [Reference(target)]));

    private static byte[] Envelope(XElement header, XElement body) =>
        SoapResponse.Serialize(SoapResponse.Envelope(Env, header, body));

    private static XElement Header(string action, string? relatesTo, string to, long instanceId, long messageNumber) => new(
        Env + "Header",
        new XElement(Wsa + "MessageID", "urn:uuid:" + Guid.NewGuid()),
        relatesTo is null ? null : new XElement(Wsa + "RelatesTo", relatesTo),
        new XElement(Wsa + "To", to),
        new XElement(Wsa + "Action", "http://schemas.xmlsoap.org/ws/2005/04/discovery/" + action),
        new XElement(D + "AppSequence", new XAttribute("InstanceId", instanceId), new XAttribute("MessageNumber", messageNumber)));

    private static object[] Description(DiscoveryTarget target) =>
    [
        Reference(target),
        new XElement(D + "Types", "tds:Device dn:NetworkVideoTransmitter"),
        new XElement(D + "Scopes", string.Join(' ', target.Scopes)),
        new XElement(D + "XAddrs", string.Join(' ', target.XAddrs)),
        new XElement(D + "MetadataVersion", target.MetadataVersion),
    ];

    private static XElement Reference(DiscoveryTarget target) =>
        new(Wsa + "EndpointReference", new XElement(Wsa + "Address", target.EndpointAddress));
}
