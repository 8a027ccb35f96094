using System.Globalization;
using System.Text.Json;

namespace AxisEmulator.Client;

/// <summary>
/// One thing that happened to a device, stamped with simulated time: <see cref="Event"/> is a short
/// machine-readable name (<c>phase-changed</c>, <c>reset-release</c>, <c>factory-reset</c>,
/// <c>brownout</c>…), <see cref="Message"/> explains it to a person, <see cref="Data"/> has the figures.
/// </summary>
public sealed record TimelineEntry(
    string DeviceId,
    long Sequence,
    DateTimeOffset Time,
    TimelineKind Kind,
    string Event,
    string Message,
    IReadOnlyDictionary<string, JsonElement>? Data)
{
    /// <summary>A text figure (<c>outcome</c> of a reset-release, <c>to</c> of a phase change), or null.</summary>
    public string? GetString(string key) =>
        TryGet(key, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        } : null;

    /// <summary>A numeric figure (<c>heldSeconds</c>, <c>volts</c>), or null.</summary>
    public double? GetNumber(string key) =>
        TryGet(key, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    /// <summary>A boolean figure, or null.</summary>
    public bool? GetBoolean(string key) =>
        TryGet(key, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    public bool TryGet(string key, out JsonElement value)
    {
        if (Data is not null && Data.TryGetValue(key, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>For a <c>phase-changed</c> entry, the phase entered; otherwise null.</summary>
    public DevicePhase? PhaseEntered => Event == "phase-changed" && GetString("to") is { } to ? new DevicePhase(to) : default(DevicePhase?);

    /// <summary><c>00:00:22.000 cam-1 boot/reset-release: held 22.0 s, window 15–30 s: factory reset (7.0 s inside the window)</c>.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{SimulatedTime.Format(Time)} {DeviceId} {Kind}/{Event}: {Message}");
}

/// <summary>A device's timeline after a sequence number (<c>GET /api/v1/devices/{id}/timeline?since=</c>).</summary>
public sealed record TimelinePage(string DeviceId, long LastSequence, long? FirstSequence, IReadOnlyList<TimelineEntry> Entries)
{
    /// <summary>The phases entered, in order (from the <c>phase-changed</c> entries).</summary>
    public IReadOnlyList<DevicePhase> Phases => [.. Entries.Select(e => e.PhaseEntered).OfType<DevicePhase>()];

    /// <summary>The entries named <paramref name="eventName"/>, in order.</summary>
    public IReadOnlyList<TimelineEntry> Named(string eventName) => [.. Entries.Where(e => e.Event == eventName)];

    /// <summary>Every entry on its own line (see <see cref="TimelineEntry.Describe"/>).</summary>
    public string Describe() => Entries.Count == 0 ? "(no entries)" : string.Join(Environment.NewLine, Entries.Select(e => e.Describe()));
}

/// <summary>One VAPIX request a device answered.</summary>
/// <param name="Refusal">Why the credentials were refused, when they were (e.g. <c>wrong-password</c>, <c>stale-nonce</c>).</param>
public sealed record RequestRecord(long Sequence, DateTimeOffset Time, string Method, string Path, string? User, int Status, double? Ms, string? Refusal = null);

/// <summary>A device's VAPIX request journal after a sequence number.</summary>
public sealed record RequestJournal(string DeviceId, long LastSequence, IReadOnlyList<RequestRecord> Requests);
