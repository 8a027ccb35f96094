using System.Globalization;

namespace AxisEmulator.Core.Yaml;

/// <summary>
/// The values a number field accepts, and how a message says so. The unit follows the upper bound
/// when there is one ("between 0 and 250 m, got -1"), else the value ("must not be negative, got -4 W").
/// </summary>
public sealed record NumberRange
{
    private enum Wording
    {
        Between,
        AtLeastAtMost,
    }

    private readonly Wording _wording;

    private NumberRange(double min, double max, bool exclusiveMin, string unit, Wording wording)
    {
        Min = min;
        Max = max;
        ExclusiveMin = exclusiveMin;
        Unit = unit;
        _wording = wording;
    }

    /// <summary>Every finite number.</summary>
    public static NumberRange Any { get; } = new(double.NegativeInfinity, double.PositiveInfinity, false, "", Wording.Between);

    public double Min { get; }

    public double Max { get; }

    /// <summary>The value must be greater than <see cref="Min"/>, not equal to it.</summary>
    public bool ExclusiveMin { get; }

    /// <summary>For messages (<c>W</c>, <c>s</c>, <c>m</c>…); empty when none.</summary>
    public string Unit { get; }

    /// <summary>"between 1 and 256 m".</summary>
    public static NumberRange Between(double min, double max, string unit = "") => new(min, max, false, unit, Wording.Between);

    /// <summary>"at least 0 and at most 1": the same range as <see cref="Between"/>, worded to stress that both ends are allowed.</summary>
    public static NumberRange AtLeastAtMost(double min, double max, string unit = "") => new(min, max, false, unit, Wording.AtLeastAtMost);

    /// <summary>"greater than 0" or "greater than 0 and at most 100 V".</summary>
    public static NumberRange GreaterThan(double min, double max = double.PositiveInfinity, string unit = "") => new(min, max, true, unit, Wording.Between);

    /// <summary>"at least 5", or "must not be negative" for 0.</summary>
    public static NumberRange AtLeast(double min, string unit = "") => new(min, double.PositiveInfinity, false, unit, Wording.Between);

    public bool Contains(double value) => (ExclusiveMin ? value > Min : value >= Min) && value <= Max;

    /// <summary>What is wrong with <paramref name="written"/> (outside the range): "must be between 0 and 8, got 12".</summary>
    public string Problem(string written)
    {
        var hasMax = !double.IsPositiveInfinity(Max);
        var unit = Unit.Length == 0 ? "" : " " + Unit;
        var got = hasMax ? $", got {written}" : $", got {written}{unit}";
        if (double.IsNegativeInfinity(Min))
        {
            return $"must be at most {Format(Max)}{unit}{got}";
        }

        if (!hasMax)
        {
            return ExclusiveMin ? $"must be greater than {Format(Min)}{got}"
                : Min == 0 ? $"must not be negative{got}"
                : $"must be at least {Format(Min)}{got}";
        }

        var lower = ExclusiveMin ? $"greater than {Format(Min)} and at most"
            : _wording == Wording.AtLeastAtMost ? $"at least {Format(Min)} and at most"
            : $"between {Format(Min)} and";
        return $"must be {lower} {Format(Max)}{unit}{got}";
    }

    /// <summary>A bound or value for messages: at most three decimals, no trailing zeros.</summary>
    public static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
