using System.Text.Json.Serialization;

namespace AxisEmulator.Contracts;

/// <summary>The control button's contact. Known values are static members; any wire text converts implicitly.</summary>
[JsonConverter(typeof(WireValueConverter<ButtonCondition>))]
public readonly record struct ButtonCondition(string Value) : IWireValue<ButtonCondition>
{
    public static ButtonCondition Healthy { get; } = new("healthy");

    /// <summary>No tactile click: the contact drops out at random while held.</summary>
    public static ButtonCondition Mushy { get; } = new("mushy");

    /// <summary>Always closed.</summary>
    public static ButtonCondition Stuck { get; } = new("stuck");

    /// <summary>Never closes.</summary>
    public static ButtonCondition Broken { get; } = new("broken");

    /// <summary>Every value the emulator writes and accepts, in its order.</summary>
    public static IReadOnlyList<ButtonCondition> Known { get; } = [Healthy, Mushy, Stuck, Broken];

    public static implicit operator ButtonCondition(string value) => new(WireText.Check(value, nameof(value)));

    public static ButtonCondition FromWire(string value) => new(value);

    /// <summary>True for a value of <see cref="Known"/> (a newer emulator may send others).</summary>
    public bool IsKnown => Known.Contains(this);

    public bool Equals(ButtonCondition other) => WireText.Equal(Value, other.Value);

    public override int GetHashCode() => WireText.Hash(Value);

    public override string ToString() => Value ?? "";
}

/// <summary>What a <c>POST …/button</c> does. Known values are static members; any wire text converts implicitly.</summary>
[JsonConverter(typeof(WireValueConverter<ButtonAction>))]
public readonly record struct ButtonAction(string Value) : IWireValue<ButtonAction>
{
    /// <summary>Press and keep holding.</summary>
    public static ButtonAction Press { get; } = new("press");

    public static ButtonAction Release { get; } = new("release");

    /// <summary>Press now, release after a number of seconds of simulated time.</summary>
    public static ButtonAction Hold { get; } = new("hold");

    /// <summary>Every value the emulator writes and accepts, in its order.</summary>
    public static IReadOnlyList<ButtonAction> Known { get; } = [Press, Release, Hold];

    public static implicit operator ButtonAction(string value) => new(WireText.Check(value, nameof(value)));

    public static ButtonAction FromWire(string value) => new(value);

    /// <summary>True for a value of <see cref="Known"/> (a newer emulator may send others).</summary>
    public bool IsKnown => Known.Contains(this);

    public bool Equals(ButtonAction other) => WireText.Equal(Value, other.Value);

    public override int GetHashCode() => WireText.Hash(Value);

    public override string ToString() => Value ?? "";
}
