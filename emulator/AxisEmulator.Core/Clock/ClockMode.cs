namespace AxisEmulator.Core.Clock;

/// <summary>How simulated time relates to wall time.</summary>
public enum ClockMode
{
    /// <summary>Simulated time follows wall time 1:1 (default for <c>serve</c>).</summary>
    Realtime,

    /// <summary>Simulated time runs N× faster than wall time (demos, quick CI over sockets).</summary>
    Scaled,

    /// <summary>Simulated time moves only when asked (tests, scenarios, benchmarks).</summary>
    Manual,
}
