using System.Text;
using System.Xml;
using System.Xml.Linq;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.Onvif;

/// <summary>Writes SOAP answers (envelope, body, faults) with System.Xml, in the envelope version the client used.</summary>
internal static class SoapResponse
{
    public static string ContentType(XNamespace envelope) =>
        envelope == SoapNamespaces.Soap11 ? "text/xml; charset=utf-8" : "application/soap+xml; charset=utf-8";

    /// <summary>A 200 answer whose Body holds <paramref name="content"/>.</summary>
    public static Reply Ok(XNamespace envelope, XElement content) =>
        Sized(200, ContentType(envelope), Serialize(Envelope(envelope, null, content)));

    /// <summary>
    /// The fault as an answer. Every fault goes out as HTTP 400 (an emulator never answers 500; the
    /// SOAP 1.2 HTTP binding would give Receiver faults a 500 — a deliberate deviation) except a
    /// missing login, which is the 401 the caller adds a challenge to.
    /// </summary>
    public static Reply Fault(XNamespace envelope, SoapFault fault, int status = 400) =>
        Sized(status, ContentType(envelope), Serialize(Envelope(envelope, null, FaultElement(envelope, fault))));

    /// <summary>
    /// A SOAP answer framed by its Content-Length, not in chunks as the CGIs' Apache answers are: an
    /// estimate [E] for the gSOAP-built ONVIF service, from libonvif (onvif-util), a client used with
    /// Axis units, which reads a body only as far as its Content-Length says and fails on a chunked one.
    /// </summary>
    private static Reply Sized(int status, string contentType, byte[] body) =>
        Reply.Bytes(status, contentType, body).WithHeader("Content-Length", body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static XElement Envelope(XNamespace envelope, XElement? header, XElement content) =>
        new(envelope + "Envelope", SoapNamespaces.EnvelopeDeclarations(envelope), header, new XElement(envelope + "Body", content));

    public static byte[] Serialize(XElement root)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            new XDocument(new XDeclaration("1.0", "UTF-8", null), root).Save(writer);
        }

        return buffer.ToArray();
    }

    private static XElement FaultElement(XNamespace env, SoapFault fault)
    {
        var code = env == SoapNamespaces.Soap11 ? null : Code(env, fault);
        if (env == SoapNamespaces.Soap11)
        {
            // SOAP 1.1 has no subcodes: the innermost ONVIF code stands as faultcode.
            var faultCode = fault.Subcodes.Count > 0 ? "ter:" + fault.Subcodes[^1] : (fault.Sender ? "SOAP-ENV:Client" : "SOAP-ENV:Server");
            return new XElement(env + "Fault", new XElement("faultcode", faultCode), new XElement("faultstring", fault.Message));
        }

        return new XElement(
            env + "Fault",
            code,
            new XElement(env + "Reason", new XElement(env + "Text", new XAttribute(XNamespace.Xml + "lang", "en"), fault.Message)));
    }

    private static XElement Code(XNamespace env, SoapFault fault)
    {
        XElement? inner = null;
        for (var i = fault.Subcodes.Count - 1; i >= 0; i--)
        {
            inner = new XElement(env + "Subcode", new XElement(env + "Value", "ter:" + fault.Subcodes[i]), inner);
        }

        return new XElement(env + "Code", new XElement(env + "Value", fault.Sender ? "SOAP-ENV:Sender" : "SOAP-ENV:Receiver"), inner);
    }
}
