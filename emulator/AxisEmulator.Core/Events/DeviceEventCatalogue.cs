using System.Collections.Frozen;
using System.Globalization;
using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Core.Events;

/// <summary>
/// The wire shape of every <see cref="DeviceEvent"/>: its name, kind, message and data, exactly as
/// the control API's timeline, the event stream, the dashboard and scenario files see them. One
/// <see cref="DeviceEventSpec"/> per record type, grouped by kind in the partial files beside this
/// one; <c>docs/events.md</c> is generated from it (<see cref="ToMarkdown"/>).
/// </summary>
public static partial class DeviceEventCatalogue
{
    /// <summary>Every kind of device event, grouped by timeline kind.</summary>
    public static IReadOnlyList<DeviceEventSpec> All { get; } = [.. PowerEvents(), .. ButtonEvents(), .. StateEvents(), .. FaultEvents(), .. BootEvents(), .. NetworkEvents()];

    private static readonly FrozenDictionary<Type, DeviceEventSpec> ByType = All.ToFrozenDictionary(s => s.Type);

    /// <summary>The spec of <paramref name="event"/>'s record type.</summary>
    public static DeviceEventSpec Of(DeviceEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return ByType.TryGetValue(@event.GetType(), out var spec)
            ? spec
            : throw new ArgumentException($"{@event.GetType().Name} has no entry in the device event catalogue", nameof(@event));
    }

    private static TimelineDataDictionary Data(params ReadOnlySpan<(string Key, object? Value)> pairs) => new TimelineDataDictionary(pairs);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>"ModelMismatch" → "model-mismatch".</summary>
    private static string Kebab<T>(T value)
        where T : struct, Enum => WireNames.Kebab(value.ToString());
}
