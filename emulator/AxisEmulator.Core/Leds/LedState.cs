using System.Globalization;

namespace AxisEmulator.Core.Leds;

public enum LedColor
{
    Off,
    Green,
    Amber,
    Red,
}

public enum LedPattern
{
    Off,
    Steady,
    Flashing,
    Alternating,
}

public enum LedName
{
    Status,
    Power,
    Network,
}

/// <summary>
/// What an LED shows: a state with a rate, not a stream of on/off events, so a flashing LED costs
/// nothing while the simulation is idle.
/// </summary>
public readonly record struct LedState(LedColor Color, LedPattern Pattern, double Hz = 0, LedColor AlternateColor = LedColor.Off)
{
    public static readonly LedState Off = new(LedColor.Off, LedPattern.Off);

    public static LedState Steady(LedColor color) => new(color, LedPattern.Steady);

    public static LedState Flashing(LedColor color, double hz) => new(color, LedPattern.Flashing, hz);

    public static LedState Alternating(LedColor color, LedColor alternate, double hz) => new(color, LedPattern.Alternating, hz, alternate);

    public bool IsLit => Pattern != LedPattern.Off;

    /// <summary>"off", "steady green", "flashing amber @1 Hz", "alternating amber/red @2 Hz".</summary>
    public override string ToString() => Pattern switch
    {
        LedPattern.Off => "off",
        LedPattern.Steady => $"steady {Name(Color)}",
        LedPattern.Flashing => string.Create(CultureInfo.InvariantCulture, $"flashing {Name(Color)} @{Hz:0.##} Hz"),
        _ => string.Create(CultureInfo.InvariantCulture, $"alternating {Name(Color)}/{Name(AlternateColor)} @{Hz:0.##} Hz"),
    };

    private static string Name(LedColor color) => color.ToString().ToLowerInvariant();
}
