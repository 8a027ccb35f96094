namespace AxisEmulator.Core.Clock;

/// <summary>
/// The one place wall time enters the server. The simulation clock paces realtime and scaled modes
/// by it and hands it on as <see cref="SimulationClock.Wall"/> to what lives in wall time whatever the
/// simulation does (sockets opening and closing, captions read by people). Everything else reads
/// time from the simulation clock; <c>BannedSymbols.txt</c> makes the build enforce that.
/// </summary>
internal static class WallTime
{
#pragma warning disable RS0030 // Banned APIs: this is where wall time is allowed in, and only here.
    /// <summary>The system's clock, when the simulation clock is given no other.</summary>
    public static TimeProvider System => TimeProvider.System;

    /// <summary>
    /// The clock's driver thread sleeps on its own wake-up event rather than on a thread-pool timer,
    /// so pacing holds when a thousand rebooting devices keep the pool busy.
    /// </summary>
    public static void Sleep(ManualResetEventSlim wake, TimeSpan longest) => wake.Wait(longest);

    /// <summary>Disposing waits a bounded wall time for the driver thread to end.</summary>
    public static bool Join(Thread thread, TimeSpan longest) => thread.Join(longest);
#pragma warning restore RS0030
}
