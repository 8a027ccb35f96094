namespace AxisEmulator.Core.Events.Notifications;

/// <summary>
/// One event as the camera's event system publishes it (VAPIX event streaming, ONVIF metadata):
/// a topic, the device's own time, and the message's source, key and data items (values as text,
/// booleans as <c>"0"</c>/<c>"1"</c>, as the firmware sends them).
/// </summary>
public sealed record EventNotification(
    string Topic,
    DateTimeOffset Timestamp,
    IReadOnlyDictionary<string, string> Source,
    IReadOnlyDictionary<string, string> Key,
    IReadOnlyDictionary<string, string> Data);

/// <summary>A topic the emulator publishes, with the names of its message's data items.</summary>
public sealed record PublishedTopic(string Topic, IReadOnlyList<string> Data);

/// <summary>
/// The topics the emulated firmware publishes (names as declared by AXIS OS, VAPIX event and action
/// services). No others: real units have no parameter-changed, boot or shutdown topic (docs/event-stream.md).
/// </summary>
public static class EventTopics
{
    /// <summary>Stateful: <c>ready</c> is 1 once the unit is ready (systemready: yes), 0 while it is not.</summary>
    public const string SystemReady = "tns1:Device/tnsaxis:Status/SystemReady";

    /// <summary>Stateless: an address was put on an interface (source <c>interface</c>, data <c>origin</c>, <c>address</c>).</summary>
    public const string AddressAdded = "tns1:Device/tnsaxis:Network/AddressAdded";

    /// <summary>Stateless: an address was taken off an interface (same items as <see cref="AddressAdded"/>).</summary>
    public const string AddressRemoved = "tns1:Device/tnsaxis:Network/AddressRemoved";

    /// <summary>Every topic the event stream can publish, each with its data items: the one list the stream, scenarios and docs use.</summary>
    public static IReadOnlyList<PublishedTopic> Published { get; } =
    [
        new(SystemReady, ["ready"]),
        new(AddressAdded, ["origin", "address"]),
        new(AddressRemoved, ["origin", "address"]),
    ];

    /// <summary>The published topic named <paramref name="topic"/>, or null.</summary>
    public static PublishedTopic? Find(string topic) => Published.FirstOrDefault(p => p.Topic == topic);
}
