using System.ComponentModel;

namespace AxisEmulator.Contracts;

/// <summary>One VAPIX request a device answered.</summary>
public sealed record RequestRecord(
    long Sequence,
    DateTimeOffset Time,
    string Method,
    string Path,
    [property: Description("Authenticated user, if any.")] string? User,
    int Status,
    [property: Description("Wall milliseconds spent answering, when measured.")] double? Ms);

/// <summary>A device's VAPIX request journal after a sequence number.</summary>
public sealed record RequestJournal(string DeviceId, long LastSequence, IReadOnlyList<RequestRecord> Requests);
