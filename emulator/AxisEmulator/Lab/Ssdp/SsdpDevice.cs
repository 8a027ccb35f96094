namespace AxisEmulator.Lab.Ssdp;

/// <summary>One notification type the camera announces and the unique service name it goes with.</summary>
internal sealed record SsdpTarget(string Type, string Usn);

/// <summary>
/// What an Axis camera is in UPnP terms: one root device of type <c>urn:schemas-upnp-org:device:Basic:1</c>
/// with one service, <c>urn:axis-com:service:BasicService:1</c>, and the UDN
/// <c>uuid:Upnp-BasicDevice-1_0-&lt;serial&gt;</c> (vapix-facts §10.2: the root description and
/// the USN of an M1014's answers; an M1065-LW's the same). So it announces four types, as libupnp
/// announces a root device with one service: upnp:rootdevice, its UDN, its device type and its service type.
/// </summary>
internal sealed class SsdpDevice
{
    public const string All = "ssdp:all";
    public const string RootDevice = "upnp:rootdevice";
    public const string DeviceType = "urn:schemas-upnp-org:device:Basic:1";
    public const string ServiceType = "urn:axis-com:service:BasicService:1";

    public SsdpDevice(string udn)
    {
        Udn = udn;
        Targets =
        [
            new(RootDevice, Udn + "::" + RootDevice),
            new(Udn, Udn),
            new(DeviceType, Udn + "::" + DeviceType),
            new(ServiceType, Udn + "::" + ServiceType),
        ];
    }

    /// <summary>The device's unique name, stable across reboots and resets: the serial (= MAC) in Axis's form (<see cref="Core.Config.DeviceIdentity.UpnpUdn"/>).</summary>
    public string Udn { get; }

    /// <summary>Every notification type, in the order libupnp sends them.</summary>
    public IReadOnlyList<SsdpTarget> Targets { get; }

    /// <summary>The answers a search target gets: all four for ssdp:all, the matching one otherwise, none for another device's.</summary>
    public IReadOnlyList<SsdpTarget> Answering(string searchTarget) =>
        searchTarget == All ? Targets : [.. Targets.Where(t => string.Equals(t.Type, searchTarget, StringComparison.OrdinalIgnoreCase))];
}
