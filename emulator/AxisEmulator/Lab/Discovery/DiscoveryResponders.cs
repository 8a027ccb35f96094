using AxisEmulator.Core.Devices;
using AxisEmulator.Lab.Mdns;

namespace AxisEmulator.Lab.Discovery;

/// <summary>Where a camera's eth0 is, for the responders started on it.</summary>
internal sealed record DiscoveryLink(string Namespace, string Interface, Device Device, TimeProvider Wall)
{
    /// <summary>The VAPIX server's services, for what a camera says about its web services (null in a lab without listeners).</summary>
    public Vapix.Server.VapixServices? Vapix { get; init; }
}

/// <summary>
/// The discovery protocols every camera in the lab speaks, in one list: a new protocol is one more
/// line here, and <see cref="LabPort"/> starts, tells and stops them all alike.
/// </summary>
internal static class DiscoveryResponders
{
    private static readonly Func<DiscoveryLink, IDiscoveryResponder>[] Protocols =
    [
        link => new MdnsResponder(link.Namespace, link.Interface, new MdnsRecords(link.Device.Profile.Model, link.Device.Serial, () => Vapix.Https.DeviceCertificates.HttpsEnabled(link.Device), () => Vapix.Https.DeviceCertificates.HttpsPort(link.Device)), link.Wall),
        link => new Ssdp.SsdpResponder(link.Namespace, link.Interface, new Ssdp.SsdpDevice(link.Device.Identity.UpnpUdn), link.Device.BootId ?? Guid.NewGuid().ToString(), link.Device.Clock, link.Wall, () => Ssdp.UpnpSetting.Enabled(link.Device)),
        link => new WsDiscovery.WsDiscoveryResponder(link),
    ];

    public static IReadOnlyList<IDiscoveryResponder> Start(DiscoveryLink link)
    {
        var started = new List<IDiscoveryResponder>(Protocols.Length);
        foreach (var protocol in Protocols)
        {
            started.Add(protocol(link));
        }

        return started;
    }
}
