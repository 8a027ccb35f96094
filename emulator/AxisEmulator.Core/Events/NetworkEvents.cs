using AxisEmulator.Core.Config;

namespace AxisEmulator.Core.Events;

/// <summary>Where an assigned address came from, as the message says it.</summary>
public enum AddressOrigin
{
    /// <summary>The configured static address (boot protocol none).</summary>
    Static,

    /// <summary>The emulated LAN has a DHCP server.</summary>
    Dhcp,

    /// <summary>No DHCP server: the firmware's fallback address (or link-local only on AXIS OS 12).</summary>
    Fallback,
}

/// <summary>
/// The device took an address: at network-up (with its link-local address, null when there is
/// none but link-local), or later when a DHCP lease replaces it (<paramref name="LinkLocalKept"/>:
/// the link-local address stays on the interface from network-up, so it is no new address).
/// </summary>
public sealed record AddressAssigned(string? IpAddress, string? LinkLocal, BootProtocol BootProto, AddressOrigin Origin, bool LinkLocalKept = false) : DeviceEvent;

/// <summary>
/// An address was taken off the interface while the device runs: the fallback (or an earlier lease)
/// given up for a new DHCP lease. <paramref name="Origin"/> is how it had been assigned.
/// </summary>
public sealed record AddressReleased(string IpAddress, AddressOrigin Origin) : DeviceEvent;

/// <summary>
/// The device's address is also used by <paramref name="Count"/> others; <paramref name="Named"/>
/// lists the first few of their serials (a mass reset can put hundreds on one address).
/// </summary>
public sealed record IpConflict(string IpAddress, int Count, IReadOnlyList<string> Named) : DeviceEvent;

/// <summary>The device has its address to itself again.</summary>
public sealed record IpConflictResolved(string IpAddress) : DeviceEvent;

/// <summary>The device's HTTP listener should now accept connections.</summary>
public sealed record ListenerOpened : DeviceEvent;

/// <summary>The device's HTTP listener should now refuse connections.</summary>
public sealed record ListenerClosed : DeviceEvent;
