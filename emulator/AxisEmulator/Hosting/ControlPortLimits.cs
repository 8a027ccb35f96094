using AxisEmulator.Control.Api;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace AxisEmulator.Hosting;

/// <summary>
/// The bounds of the control port, in one place (README, "Exposure"): what one client can make the
/// emulator hold. Kestrel's defaults are kept where they already bound (header size and count,
/// the header timeout); the body limit is the control API's own, so a body no endpoint would read is
/// refused while it arrives, and connections are capped so idle or slow clients cannot pile up.
/// </summary>
public static class ControlPortLimits
{
    /// <summary>Open connections at once, event streams and dashboard tabs included; more are refused until some close.</summary>
    public const int MaxConcurrentConnections = 256;

    /// <summary>Largest request body: the JSON the control API reads, a scenario's YAML included (413 beyond it).</summary>
    public const long MaxRequestBodyBytes = RequestBody.MaxBytes;

    /// <summary>Request line and headers together (Kestrel's default; 431 beyond it).</summary>
    public const int MaxRequestHeadersBytes = 32 * 1024;

    /// <summary>A client must finish its headers within this (Kestrel's default; the connection closes otherwise).</summary>
    public static readonly TimeSpan RequestHeadersTimeout = TimeSpan.FromSeconds(30);

    /// <summary>An idle kept-alive connection is closed after this.</summary>
    public static readonly TimeSpan KeepAliveTimeout = TimeSpan.FromSeconds(120);

    public static void ApplyTo(KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        kestrel.Limits.MaxConcurrentConnections = MaxConcurrentConnections;
        kestrel.Limits.MaxConcurrentUpgradedConnections = MaxConcurrentConnections;
        kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        kestrel.Limits.MaxRequestHeadersTotalSize = MaxRequestHeadersBytes;
        kestrel.Limits.RequestHeadersTimeout = RequestHeadersTimeout;
        kestrel.Limits.KeepAliveTimeout = KeepAliveTimeout;
    }
}
