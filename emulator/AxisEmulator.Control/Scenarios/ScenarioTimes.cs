using System.Globalization;

namespace AxisEmulator.Control.Scenarios;

/// <summary>Simulated times as the scenario log and messages write them.</summary>
internal static class ScenarioTimes
{
    /// <summary><c>[  22.000s]</c>.</summary>
    public static string Stamp(TimeSpan at) => string.Create(CultureInfo.InvariantCulture, $"[{at.TotalSeconds,8:0.000}s]");

    /// <summary><c>22.000s</c>.</summary>
    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + "s";
}
