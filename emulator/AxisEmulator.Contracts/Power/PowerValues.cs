using System.Text.Json.Serialization;

namespace AxisEmulator.Contracts;

/// <summary>The state of a device's power rail. Known values are static members; any wire text converts implicitly.</summary>
[JsonConverter(typeof(WireValueConverter<PowerStatus>))]
public readonly record struct PowerStatus(string Value) : IWireValue<PowerStatus>
{
    public static PowerStatus Ok { get; } = new("ok");

    /// <summary>Running with heater/IR limited on a lower PoE class.</summary>
    public static PowerStatus Degraded { get; } = new("degraded");

    public static PowerStatus Overload { get; } = new("overload");

    public static PowerStatus Undervoltage { get; } = new("undervoltage");

    public static PowerStatus NoPower { get; } = new("no-power");

    /// <summary>Every value the emulator writes and accepts, in its order.</summary>
    public static IReadOnlyList<PowerStatus> Known { get; } = [Ok, Degraded, Overload, Undervoltage, NoPower];

    public static implicit operator PowerStatus(string value) => new(WireText.Check(value, nameof(value)));

    public static PowerStatus FromWire(string value) => new(value);

    /// <summary>True for a value of <see cref="Known"/> (a newer emulator may send others).</summary>
    public bool IsKnown => Known.Contains(this);

    public bool Equals(PowerStatus other) => WireText.Equal(Value, other.Value);

    public override int GetHashCode() => WireText.Hash(Value);

    public override string ToString() => Value ?? "";
}

/// <summary>What feeds a device. Known values are static members; any wire text converts implicitly.</summary>
[JsonConverter(typeof(WireValueConverter<PowerSourceKind>))]
public readonly record struct PowerSourceKind(string Value) : IWireValue<PowerSourceKind>
{
    /// <summary>An 802.3 PSE.</summary>
    public static PowerSourceKind Poe { get; } = new("poe");

    /// <summary>A non-standard injector.</summary>
    public static PowerSourceKind Passive { get; } = new("passive");

    /// <summary>An adapter.</summary>
    public static PowerSourceKind Dc { get; } = new("dc");

    /// <summary>Every value the emulator writes and accepts, in its order.</summary>
    public static IReadOnlyList<PowerSourceKind> Known { get; } = [Poe, Passive, Dc];

    public static implicit operator PowerSourceKind(string value) => new(WireText.Check(value, nameof(value)));

    public static PowerSourceKind FromWire(string value) => new(value);

    /// <summary>True for a value of <see cref="Known"/> (a newer emulator may send others).</summary>
    public bool IsKnown => Known.Contains(this);

    public bool Equals(PowerSourceKind other) => WireText.Equal(Value, other.Value);

    public override int GetHashCode() => WireText.Hash(Value);

    public override string ToString() => Value ?? "";
}
