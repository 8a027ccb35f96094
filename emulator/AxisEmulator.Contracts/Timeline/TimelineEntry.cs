using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AxisEmulator.Contracts;

/// <summary>
/// One thing that happened to a device, stamped with simulated time: <see cref="Event"/> is a short
/// machine-readable name (<c>phase-changed</c>, <c>reset-release</c>, <c>factory-reset</c>,
/// <c>brownout</c>…), <see cref="Message"/> explains it to a person, <see cref="Data"/> has the figures
/// (plain JSON values; read back from JSON they are <see cref="JsonElement"/>s).
/// </summary>
public sealed record TimelineEntry(
    string DeviceId,
    [property: Description("Per-device, increasing, never reused.")] long Sequence,
    [property: Description("Simulated time.")] DateTimeOffset Time,
    TimelineKind Kind,
    [property: Description("Short machine-readable name, e.g. phase-changed, reset-release, led-changed.")] string Event,
    [property: Description("The entry explained for a person.")] string Message,
    [property: Description("The figures: held seconds, volts, HTTP status…")] IReadOnlyDictionary<string, object?>? Data)
{
    /// <summary>For a <c>phase-changed</c> entry, the phase entered; otherwise null.</summary>
    [JsonIgnore]
    public DevicePhase? PhaseEntered => Event == "phase-changed" && GetString("to") is { } to ? new DevicePhase(to) : default(DevicePhase?);

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

    /// <summary>The figure named <paramref name="key"/> as JSON; false when the entry has no such figure (or it is null).</summary>
    public bool TryGet(string key, out JsonElement value)
    {
        if (Data is not null && Data.TryGetValue(key, out var figure) && figure is not null)
        {
            value = figure as JsonElement? ?? JsonSerializer.SerializeToElement(figure);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary><c>00:00:22.000 cam-1 boot/reset-release: held 22.0 s, window 15–30 s: factory reset (7.0 s inside the window)</c>.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{SimulatedTime.Format(Time)} {DeviceId} {Kind}/{Event}: {Message}");
}
