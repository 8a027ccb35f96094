using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Core.Power;

/// <summary>
/// What "plug it in" means when nobody names a source: PoE at the profile's own class from the lowest
/// standard that supplies it (802.3af up to class 3, 802.3at for 4, 802.3bt above) over 10 m of
/// Cat5e, or, for a unit without PoE, a DC adapter in the middle of its input range with headroom.
/// </summary>
public static class DefaultPowerSource
{
    public const double CableMeters = 10;

    /// <summary>The default source, or null with a reason for a profile with neither input.</summary>
    public static PowerSource? For(HardwareProfile profile, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(profile);
        reason = null;
        if (profile.Power.PoeClass is { } poeClass)
        {
            return new PoeSource(PoeStandards.LowestFor(poeClass), poeClass, CableMeters, CableCategory.Cat5e);
        }

        if (profile.Power.Dc is { } dc)
        {
            var volts = Math.Round((dc.Min + dc.Max) / 2, 2);
            return new DcSource(volts, AdapterAmps(profile, volts));
        }

        reason = $"profile {profile.Id} has neither a PoE nor a DC input; give a source explicitly";
        return null;
    }

    /// <summary>The default source; throws for a profile with neither input.</summary>
    public static PowerSource For(HardwareProfile profile) =>
        For(profile, out var reason) ?? throw new InvalidOperationException(reason);

    /// <summary>An adapter rating with headroom over the device's peak load (at least 2 A).</summary>
    public static double AdapterAmps(HardwareProfile profile, double volts)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!(volts > 0) || !double.IsFinite(volts))
        {
            return 2;
        }

        var needed = profile.Power.Loads.Peak * 1.5 / volts;
        return Math.Max(2, Math.Ceiling(needed * 2) / 2);
    }
}
