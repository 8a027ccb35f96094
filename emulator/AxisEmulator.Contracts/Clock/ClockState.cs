using System.ComponentModel;
using System.Text.Json.Serialization;

namespace AxisEmulator.Contracts;

/// <summary>The simulation clock (<c>GET /api/v1/clock</c>).</summary>
public sealed record ClockState(
    ClockMode Mode,
    [property: Description("Simulated seconds per wall second: 1 realtime, N scaled, 0 manual.")] double Scale,
    [property: Description("Emulator-wide seed of every random choice.")] int Seed,
    [property: Description("Simulated now.")] DateTimeOffset Now,
    [property: Description("Simulated seconds since the epoch (2026-01-01T00:00:00Z).")] double ElapsedSeconds,
    int PendingEvents,
    DateTimeOffset? NextEventDue,
    long ExecutedEvents)
{
    /// <summary>Simulated time since the epoch (2026-01-01T00:00:00Z).</summary>
    [JsonIgnore]
    public TimeSpan Elapsed => TimeSpan.FromSeconds(ElapsedSeconds);
}

/// <summary>Body of <c>PUT /api/v1/clock</c>.</summary>
public sealed record ClockRequest(
    [property: Description("realtime, scaled or manual.")] ClockMode? Mode,
    [property: Description("scaled only: simulated seconds per wall second, (0, 1000000].")] double? Scale = null);

/// <summary>Body of <c>POST /api/v1/clock/advance</c>: <c>{seconds}</c> or <c>{untilIdle: true, maxSeconds?}</c>.</summary>
public sealed record AdvanceRequest(
    [property: Description("Simulated seconds to move forward, 0–604800, running every event due on the way.")] double? Seconds = null,
    [property: Description("Run events until none is pending (or the next lies beyond maxSeconds).")] bool? UntilIdle = null,
    [property: Description("untilIdle only: the bound, simulated seconds (0–604800]. Default 3600; a boot loop never goes idle.")] double? MaxSeconds = null);

/// <summary>What one advance of manual time did.</summary>
public sealed record AdvanceResult(
    ClockState Clock,
    [property: Description("Events run by this call.")] long EventsRun,
    [property: Description("No event is pending afterwards.")] bool Idle,
    [property: Description("Simulated seconds this call moved the clock.")] double AdvancedSeconds);
