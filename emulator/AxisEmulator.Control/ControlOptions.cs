namespace AxisEmulator.Control;

/// <summary>
/// Access to the control plane. It listens on loopback by default and then needs nothing; a host that
/// listens beyond loopback sets <see cref="RequireToken"/> and a <see cref="BearerToken"/>, and every
/// <c>/api/*</c> request must then carry <c>Authorization: Bearer &lt;token&gt;</c> (<c>/healthz</c> stays open).
/// </summary>
public sealed record ControlOptions
{
    /// <summary>The shared secret clients send as <c>Authorization: Bearer &lt;token&gt;</c>. When set, it is always checked.</summary>
    public string? BearerToken { get; init; }

    /// <summary>
    /// The control plane is reachable beyond loopback: a <see cref="BearerToken"/> must be configured
    /// (registration fails without one) and every <c>/api/*</c> request must present it.
    /// </summary>
    public bool RequireToken { get; init; }

    /// <summary>
    /// Whether <c>/metrics</c> also carries the runtime's own meter (<c>dotnet_gc_*</c>, <c>dotnet_process_*</c>,
    /// <c>dotnet_thread_pool_*</c>). Off by default: with it on, the clock's p99 lateness over a
    /// 1,000-device boot in real time rose from about 1.3 ms to 28–35 ms (bench/README.md, timing-fidelity).
    /// </summary>
    public bool RuntimeMetrics { get; init; }

    /// <summary>Timeline entries buffered per event-stream subscriber before the oldest are dropped.</summary>
    public int EventStreamCapacity { get; init; } = 1024;

    /// <summary>True when requests to <c>/api/*</c> must carry the bearer token.</summary>
    public bool TokenEnforced => RequireToken || !string.IsNullOrEmpty(BearerToken);

    /// <summary>Throws <see cref="ArgumentException"/> when the options contradict each other.</summary>
    public void Validate()
    {
        if (RequireToken && string.IsNullOrWhiteSpace(BearerToken))
        {
            throw new ArgumentException("ControlOptions.RequireToken is set but no BearerToken is configured: a control plane reachable beyond loopback needs a token.");
        }

        if (EventStreamCapacity < 1)
        {
            throw new ArgumentException($"ControlOptions.EventStreamCapacity must be at least 1 (got {EventStreamCapacity}).");
        }
    }
}
