namespace AxisEmulator.Core.Timeline;

/// <summary>
/// One thing that happened to a device, stamped with simulated time.
/// <paramref name="Event"/> is a short machine-readable name (e.g. <c>phase-changed</c>,
/// <c>reset-release</c>); <paramref name="Message"/> explains it to a person;
/// <paramref name="Data"/> carries the figures (held seconds, volts, status code…).
/// </summary>
public sealed record TimelineEntry(
    long Sequence,
    DateTimeOffset Time,
    string DeviceId,
    TimelineKind Kind,
    string Event,
    string Message,
    IReadOnlyDictionary<string, object?>? Data = null)
{
    /// <summary>Reads a figure from <see cref="Data"/>, or default when absent.</summary>
    public T? Get<T>(string key) => Data is not null && Data.TryGetValue(key, out var value) && value is T typed ? typed : default;
}
