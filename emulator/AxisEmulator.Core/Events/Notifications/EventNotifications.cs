using AxisEmulator.Core.Devices;

namespace AxisEmulator.Core.Events.Notifications;

/// <summary>
/// Derives the firmware's published events from the device's typed timeline: one decision per
/// typed event, so the WebSocket stream, the scenario runner and any later transport agree.
/// </summary>
public static class EventNotifications
{
    /// <summary>The interface every emulated camera has.</summary>
    public const string Interface = "eth0";

    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>
    /// The notifications <paramref name="entry"/> makes the firmware publish (usually none), stamped
    /// with the device's clock: simulated time plus <paramref name="clockOffset"/> (<c>DeviceSystemTime.Offset</c>).
    /// </summary>
    public static IReadOnlyList<EventNotification> From(TimelineEntry entry, TimeSpan clockOffset)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var at = entry.Time + clockOffset;
        return entry.Event switch
        {
            SystemReady => [Ready(at, true)],

            // The unit stops being ready as it goes down in order; a power cut publishes nothing.
            PhaseChanged { From: DevicePhase.Ready, To: DevicePhase.ShuttingDown or DevicePhase.Upgrading } => [Ready(at, false)],
            AddressAssigned assigned => Added(assigned, at),
            AddressReleased released => [Address(EventTopics.AddressRemoved, at, Origin(released.Origin), released.IpAddress)],
            _ => [],
        };
    }

    /// <summary>
    /// What a new subscriber is told first: the current state of every stateful topic (the firmware
    /// sends property events with their present value when a client subscribes).
    /// </summary>
    public static IReadOnlyList<EventNotification> CurrentState(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return [Ready(device.SystemTime.UtcNow, device.Phase == DevicePhase.Ready)];
    }

    private static EventNotification Ready(DateTimeOffset at, bool ready) =>
        new(EventTopics.SystemReady, at, None, None, new Dictionary<string, string> { ["ready"] = ready ? "1" : "0" });

    private static List<EventNotification> Added(AddressAssigned assigned, DateTimeOffset at)
    {
        var added = new List<EventNotification>(2);

        // A lease arriving later finds the link-local address on eth0 already: only the lease is new.
        if (assigned.LinkLocal is { } linkLocal && linkLocal != assigned.IpAddress && !assigned.LinkLocalKept)
        {
            added.Add(Address(EventTopics.AddressAdded, at, LinkLocalOrigin, linkLocal));
        }

        if (assigned.IpAddress is { } address)
        {
            // On AXIS OS 12 the fallback is the link-local address itself.
            added.Add(Address(EventTopics.AddressAdded, at, address == assigned.LinkLocal ? LinkLocalOrigin : Origin(assigned.Origin), address));
        }

        return added;
    }

    private const string LinkLocalOrigin = "Link local";

    /// <summary>The message's <c>origin</c> (VAPIX event declarations: Link local, DHCP, RA, Static); the fallback address (192.168.0.90) is a configured static one.</summary>
    private static string Origin(AddressOrigin origin) => origin == AddressOrigin.Dhcp ? "DHCP" : "Static";

    private static EventNotification Address(string topic, DateTimeOffset at, string origin, string address) => new(
        topic,
        at,
        new Dictionary<string, string> { ["interface"] = Interface },
        None,
        new Dictionary<string, string> { ["origin"] = origin, ["address"] = address });
}
