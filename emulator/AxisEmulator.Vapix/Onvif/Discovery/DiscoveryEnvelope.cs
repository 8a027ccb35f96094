using System.Xml;
using System.Xml.Linq;

namespace AxisEmulator.Vapix.Onvif.Discovery;

/// <summary>A datagram read as a SOAP envelope of any version and any prefixes, or null when it is none.</summary>
internal static class DiscoveryEnvelope
{
    public static XElement? Read(ReadOnlySpan<byte> datagram)
    {
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 1 << 16 };
            using var reader = XmlReader.Create(new MemoryStream(datagram.ToArray()), settings);
            var envelope = XDocument.Load(reader).Root;
            return envelope?.Name.LocalName == "Envelope" ? envelope : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>The header's wsa:MessageID, which an answer's RelatesTo names.</summary>
    public static string? MessageIdOf(XElement envelope) =>
        envelope.Descendants().FirstOrDefault(e => e.Name.LocalName == "MessageID")?.Value.Trim();

    /// <summary>
    /// The body's WS-Discovery 2005/04 element called <paramref name="localName"/> (any prefix). The
    /// 2009 WS-DD version (WCF's, which nmap also probes with) is not the one the ONVIF core
    /// specification uses, so its probes are left unanswered.
    /// </summary>
    public static XElement? BodyElement(XElement envelope, string localName) =>
        envelope.Elements().FirstOrDefault(e => e.Name.LocalName == "Body")?.Element(SoapNamespaces.Discovery + localName);
}
