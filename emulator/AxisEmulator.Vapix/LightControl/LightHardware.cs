using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Vapix.LightControl;

/// <summary>A light the Light control API drives: its <c>lightID</c> and <c>lightType</c> (IR or White).</summary>
public sealed record Light(string Id, string Type, int LedCount);

/// <summary>
/// The lights a model has — the one place that decides it, so the profiles' coming hardware block
/// can replace it. Until then it reads the product number: Axis marks built-in IR illumination with
/// an L in the suffix (M1075-L, P3245-LVE, Q1656-LE, P3727-PLE), and the captured lists agree: the
/// -L models list light-control, the others (M3066-V, P8815-2, Q1961-TE…) do not. [E] one IR light
/// "led0" of one LED group, as in the popular Python client's fixture; no profile has white light yet.
/// </summary>
public static class LightHardware
{
    public static IReadOnlyList<Light> LightsOf(HardwareProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.HasVideo && HasIrSuffix(profile.Model) ? [new Light("led0", "IR", 1)] : [];
    }

    public static bool HasLight(HardwareProfile profile) => LightsOf(profile).Count > 0;

    private static bool HasIrSuffix(string model)
    {
        var dash = model.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && model[(dash + 1)..].Split('-')[0].Contains('L', StringComparison.Ordinal);
    }
}
