using System.Text.Json.Serialization;

namespace AxisEmulator.Contracts;

/// <summary>What a timeline entry is about. Known values are static members; any wire text converts implicitly.</summary>
[JsonConverter(typeof(WireValueConverter<TimelineKind>))]
public readonly record struct TimelineKind(string Value) : IWireValue<TimelineKind>
{
    public static TimelineKind Power { get; } = new("power");

    public static TimelineKind Button { get; } = new("button");

    public static TimelineKind Led { get; } = new("led");

    public static TimelineKind Phase { get; } = new("phase");

    public static TimelineKind Http { get; } = new("http");

    public static TimelineKind Fault { get; } = new("fault");

    public static TimelineKind Config { get; } = new("config");

    public static TimelineKind Boot { get; } = new("boot");

    public static TimelineKind Network { get; } = new("network");

    /// <summary>Every value the emulator writes and accepts, in its order.</summary>
    public static IReadOnlyList<TimelineKind> Known { get; } = [Power, Button, Led, Phase, Http, Fault, Config, Boot, Network];

    public static implicit operator TimelineKind(string value) => new(WireText.Check(value, nameof(value)));

    public static TimelineKind FromWire(string value) => new(value);

    /// <summary>True for a value of <see cref="Known"/> (a newer emulator may send others).</summary>
    public bool IsKnown => Known.Contains(this);

    public bool Equals(TimelineKind other) => WireText.Equal(Value, other.Value);

    public override int GetHashCode() => WireText.Hash(Value);

    public override string ToString() => Value ?? "";
}
