using System.Xml.Linq;
using static AxisEmulator.Vapix.Onvif.OnvifCall;

namespace AxisEmulator.Vapix.Onvif;

/// <summary>
/// Device service: which services the device has and where (GetServices, GetCapabilities,
/// GetServiceCapabilities, GetWsdlUrl). Axis serves the device service at
/// <c>/onvif/device_service</c> (XAddrs of the captured ProbeMatch) and the others at <c>/onvif/services</c>.
/// </summary>
internal static class DeviceServiceOperations
{
    public const string DevicePath = "/onvif/device_service";
    public const string ServicesPath = "/onvif/services";

    private static readonly XNamespace DeviceIo = "http://www.onvif.org/ver10/deviceIO/wsdl";

    public static XElement GetServices(OnvifCall call)
    {
        var includeCapability = string.Equals(call.Request.Value("IncludeCapability"), "true", StringComparison.OrdinalIgnoreCase);
        return Tds(
            "GetServicesResponse",
            Service(call, SoapNamespaces.Device, DevicePath, includeCapability ? DeviceCapabilities() : null),
            Service(call, SoapNamespaces.Media, ServicesPath, null),
            Service(call, DeviceIo, ServicesPath, null));
    }

    public static XElement GetServiceCapabilities(OnvifCall call) =>
        Tds("GetServiceCapabilitiesResponse", DeviceCapabilities());

    /// <summary>Category "All" or one the device has; others are the spec's <c>ter:NoSuchService</c>.</summary>
    public static XElement GetCapabilities(OnvifCall call)
    {
        var categories = call.Request.Children("Category").Select(e => e.Value.Trim()).DefaultIfEmpty("All").ToList();
        if (categories.FirstOrDefault(c => c is not ("All" or "Device" or "Media")) is { } missing)
        {
            throw new SoapFault(false, $"the device has no {missing} service", "ActionNotSupported", "NoSuchService");
        }

        var all = categories.Contains("All");
        var baseUrl = call.BaseUrl;
        return Tds(
            "GetCapabilitiesResponse",
            Tds(
                "Capabilities",
                all || categories.Contains("Device")
                    ? Tt(
                        "Device",
                        Tt("XAddr", baseUrl + DevicePath),
                        Tt("Network", Tt("IPFilter", "false"), Tt("ZeroConfiguration", "true"), Tt("IPVersion6", "false"), Tt("DynDNS", "false")),
                        Tt("System", Tt("DiscoveryResolve", "false"), Tt("DiscoveryBye", "true"), Tt("RemoteDiscovery", "false"), Tt("SystemBackup", "false"), Tt("SystemLogging", "true"), Tt("FirmwareUpgrade", "true"), Tt("SupportedVersions", Tt("Major", 2), Tt("Minor", 0))),
                        Tt("Security", Tt("TLS1.1", "false"), Tt("TLS1.2", "true"), Tt("OnboardKeyGeneration", "false"), Tt("AccessPolicyConfig", "false"), Tt("X.509Token", "false"), Tt("SAMLToken", "false"), Tt("KerberosToken", "false"), Tt("RELToken", "false")))
                    : null,
                all || categories.Contains("Media")
                    ? Tt("Media", Tt("XAddr", baseUrl + ServicesPath), Tt("StreamingCapabilities", Tt("RTPMulticast", "true"), Tt("RTP_TCP", "true"), Tt("RTP_RTSP_TCP", "true")))
                    : null,
                all ? Tt("Extension", Tt("DeviceIO", Tt("XAddr", baseUrl + ServicesPath), Tt("VideoSources", 1), Tt("VideoOutputs", 0), Tt("AudioSources", 0), Tt("AudioOutputs", 0), Tt("RelayOutputs", 0))) : null));
    }

    public static XElement GetWsdlUrl(OnvifCall call) => Tds("GetWsdlUrlResponse", Tds("WsdlUrl", "http://www.onvif.org/"));

    private static XElement Service(OnvifCall call, XNamespace service, string path, XElement? capabilities) => Tds(
        "Service",
        Tds("Namespace", service.NamespaceName),
        Tds("XAddr", call.BaseUrl + path),
        capabilities is null ? null : Tds("Capabilities", capabilities),
        Tds("Version", Tt("Major", 2), Tt("Minor", 0)));

    private static XElement DeviceCapabilities() => Tds(
        "Capabilities",
        Tds("Network", new XAttribute("IPFilter", "false"), new XAttribute("ZeroConfiguration", "true"), new XAttribute("NTP", "1"), new XAttribute("HostnameFromDHCP", "true")),
        Tds("Security", new XAttribute("UsernameToken", "true"), new XAttribute("HttpDigest", "true"), new XAttribute("MaxUsers", 100)),
        Tds("System", new XAttribute("DiscoveryBye", "true"), new XAttribute("SystemLogging", "true"), new XAttribute("FirmwareUpgrade", "true")));
}
