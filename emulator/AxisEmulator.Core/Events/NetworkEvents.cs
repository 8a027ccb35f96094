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

/// <summary>The network came up with an address (null when there is none but link-local).</summary>
public sealed record AddressAssigned(string? IpAddress, string? LinkLocal, BootProtocol BootProto, AddressOrigin Origin) : DeviceEvent;

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
