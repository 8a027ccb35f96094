using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Serialization;

namespace AxisEmulator.Contracts;

/// <summary>The LEDs: the status LED on every model, power and network LEDs where the model has them.</summary>
public sealed record LedsState(LedState Status, LedState? Power, LedState? Network);

/// <summary>What one LED shows.</summary>
public sealed record LedState(
    LedColor Color,
    LedPattern Pattern,
    [property: Description("Flash or alternation rate (flashing and alternating patterns).")] double? Hz,
    [property: Description("The second color of an alternating pattern.")] LedColor? AlternateColor)
{
    [JsonIgnore]
    public bool IsOff => Pattern == LedPattern.Off || Color == LedColor.Off;

    /// <summary>True when the LED shows <paramref name="color"/> with <paramref name="pattern"/>.</summary>
    public bool Is(LedColor color, LedPattern pattern) => Color == color && Pattern == pattern;

    /// <summary>Flashing <paramref name="color"/>.</summary>
    public bool IsFlashing(LedColor color) => Is(color, LedPattern.Flashing);

    /// <summary>Steady <paramref name="color"/>.</summary>
    public bool IsSteady(LedColor color) => Is(color, LedPattern.Steady);

    /// <summary><c>off</c>, <c>steady green</c>, <c>flashing amber @4 Hz</c>, <c>alternating amber/red @2 Hz</c>.</summary>
    public override string ToString()
    {
        if (Pattern == LedPattern.Off)
        {
            return "off";
        }

        var rate = Hz is { } hz ? string.Create(CultureInfo.InvariantCulture, $" @{hz:0.##} Hz") : "";
        return Pattern == LedPattern.Alternating
            ? $"alternating {Color}/{AlternateColor}{rate}"
            : $"{Pattern} {Color}{rate}";
    }
}
