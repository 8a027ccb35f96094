namespace AxisEmulator.Core.Events;

/// <summary>
/// How one kind of <see cref="DeviceEvent"/> looks on the wire: its name and timeline kind, when it
/// happens, the data fields it carries, and how its message and data are written.
/// </summary>
public sealed class DeviceEventSpec
{
    private readonly Func<DeviceEvent, string> _message;
    private readonly Func<DeviceEvent, IReadOnlyDictionary<string, object?>?> _data;

    private DeviceEventSpec(Type type, string name, TimelineKind kind, string when, DeviceEvent example, Func<DeviceEvent, string> message, Func<DeviceEvent, IReadOnlyDictionary<string, object?>?> data, IReadOnlyList<DataField> fields)
    {
        Type = type;
        Name = name;
        Kind = kind;
        When = when;
        Example = example;
        _message = message;
        _data = data;
        Fields = fields;
    }

    /// <summary>The record type.</summary>
    public Type Type { get; }

    /// <summary>The wire name (<c>event</c> of a timeline entry), e.g. <c>phase-changed</c>.</summary>
    public string Name { get; }

    public TimelineKind Kind { get; }

    /// <summary>When the device records it, for a person.</summary>
    public string When { get; }

    /// <summary>The data fields, in wire order; a field may be absent where its meaning says so.</summary>
    public IReadOnlyList<DataField> Fields { get; }

    /// <summary>A typical instance, for the documentation and the catalogue's own tests.</summary>
    public DeviceEvent Example { get; }

    public string MessageOf(DeviceEvent @event) => _message(@event);

    public IReadOnlyDictionary<string, object?>? DataOf(DeviceEvent @event) => _data(@event);

    internal static DeviceEventSpec For<T>(string name, TimelineKind kind, string when, T example, Func<T, string> message, Func<T, IReadOnlyDictionary<string, object?>?>? data = null, params ReadOnlySpan<(string Name, string Meaning)> fields)
        where T : DeviceEvent =>
        new(typeof(T), name, kind, when, example, e => message((T)e), data is null ? _ => null : e => data((T)e), ToFields(fields));

    private static DataField[] ToFields(ReadOnlySpan<(string Name, string Meaning)> fields)
    {
        var list = new DataField[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            list[i] = new DataField(fields[i].Name, fields[i].Meaning);
        }

        return list;
    }
}

/// <summary>One field of an event's data: its wire name and what it means.</summary>
public sealed record DataField(string Name, string Meaning);
