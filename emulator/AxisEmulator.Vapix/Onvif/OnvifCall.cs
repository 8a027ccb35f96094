using System.Xml.Linq;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.Onvif;

/// <summary>One ONVIF operation: its name, the access class it needs, and what it answers.</summary>
/// <param name="Needs">What the ONVIF core spec's access class maps to (PRE_AUTH: anyone; READ_SYSTEM/READ_MEDIA: a user; WRITE_SYSTEM, READ_SYSTEM_SECRET, UNRECOVERABLE: an administrator).</param>
internal sealed record OnvifOperation(XNamespace Service, string Name, AccessLevel Needs, Func<OnvifCall, XElement> Answer);

/// <summary>An authorized ONVIF request being answered.</summary>
internal sealed class OnvifCall(VapixExchange exchange, SoapRequest request)
{
    public VapixExchange Exchange { get; } = exchange;

    public SoapRequest Request { get; } = request;

    public DeviceView View => Exchange.View;

    public Core.Devices.Device Camera => Exchange.Camera;

    /// <summary>What runs once the answer has gone out (reboot, factory default).</summary>
    public Action? After { get; set; }

    /// <summary><c>http://host:port</c> as the client reached the device: the XAddrs it is given lead back the same way.</summary>
    public string BaseUrl
    {
        get
        {
            var request = Exchange.Http.Request;
            return $"{request.Scheme}://{(request.Host.HasValue ? request.Host.Value : "127.0.0.1")}";
        }
    }

    /// <summary>The value of a child of the operation element that must be present.</summary>
    public string Required(string localName) =>
        Request.Value(localName) is { Length: > 0 } value ? value : throw SoapFault.InvalidArgs($"{localName} is missing");

    public static XElement Tds(string name, params object?[] content) => new(SoapNamespaces.Device + name, content);

    public static XElement Trt(string name, params object?[] content) => new(SoapNamespaces.Media + name, content);

    public static XElement Tt(string name, params object?[] content) => new(SoapNamespaces.Schema + name, content);
}
