using System.Text.Json.Serialization;

namespace AxisEmulator.Contracts;

/// <summary>How simulated time relates to wall time. Known values are static members; any wire text converts implicitly.</summary>
[JsonConverter(typeof(WireValueConverter<ClockMode>))]
public readonly record struct ClockMode(string Value) : IWireValue<ClockMode>
{
    public static ClockMode Realtime { get; } = new("realtime");

    /// <summary>N times faster than wall time.</summary>
    public static ClockMode Scaled { get; } = new("scaled");

    /// <summary>Time moves only when advanced.</summary>
    public static ClockMode Manual { get; } = new("manual");

    /// <summary>Every value the emulator writes and accepts, in its order.</summary>
    public static IReadOnlyList<ClockMode> Known { get; } = [Realtime, Scaled, Manual];

    public static implicit operator ClockMode(string value) => new(WireText.Check(value, nameof(value)));

    public static ClockMode FromWire(string value) => new(value);

    /// <summary>True for a value of <see cref="Known"/> (a newer emulator may send others).</summary>
    public bool IsKnown => Known.Contains(this);

    public bool Equals(ClockMode other) => WireText.Equal(Value, other.Value);

    public override int GetHashCode() => WireText.Hash(Value);

    public override string ToString() => Value ?? "";
}
