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
    [property: Description("Milliseconds spent answering, on the device's simulation clock (in manual time 0 unless the answer waited on the clock, e.g. systemready's timeout); absent when not measured.")] double? Ms,
    [property: Description("Why the credentials were refused, when they were: no-credentials, scheme-not-accepted, malformed-credentials, unknown-user, wrong-password, stale-nonce, unknown-nonce, replayed-nonce, uri-mismatch or wrong-role.")] string? Refusal = null);

/// <summary>A device's VAPIX request journal after a sequence number.</summary>
public sealed record RequestJournal(string DeviceId, long LastSequence, IReadOnlyList<RequestRecord> Requests);
