namespace AxisEmulator.Core.Events;

/// <summary>
/// One thing that happened to a device, stamped with simulated time: the typed
/// <see cref="DeviceEvent"/> and where it sits in the device's timeline.
/// </summary>
/// <remarks>
/// <see cref="Kind"/>, <see cref="Name"/>, <see cref="Message"/> and <see cref="Data"/> are the
/// event's wire shape, written by <see cref="DeviceEventCatalogue"/> when read: an entry keeps only
/// its record, so what each one leaves on the heap (every VAPIX request makes one, the ring keeps
/// thousands) is the record and four fields.
/// </remarks>
public sealed record TimelineEntry(long Sequence, DateTimeOffset Time, string DeviceId, DeviceEvent Event)
{
    public TimelineKind Kind => Spec.Kind;

    /// <summary>The wire name (<c>event</c>), e.g. <c>phase-changed</c>, <c>reset-release</c>.</summary>
    public string Name => Spec.Name;

    /// <summary>The entry explained for a person.</summary>
    public string Message => Spec.MessageOf(Event);

    /// <summary>The figures (held seconds, volts, status code…); null when the event has none.</summary>
    public IReadOnlyDictionary<string, object?>? Data => Spec.DataOf(Event);

    private DeviceEventSpec Spec => DeviceEventCatalogue.Of(Event);

    /// <summary>Reads a figure from <see cref="Data"/>, or default when absent.</summary>
    public T? Get<T>(string key) => Data is { } data && data.TryGetValue(key, out var value) && value is T typed ? typed : default;
}
