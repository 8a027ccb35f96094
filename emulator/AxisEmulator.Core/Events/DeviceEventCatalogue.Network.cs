using AxisEmulator.Core.Config;

namespace AxisEmulator.Core.Events;

public static partial class DeviceEventCatalogue
{
    private static IEnumerable<DeviceEventSpec> NetworkEvents() =>
    [
        DeviceEventSpec.For(
            "address-assigned",
            TimelineKind.Network,
            "The network comes up (network-up): the device takes its static address, a DHCP lease, or its firmware's fallback when no DHCP server answers (192.168.0.90 up to AXIS OS 11, link-local only on 12).",
            new AddressAssigned("192.168.0.90", "169.254.1.60", BootProtocol.Dhcp, AddressOrigin.Fallback),
            e => $"{e.IpAddress} ({Describe(e.Origin)}), link-local {e.LinkLocal}",
            e => Data(("ipAddress", e.IpAddress), ("linkLocal", e.LinkLocal), ("bootProto", Kebab(e.BootProto))),
            ("ipAddress", "the address the device answers on; absent when it has none"),
            ("linkLocal", "its link-local address (169.254.x.y from the serial)"),
            ("bootProto", "dhcp or none (static)")),
        DeviceEventSpec.For(
            "address-released",
            TimelineKind.Network,
            "An address is taken off eth0 while the device runs: a DHCP lease replaces the fallback address or an earlier lease (the link-local address stays).",
            new AddressReleased("192.168.0.90", AddressOrigin.Fallback),
            e => $"{e.IpAddress} ({Describe(e.Origin)}) released",
            e => Data(("ipAddress", e.IpAddress), ("origin", Lower(e.Origin))),
            ("ipAddress", "the address given up"),
            ("origin", "how it had been assigned: static, dhcp or fallback")),
        DeviceEventSpec.For(
            "ip-conflict",
            TimelineKind.Network,
            "The device's address is also used by others on the emulated LAN (when it takes the address, or when another device arrives on it).",
            new IpConflict("192.168.0.90", 2, ["B8A44F0DC817", "B8A44F10151F"]),
            e => $"{e.IpAddress} is also used by {Names(e)}",
            e => Data(("ipAddress", e.IpAddress), ("conflictCount", e.Count), ("conflicts", e.Named.ToArray())),
            ("ipAddress", "the shared address"),
            ("conflictCount", "how many other devices use it"),
            ("conflicts", "the first few of their serials")),
        DeviceEventSpec.For(
            "ip-conflict-resolved",
            TimelineKind.Network,
            "The others left the device's address: it has it to itself again.",
            new IpConflictResolved("192.168.0.90"),
            e => $"{e.IpAddress} is no longer shared",
            e => Data(("ipAddress", e.IpAddress)),
            ("ipAddress", "the address no longer shared")),
        DeviceEventSpec.For("listener-open", TimelineKind.Network, "The device's HTTP listener should accept connections (network-up with the link up and the unit not bricked).", new ListenerOpened(), _ => "HTTP server up"),
        DeviceEventSpec.For("listener-closed", TimelineKind.Network, "The device's HTTP listener should refuse connections (shutting down, power lost, link down, bricked).", new ListenerClosed(), _ => "HTTP server down"),
    ];

    private static string Describe(AddressOrigin origin) => origin switch
    {
        AddressOrigin.Static => "static",
        AddressOrigin.Dhcp => "dhcp",
        _ => "fallback, no DHCP server",
    };

    /// <summary>"B8A44F0DC817, B8A44F10151F and 3 more": a mass reset can put hundreds on one address.</summary>
    private static string Names(IpConflict conflict) =>
        string.Join(", ", conflict.Named) + (conflict.Count > conflict.Named.Count ? $" and {conflict.Count - conflict.Named.Count} more" : "");
}
