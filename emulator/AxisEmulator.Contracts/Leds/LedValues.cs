using System.Text.Json.Serialization;

namespace AxisEmulator.Contracts;

/// <summary>The color an LED shows. Known values are static members; any wire text converts implicitly.</summary>
[JsonConverter(typeof(WireValueConverter<LedColor>))]
public readonly record struct LedColor(string Value) : IWireValue<LedColor>
{
    public static LedColor Off { get; } = new("off");

    public static LedColor Green { get; } = new("green");

    public static LedColor Amber { get; } = new("amber");

    public static LedColor Red { get; } = new("red");

    /// <summary>Every value the emulator writes and accepts, in its order.</summary>
    public static IReadOnlyList<LedColor> Known { get; } = [Off, Green, Amber, Red];

    public static implicit operator LedColor(string value) => new(WireText.Check(value, nameof(value)));

    public static LedColor FromWire(string value) => new(value);

    /// <summary>True for a value of <see cref="Known"/> (a newer emulator may send others).</summary>
    public bool IsKnown => Known.Contains(this);

    public bool Equals(LedColor other) => WireText.Equal(Value, other.Value);

    public override int GetHashCode() => WireText.Hash(Value);

    public override string ToString() => Value ?? "";
}

/// <summary>How an LED shows its color. Known values are static members; any wire text converts implicitly.</summary>
[JsonConverter(typeof(WireValueConverter<LedPattern>))]
public readonly record struct LedPattern(string Value) : IWireValue<LedPattern>
{
    public static LedPattern Off { get; } = new("off");

    public static LedPattern Steady { get; } = new("steady");

    public static LedPattern Flashing { get; } = new("flashing");

    /// <summary>Two colors in turn (see LedState.AlternateColor).</summary>
    public static LedPattern Alternating { get; } = new("alternating");

    /// <summary>Every value the emulator writes and accepts, in its order.</summary>
    public static IReadOnlyList<LedPattern> Known { get; } = [Off, Steady, Flashing, Alternating];

    public static implicit operator LedPattern(string value) => new(WireText.Check(value, nameof(value)));

    public static LedPattern FromWire(string value) => new(value);

    /// <summary>True for a value of <see cref="Known"/> (a newer emulator may send others).</summary>
    public bool IsKnown => Known.Contains(this);

    public bool Equals(LedPattern other) => WireText.Equal(Value, other.Value);

    public override int GetHashCode() => WireText.Hash(Value);

    public override string ToString() => Value ?? "";
}
