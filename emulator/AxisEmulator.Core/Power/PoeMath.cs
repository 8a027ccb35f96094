using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Core.Power;

/// <summary>
/// The IEEE 802.3 PoE figures the emulator uses and the voltage-drop model built on them
/// (DESIGN.md §4.1, hardware-facts.md §4.1). Pure functions: no time, no randomness.
/// </summary>
/// <remarks>
/// Model: a pairset is a loop of resistance <c>R</c> between a PSE at <c>V_pse</c> and a PD drawing a
/// constant power <c>P</c>; the current solves <c>P = (V_pse − I·R)·I</c> (the smaller root is the
/// stable operating point). With four pairs (802.3bt classes 5–8) the two pairsets are in parallel:
/// the effective loop resistance halves and each pairset carries half the current.
/// </remarks>
public static class PoeMath
{
    /// <summary>Highest PoE class (802.3bt class 8).</summary>
    public const int MaxPoeClass = 8;

    /// <summary>Longest cable the model accepts, metres. 802.3 specifies 100 m; extenders and
    /// long-reach PSEs (e.g. AXIS T8504-E, 200 m) go further.</summary>
    public const double MaxModelledCableMeters = 250;

    // Comparisons at the limits allow this much numeric slack, so that the worked checks that sit
    // exactly on a limit (44 V over 20 Ω at 12.95 W gives exactly 37 V and 0.35 A) come out "ok".
    internal const double Tolerance = 1e-9;

    private static readonly double[] PseWattsByClass = [15.4, 4.0, 7.0, 15.4, 30, 45, 60, 75, 90];
    private static readonly double[] PdWattsByClass = [12.95, 3.84, 6.49, 12.95, 25.5, 40, 51, 62, 71.3];

    /// <summary>Power the PSE sources at a class, watts (class 0: 15.4 … class 8: 90).</summary>
    public static double PseWatts(int poeClass) => PseWattsByClass[CheckClass(poeClass)];

    /// <summary>Power guaranteed at the PD for a class, watts (class 0: 12.95 … class 8: 71.3).</summary>
    public static double PdWatts(int poeClass) => PdWattsByClass[CheckClass(poeClass)];

    /// <summary>
    /// Output voltage range of a PSE: 802.3af 44–57 V, 802.3at and 802.3bt 50–57 V, 802.3bt classes
    /// 7–8 (Type 4) 52–57 V.
    /// </summary>
    public static VoltageRange PseVoltageRange(PoeStandard standard, int pseClass) => standard switch
    {
        PoeStandard.Af => new VoltageRange(44, 57),
        PoeStandard.At => new VoltageRange(50, 57),
        PoeStandard.Bt => CheckClass(pseClass) >= 7 ? new VoltageRange(52, 57) : new VoltageRange(50, 57),
        _ => throw new ArgumentOutOfRangeException(nameof(standard), standard, "unknown PoE standard"),
    };

    /// <summary>
    /// PSE voltage assumed when a source does not give one: 48 V for 802.3af, 53 V for 802.3at/bt.
    /// </summary>
    /// <remarks>
    /// Our modelling choice, not a standard figure: 48 V is the classic nominal af supply, 53 V a
    /// typical PoE+/bt switch output (it also clears the 52 V floor of Type 4). Both sit inside the
    /// standard's range; pass <see cref="PoeSource.PseVolts"/> to model a worst-case PSE (44 V / 50 V).
    /// </remarks>
    public static double DefaultPseVolts(PoeStandard standard) => standard switch
    {
        PoeStandard.Af => 48,
        PoeStandard.At or PoeStandard.Bt => 53,
        _ => throw new ArgumentOutOfRangeException(nameof(standard), standard, "unknown PoE standard"),
    };

    /// <summary>
    /// The 802.3 type a link runs as once the PSE has granted <paramref name="grantedClass"/>:
    /// classes 0–3 Type 1, 4 Type 2, 5–6 Type 3, 7–8 Type 4.
    /// </summary>
    /// <remarks>
    /// The PD limits below follow the granted class rather than the PSE's standard: a class-3 (Type 1)
    /// camera on an 802.3at switch is still a Type 1 PD with a 37 V minimum. For 802.3af PSEs (classes
    /// 0–3 only) and 802.3at class 4 this is the same as "af 37 V / 350 mA, at 42.5 V / 600 mA".
    /// </remarks>
    public static int PoeType(int grantedClass) => CheckClass(grantedClass) switch
    {
        <= 3 => 1,
        4 => 2,
        <= 6 => 3,
        _ => 4,
    };

    /// <summary>
    /// Lowest voltage at the PD's input at which it stays up: Type 1 (af) 37 V, Type 2 and 3 42.5 V,
    /// Type 4 (bt classes 7–8) 41.1 V.
    /// </summary>
    /// <remarks>
    /// Type 4's 41.1 V is from the TRENDnet table in hardware-facts.md §4.1; it is what makes the
    /// standard's own worked check (52 V, 90 W, 12.5 Ω per pairset → 71.3 W at ≈41.2 V) hold.
    /// </remarks>
    public static double PdMinimumVolts(int grantedClass) => PoeType(grantedClass) switch
    {
        1 => 37,
        2 or 3 => 42.5,
        _ => 41.1,
    };

    /// <summary>Highest voltage a PoE PD accepts at its input (all types), volts.</summary>
    public const double PdMaximumVolts = 57;

