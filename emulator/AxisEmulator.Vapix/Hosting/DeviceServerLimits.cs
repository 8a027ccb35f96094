using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace AxisEmulator.Vapix.Hosting;

/// <summary>
/// The bounds of every camera's HTTP listener, in one place (README, "Exposure"): what one client can
/// make a camera hold. A camera runs Apache 2.4 (<c>Server: Apache/2.4.68</c>, vapix-facts §1), so
/// the defaults are Apache's own: <c>KeepAliveTimeout 5</c>, mod_reqtimeout's
/// <c>RequestReadTimeout header=20-40,MinRate=500 body=20,MinRate=500</c> (the slow-client guard),
/// and a bounded body. The control port has its own (<c>ControlPortLimits</c> in the host).
/// </summary>
public sealed record DeviceServerLimits
{
    public static DeviceServerLimits Default { get; } = new();

    /// <summary>
    /// Largest request body a camera accepts (a firmware image is the big one); larger is Apache's 413,
    /// answered as soon as a <c>Content-Length</c> says so, or when a chunked body passes it. [E] the
    /// units' own LimitRequestBody is not known; 512 MiB is well above any AXIS OS image.
    /// </summary>
    public long MaxRequestBodyBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>
    /// Connections a camera holds open at once; more wait in the listen backlog until one closes, as
    /// Apache's accept loop does at MaxRequestWorkers (256 for prefork, the limit the small units run).
    /// </summary>
    public int MaxConnectionsPerDevice { get; init; } = 256;

    /// <summary>A client must finish its request line and headers within this (mod_reqtimeout's <c>header=20</c>); the connection is closed otherwise.</summary>
    public TimeSpan RequestHeadersTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>An idle kept-alive connection is closed after this (Apache's <c>KeepAliveTimeout 5</c>).</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Slowest body a client may trickle after the grace period (mod_reqtimeout's <c>body=20,MinRate=500</c>).</summary>
    public MinDataRate MinRequestBodyDataRate { get; init; } = new(bytesPerSecond: 500, gracePeriod: TimeSpan.FromSeconds(20));

    /// <summary>Sets these on the shared device server's Kestrel options (the connection cap is the listeners').</summary>
    public void ApplyTo(KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        kestrel.Limits.RequestHeadersTimeout = RequestHeadersTimeout;
        kestrel.Limits.KeepAliveTimeout = KeepAliveTimeout;
        kestrel.Limits.MinRequestBodyDataRate = MinRequestBodyDataRate;
    }
}
