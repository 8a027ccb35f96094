using System.Xml.Linq;
using AxisEmulator.Vapix.Snapshots;

namespace AxisEmulator.Vapix.Upnp;

/// <summary>
/// The UPnP device description an Axis camera's SSDP LOCATION points at, element for element as the
/// captured one of vapix-facts §10.2 (an M1014; an M1065-LW's has the same fields): a Basic:1 root
/// device with the Axis BasicService, its friendly name from <c>Network.UPnP.FriendlyName</c>, the
/// serial as serial number and in the UDN, and the web interface as presentation URL.
/// </summary>
internal static class RootDescription
{
    public const string Path = "/rootdesc1.xml";

    private static readonly XNamespace Device = "urn:schemas-upnp-org:device-1-0";

    /// <param name="identity">Who the camera is.</param>
    /// <param name="friendlyName">Network.UPnP.FriendlyName (null: the factory "AXIS &lt;model&gt; - &lt;serial&gt;").</param>
    /// <param name="baseUrl">Where the client reached the camera (<c>http://&lt;ip&gt;:80/</c>).</param>
    public static string Render(VapixIdentity identity, string? friendlyName, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var axis = "http://www.axis.com/";
        var root = new XElement(
            Device + "root",
            new XElement(Device + "specVersion", new XElement(Device + "major", 1), new XElement(Device + "minor", 0)),
            new XElement(
                Device + "device",
                new XElement(Device + "deviceType", "urn:schemas-upnp-org:device:Basic:1"),
                new XElement(Device + "friendlyName", string.IsNullOrEmpty(friendlyName) ? $"{identity.ProductShortName} - {identity.Serial}" : friendlyName),
                new XElement(Device + "manufacturer", "AXIS"),
                new XElement(Device + "manufacturerURL", axis),
                new XElement(Device + "modelDescription", identity.Profile.ProductFullName),
                new XElement(Device + "modelName", identity.ProductShortName),
                new XElement(Device + "modelNumber", identity.Model),
                new XElement(Device + "modelURL", axis),
                new XElement(Device + "serialNumber", identity.Serial),
                new XElement(Device + "UDN", identity.Unit.UpnpUdn),
                new XElement(
                    Device + "serviceList",
                    new XElement(
                        Device + "service",
                        new XElement(Device + "serviceType", "urn:axis-com:service:BasicService:1"),
                        new XElement(Device + "serviceId", "urn:axis-com:serviceId:BasicServiceId"),
                        new XElement(Device + "controlURL", "/upnp/control/BasicServiceId"),
                        new XElement(Device + "eventSubURL", "/upnp/event/BasicServiceId"),
                        new XElement(Device + "SCPDURL", "/scpd_basic.xml"))),
                new XElement(Device + "presentationURL", baseUrl)),
            new XElement(Device + "URLBase", baseUrl));
        return new XDocument(new XDeclaration("1.0", null, null), root).Declaration + "\n" + root.ToString(SaveOptions.DisableFormatting) + "\n";
    }
}
