using System.Globalization;
using AxisEmulator.Core.Events.Notifications;
using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Vapix.EventService;

/// <summary>One item of a topic's source or data: its name, XML type and the values it can take (when it has a fixed set).</summary>
internal sealed record EventItem(string Name, string Type, string? NiceName = null, IReadOnlyList<string>? Values = null, bool IsPropertyState = false);

/// <summary>
/// A topic the device declares, by its full topic string as events carry it
/// (<c>tns1:Device/tnsaxis:Status/SystemReady</c>), with its message shape.
/// </summary>
internal sealed record EventTopic(string Path, string? NiceName, bool IsProperty, IReadOnlyList<EventItem> Source, IReadOnlyList<EventItem> Data);

/// <summary>
/// The system topics a reset tool and a monitor rely on, with the shapes of a real GetEventInstances
/// answer (Kane610/axis <c>tests/event_fixtures.py</c> EVENT_INSTANCES, an Axis camera): readiness,
/// network loss and addresses, the digital inputs of the profile, virtual inputs, and for video
/// products live-stream access.
/// </summary>
internal static class EventDeclarations
{
    // The published topics are declared under the names the stream uses (EventTopics.Published).
    public const string SystemReady = EventTopics.SystemReady;
    public const string NetworkLost = "tns1:Device/tnsaxis:Network/Lost";
    public const string AddressAdded = EventTopics.AddressAdded;
    public const string AddressRemoved = EventTopics.AddressRemoved;
    public const string DigitalInput = "tns1:Device/Trigger/DigitalInput";
    public const string VirtualInput = "tns1:Device/tnsaxis:IO/VirtualInput";
    public const string LiveStreamAccessed = "tns1:VideoSource/tnsaxis:LiveStreamAccessed";

    /// <summary>Nice names of the groups on the way to a topic (as the captured device names them).</summary>
    public static readonly IReadOnlyDictionary<string, string> GroupNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["tns1:Device"] = "Device",
        ["tns1:Device/tnsaxis:Status"] = "Device status",
        ["tns1:Device/tnsaxis:IO"] = "Input ports",
        ["tns1:VideoSource"] = "Video source",
    };

    public static IReadOnlyList<EventTopic> For(HardwareProfile profile)
    {
        var topics = new List<EventTopic>
        {
            new(SystemReady, "System Ready", true, [], [new("ready", "xsd:boolean", IsPropertyState: true)]),
            new(NetworkLost, "Network lost", true, [new("interface", "xsd:string", "Interface", ["Any", "eth0"])], [new("lost", "xsd:boolean", "Lost", IsPropertyState: true)]),
            new(AddressAdded, "AddressAdded", false, [new("interface", "xsd:string", "Interface")], [new("origin", "xsd:string", "Origin"), new("address", "xsd:string", "Address")]),
            new(AddressRemoved, "AddressRemoved", false, [new("interface", "xsd:string", "Interface")], [new("origin", "xsd:string", "Origin"), new("address", "xsd:string", "Address")]),
            new(VirtualInput, "Virtual input", true, [new("port", "xsd:int", "Port number", Numbers(1, 32))], [new("active", "xsd:boolean", "Active", IsPropertyState: true)]),
        };
        if (profile.Io.Inputs > 0)
        {
            topics.Add(new(DigitalInput, null, true, [new("InputToken", "tt:ReferenceToken", Values: Numbers(0, profile.Io.Inputs))], [new("LogicalState", "xsd:boolean", IsPropertyState: true)]));
        }

        if (profile.HasVideo)
        {
            topics.Add(new(LiveStreamAccessed, "Live stream accessed", true, [], [new("accessed", "xsd:boolean", IsPropertyState: true)]));
        }

        return topics;
    }

    private static string[] Numbers(int first, int count) =>
        [.. Enumerable.Range(first, count).Select(n => n.ToString(CultureInfo.InvariantCulture))];
}
