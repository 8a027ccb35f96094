using System.Globalization;

namespace AxisEmulator.Core.Power;

/// <summary>What feeds a simulated device: a PoE PSE, a passive injector or a DC adapter (or nothing: null).</summary>
public abstract record PowerSource
{
    /// <summary>
    /// Problems with the source's own figures, as sentences the control plane can return as problem
    /// details; empty when the source is valid. (Whether it suits a given device is a matter for
    /// <see cref="PowerRail.Evaluate"/>, not an error.)
    /// </summary>
    public abstract IReadOnlyList<string> Validate();

    /// <summary>Throws <see cref="ArgumentException"/> with all <see cref="Validate"/> messages when invalid.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"invalid power source: {string.Join("; ", errors)}");
        }
    }

    private protected static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// An IEEE 802.3 PSE (switch port or midspan) of <paramref name="Standard"/> configured to supply at
/// most class <paramref name="PseClass"/>, over <paramref name="CableMeters"/> of
/// <paramref name="Cable"/>. <paramref name="PseVolts"/> null means <see cref="PoeMath.DefaultPseVolts"/>.
/// </summary>
public sealed record PoeSource(
    PoeStandard Standard,
    int PseClass,
    double CableMeters = 1,
    CableCategory Cable = CableCategory.Cat5e,
    double? PseVolts = null) : PowerSource
{
    /// <summary>The PSE's output voltage: <see cref="PseVolts"/> or the standard's default.</summary>
    public double EffectivePseVolts => PseVolts ?? PoeMath.DefaultPseVolts(Standard);

    public override IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var standardOk = Enum.IsDefined(Standard);
        if (!standardOk)
        {
            errors.Add(Format($"unknown PoE standard {(int)Standard}; expected 802.3af, 802.3at or 802.3bt"));
        }

        var classOk = PseClass is >= 0 and <= PoeMath.MaxPoeClass;
        if (!classOk)
        {
            errors.Add(Format($"PSE class {PseClass} is outside 0–8"));
        }
        else if (standardOk && PseClass > Standard.MaxClass())
        {
            var needs = PseClass <= PoeStandard.At.MaxClass() ? "802.3at or 802.3bt" : "802.3bt";
            errors.Add(Format(
                $"{Standard.ToWireString()} PSEs supply class 0–{Standard.MaxClass()}; class {PseClass} needs {needs}"));
            classOk = false;
        }

        if (!Enum.IsDefined(Cable))
        {
            errors.Add(Format($"unknown cable category {(int)Cable}; expected cat3, cat5, cat5e, cat6 or cat6a"));
        }

        if (double.IsNaN(CableMeters) || double.IsInfinity(CableMeters))
        {
            errors.Add("cable length must be a finite number of metres");
        }
        else if (CableMeters < 0)
        {
            errors.Add(Format($"cable length {CableMeters} m is negative"));
        }
        else if (CableMeters > PoeMath.MaxModelledCableMeters)
        {
            errors.Add(Format(
                $"cable length {CableMeters} m exceeds the {PoeMath.MaxModelledCableMeters} m the model covers (802.3 specifies 100 m)"));
        }

        if (PseVolts is { } volts && standardOk && classOk)
        {
            var range = PoeMath.PseVoltageRange(Standard, PseClass);
            if (!(volts >= range.Min && volts <= range.Max))
            {
                var what = Standard == PoeStandard.Bt && PseClass >= 7
                    ? Format($"an 802.3bt class-{PseClass} PSE")
                    : Format($"an {Standard.ToWireString()} PSE");
                errors.Add(Format($"PSE voltage {volts} V is outside the {range.Min}–{range.Max} V range of {what}"));
            }
        }

        return errors;
    }
}

/// <summary>
/// A non-standard injector that puts <paramref name="Volts"/> on the cable with no detection or
/// classification (e.g. a 24 V passive injector).
/// </summary>
public sealed record PassiveSource(double Volts) : PowerSource
{
    public override IReadOnlyList<string> Validate() =>
        Volts > 0 && !double.IsInfinity(Volts)
            ? []
            : [Format($"passive injector voltage must be a positive number of volts (got {Volts})")];
}

/// <summary>A DC adapter of <paramref name="Volts"/> able to supply <paramref name="Amps"/>.</summary>
public sealed record DcSource(double Volts, double Amps = 2) : PowerSource
{
    public override IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!(Volts > 0) || double.IsInfinity(Volts))
        {
            errors.Add(Format($"DC adapter voltage must be a positive number of volts (got {Volts})"));
        }

        if (!(Amps > 0) || double.IsInfinity(Amps))
        {
            errors.Add(Format($"DC adapter current must be a positive number of amps (got {Amps})"));
        }

        return errors;
    }
}
