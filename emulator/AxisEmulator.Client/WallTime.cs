namespace AxisEmulator.Client;

/// <summary>
/// The one place wall time enters the client. A client's retries, polls and deadlines are about a
/// server answering over the network, so they run in wall time: a client takes it from its
/// <see cref="AxisEmulatorClient.WallClock"/> (this, unless the caller gives another, a fake in a test).
/// </summary>
internal static class WallTime
{
#pragma warning disable RS0030 // Banned APIs: this is where the client's wall time is allowed in, and only here.
    /// <summary>The system's clock, when the caller gives no other.</summary>
    public static TimeProvider System => TimeProvider.System;
#pragma warning restore RS0030
}
