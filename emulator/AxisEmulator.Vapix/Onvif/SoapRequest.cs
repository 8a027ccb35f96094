using System.Xml;
using System.Xml.Linq;

namespace AxisEmulator.Vapix.Onvif;

/// <summary>
/// A parsed SOAP request: its envelope version, the operation (the first element of the Body) and
/// the WS-Security header, if any. Parsing never resolves DTDs or external entities.
/// </summary>
internal sealed record SoapRequest(XNamespace Envelope, XElement Operation, XElement? Security)
{
    public string OperationName => Operation.Name.LocalName;

    /// <summary>The request, or why it is not one (the fault's reason text).</summary>
    public static (SoapRequest? Request, string? Problem) Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, "empty request body");
        }

        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 1 << 20 };
            using var reader = XmlReader.Create(new StringReader(body), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            return (null, "the body is not well-formed XML: " + ex.Message);
        }

        var envelope = document.Root;
        if (envelope is null || envelope.Name.LocalName != "Envelope"
            || (envelope.Name.Namespace != SoapNamespaces.Soap12 && envelope.Name.Namespace != SoapNamespaces.Soap11))
        {
            return (null, "the root element is not a SOAP Envelope");
        }

        var ns = envelope.Name.Namespace;
        var operation = envelope.Element(ns + "Body")?.Elements().FirstOrDefault();
        if (operation is null)
        {
            return (null, "the SOAP Body names no operation");
        }

        var security = envelope.Element(ns + "Header")?.Element(SoapNamespaces.Security + "Security");
        return (new SoapRequest(ns, operation, security), null);
    }

    /// <summary>The text of a child element of the operation, by local name (clients differ in prefixes, not in names).</summary>
    public string? Value(string localName) => Operation.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value.Trim();

    public IEnumerable<XElement> Children(string localName) => Operation.Elements().Where(e => e.Name.LocalName == localName);
}
