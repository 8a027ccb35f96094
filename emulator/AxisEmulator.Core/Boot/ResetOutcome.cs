using System.Globalization;
using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Core.Boot;

public enum ResetVerdict
{
    /// <summary>Released before the window: normal boot, configuration kept.</summary>
    TooEarly,

    /// <summary>Released inside the window: factory default.</summary>
    FactoryReset,

    /// <summary>Released after the window on a lenient profile: factory default anyway.</summary>
    LateReset,

    /// <summary>Held past the window on a strict profile: the boot loader gave up, configuration kept.</summary>
    LateAbort,
}

/// <summary>
/// Why a button release did or did not reset the unit: held seconds against the model's window,
/// the verdict and the margin to the nearest edge (positive inside the window, negative outside).
/// </summary>
public sealed record ResetOutcome(double HeldSeconds, double WindowMin, double WindowMax, ResetVerdict Verdict, double MarginSeconds)
{
    public bool ErasesConfiguration => Verdict is ResetVerdict.FactoryReset or ResetVerdict.LateReset;

    public static ResetOutcome For(double heldSeconds, ResetSpec spec)
    {
        var min = spec.HoldMinSeconds;
        var max = spec.HoldMaxSeconds;
        if (heldSeconds < min)
        {
            return new ResetOutcome(heldSeconds, min, max, ResetVerdict.TooEarly, heldSeconds - min);
        }

        if (heldSeconds <= max)
        {
            return new ResetOutcome(heldSeconds, min, max, ResetVerdict.FactoryReset, Math.Min(heldSeconds - min, max - heldSeconds));
        }

        var verdict = spec.LateRelease == LateReleaseBehavior.Reset ? ResetVerdict.LateReset : ResetVerdict.LateAbort;
        return new ResetOutcome(heldSeconds, min, max, verdict, max - heldSeconds);
    }

    /// <summary>The window closed with the button still held on a strict profile: the boot loader gives up.</summary>
    public static ResetOutcome WindowClosed(double heldSeconds, ResetSpec spec) =>
        new(heldSeconds, spec.HoldMinSeconds, spec.HoldMaxSeconds, ResetVerdict.LateAbort, spec.HoldMaxSeconds - heldSeconds);

    /// <summary>
    /// Held seconds up to which a longer hold keeps this verdict: the window's opening for a release too
    /// early, its end for one inside it; null past the window (holding on changes nothing more).
    /// </summary>
    public double? VerdictHoldsUntilSeconds => Verdict switch
    {
        ResetVerdict.TooEarly => WindowMin,
        ResetVerdict.FactoryReset => WindowMax,
        _ => null,
    };

    /// <summary>Kebab-case verdict for the timeline and API.</summary>
    public string VerdictName => Verdict switch
    {
        ResetVerdict.TooEarly => "too-early",
        ResetVerdict.FactoryReset => "factory-reset",
        ResetVerdict.LateReset => "too-late-reset",
        _ => "too-late-abort",
    };

    /// <summary>"held 22.0 s, window 15–30 s: factory reset (7.0 s inside the window)".</summary>
    public string Explain()
    {
        var head = string.Create(CultureInfo.InvariantCulture, $"held {HeldSeconds:0.0} s, window {WindowMin:0.##}–{WindowMax:0.##} s: ");
        var margin = Math.Abs(MarginSeconds).ToString("0.0", CultureInfo.InvariantCulture);
        return head + Verdict switch
        {
            ResetVerdict.TooEarly => $"released too early, normal boot, configuration kept ({margin} s short of the window)",
            ResetVerdict.FactoryReset => $"factory reset ({margin} s inside the window)",
            ResetVerdict.LateReset => $"released late, factory reset anyway: this model is lenient ({margin} s past the window)",
            _ => $"held too long, reset aborted, configuration kept ({margin} s past the window)",
        };
    }

    public IReadOnlyDictionary<string, object?> ToData() => new Dictionary<string, object?>
    {
        ["heldSeconds"] = Math.Round(HeldSeconds, 3),
        ["windowMin"] = WindowMin,
        ["windowMax"] = WindowMax,
        ["outcome"] = VerdictName,
        ["marginSeconds"] = Math.Round(MarginSeconds, 3),
    };
}
