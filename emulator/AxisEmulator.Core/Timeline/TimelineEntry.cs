namespace AxisEmulator.Core.Timeline;

/// <summary>
/// One thing that happened to a device, stamped with simulated time.
/// <see cref="Event"/> is a short machine-readable name (e.g. <c>phase-changed</c>,
/// <c>reset-release</c>); <see cref="Message"/> explains it to a person;
/// <see cref="Data"/> carries the figures (held seconds, volts, status code…).
/// </summary>
/// <remarks>
/// A VAPIX request entry (<see cref="Request"/>) keeps only its five figures and writes its message
/// and data when first asked: every request makes one, a timeline keeps thousands, and each one
/// outlives the request (the GC copies every survivor), while few are ever read.
/// </remarks>
public sealed record TimelineEntry
{
    private string? _message;
    private IReadOnlyDictionary<string, object?>? _data;

    public TimelineEntry(long sequence, DateTimeOffset time, string deviceId, TimelineKind kind, string @event, string message, IReadOnlyDictionary<string, object?>? data = null)
    {
        Sequence = sequence;
        Time = time;
        DeviceId = deviceId;
        Kind = kind;
        Event = @event;
        _message = message;
        _data = data;
    }

    /// <summary>A VAPIX request (<see cref="TimelineKind.Http"/>, <c>request</c>).</summary>
    public TimelineEntry(long sequence, DateTimeOffset time, string deviceId, HttpRequestRecord request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Sequence = sequence;
        Time = time;
        DeviceId = deviceId;
        Kind = TimelineKind.Http;
        Event = HttpRequestRecord.Event;
        Request = request;
    }

    public long Sequence { get; init; }

    public DateTimeOffset Time { get; init; }

    public string DeviceId { get; init; }

    public TimelineKind Kind { get; init; }

    public string Event { get; init; }

    public string Message
    {
        get => _message ??= Request!.Describe();
        init => _message = value;
    }

    public IReadOnlyDictionary<string, object?>? Data
    {
        get => _data ??= Request?.ToData();
        init => _data = value;
    }

    /// <summary>The figures of a VAPIX request entry, typed (null for every other entry).</summary>
    public HttpRequestRecord? Request { get; }

    /// <summary>Reads a figure from <see cref="Data"/>, or default when absent.</summary>
    public T? Get<T>(string key) => Data is not null && Data.TryGetValue(key, out var value) && value is T typed ? typed : default;

    /// <summary>Equal when everything a reader sees is equal (the message and data, however they were made).</summary>
    public bool Equals(TimelineEntry? other) =>
        other is not null && Sequence == other.Sequence && Time == other.Time && DeviceId == other.DeviceId && Kind == other.Kind
        && Event == other.Event && Message == other.Message
        && (Request is not null ? Request == other.Request : other.Request is null && ReferenceEquals(Data, other.Data));

    public override int GetHashCode() => HashCode.Combine(Sequence, Time, DeviceId, Kind, Event);
}

/// <summary>The figures of one VAPIX request as the timeline keeps it.</summary>
/// <param name="Milliseconds">Simulated time the request took, when measured.</param>
public sealed record HttpRequestRecord(string Method, string Path, string? User, int Status, double? Milliseconds)
{
    /// <summary>The event name of a request entry.</summary>
    public const string Event = "request";

    /// <summary>"GET /axis-cgi/param.cgi → 200 (root)".</summary>
    public string Describe() => User is null ? $"{Method} {Path} → {Status}" : $"{Method} {Path} → {Status} ({User})";

    public TimelineDataDictionary ToData() => new(("method", Method), ("path", Path), ("user", User), ("status", Status), ("ms", Milliseconds));
}
