using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Core.Tests.Power;

/// <summary>Power specs for the tests, built directly (no profile files).</summary>
internal static class PowerSpecs
{
    /// <summary>Boot loader 4 W, kernel 6 W, running 14 W, peak 25.5 W (heater and IR on).</summary>
    public static PhaseLoads Loads(double? degraded = null) => new()
    {
        BootLoader = 4,
        Kernel = 6,
        Running = 14,
        Peak = 25.5,
        Degraded = degraded,
    };

    public static PowerSpec Class(int poeClass, bool canRunDegraded = false, double? degraded = null) => new()
    {
        PoeClass = poeClass,
        CanRunDegraded = canRunDegraded,
        Loads = Loads(degraded),
    };

    /// <summary>A DC-only unit (no PoE input), like the 5 V AXIS M1011.</summary>
    public static PowerSpec DcOnly(double min, double max) => new()
    {
        PoeClass = null,
        Dc = new VoltageRange(min, max),
        Loads = Loads(),
    };
}
