namespace AxisEmulator.Client;

/// <summary>The simulation clock (<c>GET /api/v1/clock</c>).</summary>
public sealed record ClockState(
    ClockMode Mode,
    double Scale,
    int Seed,
    DateTimeOffset Now,
    double ElapsedSeconds,
    int PendingEvents,
    DateTimeOffset? NextEventDue,
    long ExecutedEvents)
{
    /// <summary>Simulated time since the epoch (2026-01-01T00:00:00Z).</summary>
    public TimeSpan Elapsed => TimeSpan.FromSeconds(ElapsedSeconds);
}

/// <summary>What one advance of manual time did.</summary>
public sealed record AdvanceResult(ClockState Clock, long EventsRun, bool Idle, double AdvancedSeconds);

/// <summary><c>GET /healthz</c>.</summary>
public sealed record HealthStatus(string Status)
{
    public bool IsHealthy => string.Equals(Status, "healthy", StringComparison.OrdinalIgnoreCase);
}
