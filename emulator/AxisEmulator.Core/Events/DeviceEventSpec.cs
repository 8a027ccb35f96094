namespace AxisEmulator.Core.Events;

/// <summary>
/// How one kind of <see cref="DeviceEvent"/> looks on the wire: its name and timeline kind, when it
/// happens, the data fields it carries (in wire order; a field may be absent where its meaning says
/// so), a typical instance for the documentation, and how its message and data are written.
/// </summary>
/// <param name="Name">The wire name (<c>event</c> of a timeline entry), e.g. <c>phase-changed</c>.</param>
public sealed record DeviceEventSpec(
    Type Type,
    string Name,
    TimelineKind Kind,
    string When,
    IReadOnlyList<DataField> Fields,
    DeviceEvent Example,
    Func<DeviceEvent, string> MessageOf,
    Func<DeviceEvent, IReadOnlyDictionary<string, object?>?> DataOf)
{
    internal static DeviceEventSpec For<T>(string name, TimelineKind kind, string when, T example, Func<T, string> message, Func<T, IReadOnlyDictionary<string, object?>?>? data = null, params ReadOnlySpan<(string Name, string Meaning)> fields)
        where T : DeviceEvent
    {
        var documented = new DataField[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            documented[i] = new DataField(fields[i].Name, fields[i].Meaning);
        }

        return new(typeof(T), name, kind, when, documented, example, e => message((T)e), data is null ? _ => null : e => data((T)e));
    }
}

/// <summary>One field of an event's data: its wire name and what it means.</summary>
public sealed record DataField(string Name, string Meaning);
