using System.Globalization;

namespace AxisEmulator.Core.Chaos;

/// <summary>
/// What a seeded chaos run does to a fleet. Rates are for the whole fleet the plan covers (events
/// per simulated hour, spread uniformly at random over its devices); fractions are of its devices.
/// The same options and the same ordered device ids always give the same <see cref="ChaosPlan"/>.
/// </summary>
public sealed record ChaosOptions
{
    /// <summary>Most events per hour one kind may ask for (fleet-wide).</summary>
    public const double MaxPerHour = 100_000;

    /// <summary>Longest plan: 30 simulated days.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(30);

    /// <summary>Most actions a plan may expect to hold (rates × duration), to keep plans printable.</summary>
    public const double MaxExpectedActions = 1_000_000;

    /// <summary>Longest network loss, simulated seconds (a day).</summary>
    public const double MaxNetworkLossSeconds = 86_400;

    /// <summary>Seed of every choice of the plan: when, which device, how long.</summary>
    public int Seed { get; init; }

    /// <summary>Short power cuts (the power comes back after 1–5 s), per hour across the fleet.</summary>
    public double BrownoutsPerHour { get; init; }

    /// <summary>Soft reboots (as restart.cgi), per hour across the fleet.</summary>
    public double RebootsPerHour { get; init; }

    /// <summary>Fraction (0–1) of the devices whose button turns mushy at some moment of the plan.</summary>
    public double MushyButtonFraction { get; init; }

    /// <summary>Fraction (0–1) of the devices that brick at some moment of the plan (and stay bricked).</summary>
    public double BrickedFraction { get; init; }

    /// <summary>Network link losses, per hour across the fleet; each lasts <see cref="NetworkLossSeconds"/>.</summary>
    public double NetworkLossesPerHour { get; init; }

    public double NetworkLossSeconds { get; init; } = 30;

    /// <summary>Simulated time the plan covers, from when it is scheduled.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Every problem, as "name must be …" sentences; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Rate(BrownoutsPerHour, "brownoutsPerHour");
        Rate(RebootsPerHour, "rebootsPerHour");
        Rate(NetworkLossesPerHour, "networkLossesPerHour");
        Fraction(MushyButtonFraction, "mushyButtonFraction");
        Fraction(BrickedFraction, "brickedFraction");
        if (!double.IsFinite(NetworkLossSeconds) || NetworkLossSeconds <= 0 || NetworkLossSeconds > MaxNetworkLossSeconds)
        {
            errors.Add(Invariant($"networkLossSeconds must be greater than 0 and at most {MaxNetworkLossSeconds} (got {NetworkLossSeconds})"));
        }

        if (Duration < TimeSpan.FromSeconds(1) || Duration > MaxDuration)
        {
            errors.Add($"duration must be at least 1s and at most {ChaosDuration.Format(MaxDuration)} (got {ChaosDuration.Format(Duration)})");
        }
        else if (errors.Count == 0)
        {
            var expected = (BrownoutsPerHour + RebootsPerHour + NetworkLossesPerHour) * Duration.TotalHours;
            if (expected > MaxExpectedActions)
            {
                errors.Add(Invariant($"the rates over {ChaosDuration.Format(Duration)} ask for about {expected:0} actions; at most {MaxExpectedActions} are allowed: lower the rates or the duration"));
            }
        }

        return errors;

        void Rate(double value, string name)
        {
            if (!double.IsFinite(value) || value < 0 || value > MaxPerHour)
            {
                errors.Add(Invariant($"{name} must be 0 or more and at most {MaxPerHour} (got {value})"));
            }
        }

        void Fraction(double value, string name)
        {
            if (!double.IsFinite(value) || value < 0 || value > 1)
            {
                errors.Add(Invariant($"{name} must be between 0 and 1 (got {value})"));
            }
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> with every <see cref="Validate"/> message.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid chaos options: " + string.Join("; ", errors));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Durations as people write them: <c>90s</c>, <c>30m</c>, <c>2h</c>, <c>1d</c>, <c>1.5h</c>, <c>500ms</c>.</summary>
public static class ChaosDuration
{
    /// <summary>Parses a number with a unit (ms, s, m, h, d); null with a reason when it cannot.</summary>
    public static TimeSpan? TryParse(string? text, out string? problem)
    {
        problem = null;
        var t = (text ?? "").Trim();
        var units = new (string Suffix, double Seconds)[] { ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400) };
        foreach (var (suffix, seconds) in units)
        {
            if (t.Length > suffix.Length && t.EndsWith(suffix, StringComparison.Ordinal)
                && !(suffix == "s" && t.EndsWith("ms", StringComparison.Ordinal))
                && double.TryParse(t[..^suffix.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                && double.IsFinite(value))
            {
                var total = value * seconds;
                if (total > TimeSpan.MaxValue.TotalSeconds / 2)
                {
                    break;
                }

                return TimeSpan.FromMilliseconds(Math.Round(total * 1000));
            }
        }

        problem = $"'{text}' is not a duration: write a number with a unit, e.g. 90s, 30m, 2h or 1d";
        return null;
    }

    /// <summary>Parses a duration; throws <see cref="FormatException"/> when it is not one.</summary>
    public static TimeSpan Parse(string text) => TryParse(text, out var problem) ?? throw new FormatException(problem);

    /// <summary>The shortest exact form: <c>2h</c>, <c>90m</c>, <c>45s</c>, <c>1.5s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration > TimeSpan.Zero && duration.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return (duration.Ticks / TimeSpan.TicksPerDay).ToString(CultureInfo.InvariantCulture) + "d";
        }

        if (duration > TimeSpan.Zero && duration.Ticks % TimeSpan.TicksPerHour == 0)
        {
            return (duration.Ticks / TimeSpan.TicksPerHour).ToString(CultureInfo.InvariantCulture) + "h";
        }

        if (duration > TimeSpan.Zero && duration.Ticks % TimeSpan.TicksPerMinute == 0)
        {
            return (duration.Ticks / TimeSpan.TicksPerMinute).ToString(CultureInfo.InvariantCulture) + "m";
        }

        return duration.TotalSeconds.ToString(CultureInfo.InvariantCulture) + "s";
    }
}