    /// <summary>
    /// Largest current per pairset before the PSE cuts power: Type 1 0.35 A, Type 2 and 3 0.6 A,
    /// Type 4 0.96 A.
    /// </summary>
    public static double MaxAmpsPerPairset(int grantedClass) => PoeType(grantedClass) switch
    {
        1 => 0.35,
        2 or 3 => 0.6,
        _ => 0.96,
    };

    /// <summary>True when the link powers over four pairs (two pairsets): 802.3bt classes 5–8.</summary>
    public static bool UsesFourPairs(int grantedClass) => CheckClass(grantedClass) >= 5;

    /// <summary>
    /// DC loop resistance of one pairset per 100 m of cable, ohms: Cat3 20 Ω (802.3af worst case),
    /// Cat5/Cat5e 12.5 Ω (802.3at worst case), Cat6/Cat6a 7 Ω (typical).
    /// </summary>
    /// <remarks>
    /// Cat3 and Cat5/5e are the standard's worst-case channel figures (they include patch cords and
    /// connectors). Cat6/6a is a realistic typical figure, not a worst case: 23 AWG solid conductors,
    /// "typical Cat6 is ~7 Ω loop per 100 m" [S3, hardware-facts.md §4.1]. We do not distinguish
    /// Cat6a (also 22–23 AWG). Choosing Cat6 therefore models a good modern install.
    /// </remarks>
    public static double LoopOhmsPer100Meters(CableCategory cable) => cable switch
    {
        CableCategory.Cat3 => 20,
        CableCategory.Cat5 or CableCategory.Cat5e => 12.5,
        CableCategory.Cat6 or CableCategory.Cat6a => 7,
        _ => throw new ArgumentOutOfRangeException(nameof(cable), cable, "unknown cable category"),
    };

    /// <summary>
    /// Effective loop resistance the PD sees over <paramref name="meters"/> of cable: one pairset's
    /// loop, or half of it when two pairsets run in parallel (<paramref name="fourPair"/>).
    /// </summary>
    public static double LoopResistanceOhms(CableCategory cable, double meters, bool fourPair)
    {
        if (!(meters >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(meters), meters, "cable length must be zero or positive");
        }

        var pairset = LoopOhmsPer100Meters(cable) * meters / 100;
        return fourPair ? pairset / 2 : pairset;
    }

    /// <summary>
    /// Current drawn by a constant-power load of <paramref name="loadWatts"/> fed from
    /// <paramref name="pseVolts"/> through <paramref name="loopOhms"/>: the smaller root of
    /// <c>P = (V − I·R)·I</c>, or null when there is no real root (the cable cannot deliver that power).
    /// </summary>
    public static double? SolveCurrent(double pseVolts, double loadWatts, double loopOhms)
    {
        if (!(pseVolts > 0) || !(loadWatts >= 0) || !(loopOhms >= 0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(pseVolts), "volts must be positive; watts and ohms zero or positive");
        }

        var discriminant = (pseVolts * pseVolts) - (4 * loopOhms * loadWatts);
        if (discriminant < 0)
        {
            return null;
        }

        // (V − √D) / 2R rewritten as 2P / (V + √D): the same root, no cancellation, and R = 0 gives P/V.
        return 2 * loadWatts / (pseVolts + Math.Sqrt(discriminant));
    }

    /// <summary>
    /// Operating point of a constant-power load behind a cable loop, or null when there is none
    /// (see <see cref="SolveCurrent"/>). Limits (PD minimum volts, current) are not checked here.
    /// </summary>
    public static PoeOperatingPoint? Evaluate(double pseVolts, double loadWatts, double loopOhms)
    {
        if (SolveCurrent(pseVolts, loadWatts, loopOhms) is not { } amps)
        {
            return null;
        }

        return new PoeOperatingPoint(amps, pseVolts - (amps * loopOhms), amps * amps * loopOhms);
    }

    /// <summary>
    /// Largest effective loop resistance at which a <paramref name="loadWatts"/> load still sees at
    /// least <paramref name="minVolts"/> and draws at most <paramref name="maxAmps"/> (total), from
    /// <paramref name="pseVolts"/>; negative when not even a zero-ohm cable does;
    /// <see cref="double.PositiveInfinity"/> for a zero load.
    /// </summary>
    /// <remarks>
    /// On the smaller-root branch <c>V_pd = P / I</c> and <c>R = (V·I − P) / I²</c> grows with I, so the
    /// binding current is <c>I_lim = min(P / V_min, I_max)</c> and <c>R_max = (V·I_lim − P) / I_lim²</c>.
    /// With the voltage limit binding this is <c>(V − V_min)·V_min / P</c>. A real root exists up to
    /// <c>V² / 4P</c>, reached at <c>V_pd = V / 2</c>, which is below every PD minimum, so it never binds.
    /// </remarks>
    public static double MaxLoopOhms(double pseVolts, double loadWatts, double minVolts, double maxAmps)
    {
        if (loadWatts <= 0)
        {
            return double.PositiveInfinity;
        }

        var limit = Math.Min(loadWatts / minVolts, maxAmps);
        return ((pseVolts * limit) - loadWatts) / (limit * limit);
    }

    private static int CheckClass(int poeClass) =>
        poeClass is >= 0 and <= MaxPoeClass
            ? poeClass
            : throw new ArgumentOutOfRangeException(nameof(poeClass), poeClass, "PoE class must be 0–8");
}

/// <summary>
/// Where a constant-power load settles behind a cable: total current, volts at the device, and the
/// watts burnt in the cable (<c>I²R</c>).
/// </summary>
public readonly record struct PoeOperatingPoint(double Amps, double VoltsAtDevice, double CableLossWatts);
