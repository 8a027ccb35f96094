using System.ComponentModel;
using System.Text.Json.Serialization;

namespace AxisEmulator.Contracts;

/// <summary>A device's timeline after a sequence number (<c>GET /api/v1/devices/{id}/timeline?since=</c>).</summary>
public sealed record TimelinePage(
    string DeviceId,
    [property: Description("Newest sequence number: the next ?since=.")] long LastSequence,
    [property: Description("Oldest sequence number still held (the timeline is a bounded ring); null when empty.")] long? FirstSequence,
    IReadOnlyList<TimelineEntry> Entries)
{
    /// <summary>The phases entered, in order (from the <c>phase-changed</c> entries).</summary>
    [JsonIgnore]
    public IReadOnlyList<DevicePhase> Phases => [.. Entries.Select(e => e.PhaseEntered).OfType<DevicePhase>()];

    /// <summary>The entries named <paramref name="eventName"/>, in order.</summary>
    public IReadOnlyList<TimelineEntry> Named(string eventName) => [.. Entries.Where(e => e.Event == eventName)];

    /// <summary>Every entry on its own line (see <see cref="TimelineEntry.Describe"/>).</summary>
    public string Describe() => Entries.Count == 0 ? "(no entries)" : string.Join(Environment.NewLine, Entries.Select(e => e.Describe()));
}
