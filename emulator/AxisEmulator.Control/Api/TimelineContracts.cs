using System.ComponentModel;
using AxisEmulator.Core.Events;

namespace AxisEmulator.Control.Api;

/// <summary>One thing that happened to a device, stamped with simulated time.</summary>
public sealed record TimelineEntryView(
    string DeviceId,
    [property: Description("Per-device, increasing, never reused.")] long Sequence,
    [property: Description("Simulated time.")] DateTimeOffset Time,
    TimelineKind Kind,
    [property: Description("Short machine-readable name, e.g. phase-changed, reset-release, led-changed.")] string Event,
    [property: Description("The entry explained for a person.")] string Message,
    [property: Description("The figures: held seconds, volts, HTTP status…")] IReadOnlyDictionary<string, object?>? Data);

/// <summary>A device's timeline after <c>since</c>.</summary>
public sealed record TimelinePage(
    string DeviceId,
    [property: Description("Newest sequence number: the next ?since=.")] long LastSequence,
    [property: Description("Oldest sequence number still held (the timeline is a bounded ring); null when empty.")] long? FirstSequence,
    IReadOnlyList<TimelineEntryView> Entries);

/// <summary>One VAPIX request the device answered.</summary>
public sealed record RequestRecord(
    long Sequence,
    DateTimeOffset Time,
    string Method,
    string Path,
    [property: Description("Authenticated user, if any.")] string? User,
    int Status,
    [property: Description("Wall milliseconds spent answering, when measured.")] double? Ms,
    [property: Description("Why the credentials were refused, when they were: no-credentials, scheme-not-accepted, malformed-credentials, unknown-user, wrong-password, stale-nonce, unknown-nonce, replayed-nonce, uri-mismatch or wrong-role.")] string? Refusal = null);

/// <summary>A device's VAPIX request journal after <c>since</c>.</summary>
public sealed record RequestJournal(string DeviceId, long LastSequence, IReadOnlyList<RequestRecord> Requests);
