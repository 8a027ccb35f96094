using System.Xml.Linq;

namespace AxisEmulator.Vapix.Onvif;

/// <summary>The XML namespaces of the ONVIF services and the SOAP/WS-* layers they ride on.</summary>
internal static class SoapNamespaces
{
    public static readonly XNamespace Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    public static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Device = "http://www.onvif.org/ver10/device/wsdl";
    public static readonly XNamespace Media = "http://www.onvif.org/ver10/media/wsdl";
    public static readonly XNamespace Schema = "http://www.onvif.org/ver10/schema";
    public static readonly XNamespace Error = "http://www.onvif.org/ver10/error";
    public static readonly XNamespace Security = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static readonly XNamespace Utility = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    public static readonly XNamespace Addressing = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public static readonly XNamespace Discovery = "http://schemas.xmlsoap.org/ws/2005/04/discovery";
    public static readonly XNamespace NetworkVideo = "http://www.onvif.org/ver10/network/wsdl";

    /// <summary>The prefixes a gSOAP-built Axis answer declares on its envelope (M5525-E capture, vapix-facts §11).</summary>
    public static XAttribute[] EnvelopeDeclarations(XNamespace envelope) =>
    [
        new(XNamespace.Xmlns + "SOAP-ENV", envelope),
        new(XNamespace.Xmlns + "tds", Device),
        new(XNamespace.Xmlns + "trt", Media),
        new(XNamespace.Xmlns + "tt", Schema),
        new(XNamespace.Xmlns + "ter", Error),
        new(XNamespace.Xmlns + "wsa", Addressing),
        new(XNamespace.Xmlns + "d", Discovery),
        new(XNamespace.Xmlns + "dn", NetworkVideo),
    ];
}
