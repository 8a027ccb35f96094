using System.Diagnostics.CodeAnalysis;
using System.Xml.Linq;
using AxisEmulator.Vapix.Auth;

namespace AxisEmulator.Vapix.Onvif;

/// <summary>
/// Every operation served, by qualified element name, with the access class of the ONVIF core spec
/// (§5.9.4): PRE_AUTH operations are anonymous; READ_SYSTEM and READ_MEDIA need a user (viewer);
/// READ_SYSTEM_SECRET, WRITE_SYSTEM and UNRECOVERABLE an administrator.
/// </summary>
internal static class OnvifOperations
{
    private static readonly Dictionary<XName, OnvifOperation> ByName = new OnvifOperation[]
    {
        Device("GetSystemDateAndTime", AccessLevel.Anonymous, DeviceSystemOperations.GetSystemDateAndTime),
        Device("GetServices", AccessLevel.Anonymous, DeviceServiceOperations.GetServices),
        Device("GetServiceCapabilities", AccessLevel.Anonymous, DeviceServiceOperations.GetServiceCapabilities),
        Device("GetCapabilities", AccessLevel.Anonymous, DeviceServiceOperations.GetCapabilities),
        Device("GetWsdlUrl", AccessLevel.Anonymous, DeviceServiceOperations.GetWsdlUrl),
        Device("GetHostname", AccessLevel.Anonymous, DeviceNetworkOperations.GetHostname),
        Device("GetDeviceInformation", AccessLevel.Viewer, DeviceSystemOperations.GetDeviceInformation),
        Device("GetScopes", AccessLevel.Viewer, OnvifScopes.GetScopes),
        Device("GetNetworkInterfaces", AccessLevel.Viewer, DeviceNetworkOperations.GetNetworkInterfaces),
        Device("GetNetworkProtocols", AccessLevel.Viewer, DeviceNetworkOperations.GetNetworkProtocols),
        Device("GetDNS", AccessLevel.Viewer, DeviceNetworkOperations.GetDNS),
        Device("GetNTP", AccessLevel.Viewer, DeviceNetworkOperations.GetNTP),
        Device("GetUsers", AccessLevel.Admin, DeviceUserOperations.GetUsers),
        Device("CreateUsers", AccessLevel.Admin, DeviceUserOperations.CreateUsers),
        Device("SetUser", AccessLevel.Admin, DeviceUserOperations.SetUser),
        Device("DeleteUsers", AccessLevel.Admin, DeviceUserOperations.DeleteUsers),
        Device("SetScopes", AccessLevel.Admin, OnvifScopes.SetScopes),
        Device("AddScopes", AccessLevel.Admin, OnvifScopes.AddScopes),
        Device("SetHostname", AccessLevel.Admin, DeviceNetworkOperations.SetHostname),
        Device("SetSystemDateAndTime", AccessLevel.Admin, DeviceSystemOperations.SetSystemDateAndTime),
        Device("SystemReboot", AccessLevel.Admin, DeviceSystemOperations.SystemReboot),
        Device("SetSystemFactoryDefault", AccessLevel.Admin, DeviceSystemOperations.SetSystemFactoryDefault),
        Media("GetVideoSources", MediaOperations.GetVideoSources),
        Media("GetProfiles", MediaOperations.GetProfiles),
        Media("GetProfile", MediaOperations.GetProfile),
        Media("GetStreamUri", MediaOperations.GetStreamUri),
        Media("GetSnapshotUri", MediaOperations.GetSnapshotUri),
    }.ToDictionary(o => o.Service + o.Name);

    public static IEnumerable<OnvifOperation> All => ByName.Values;

    public static bool TryGet(XName name, [NotNullWhen(true)] out OnvifOperation? operation) => ByName.TryGetValue(name, out operation);

    private static OnvifOperation Device(string name, AccessLevel needs, Func<OnvifCall, XElement> answer) => new(SoapNamespaces.Device, name, needs, answer);

    private static OnvifOperation Media(string name, Func<OnvifCall, XElement> answer) => new(SoapNamespaces.Media, name, AccessLevel.Viewer, answer);
}
