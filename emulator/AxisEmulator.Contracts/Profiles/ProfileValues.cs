using System.Text.Json.Serialization;

namespace AxisEmulator.Contracts;

/// <summary>A camera's housing. Known values are static members; any wire text converts implicitly.</summary>
[JsonConverter(typeof(WireValueConverter<FormFactor>))]
public readonly record struct FormFactor(string Value) : IWireValue<FormFactor>
{
    public static FormFactor MiniDome { get; } = new("mini-dome");

    public static FormFactor Dome { get; } = new("dome");

    public static FormFactor Bullet { get; } = new("bullet");

    public static FormFactor Box { get; } = new("box");

    public static FormFactor Ptz { get; } = new("ptz");

    public static FormFactor Modular { get; } = new("modular");

    public static FormFactor Encoder { get; } = new("encoder");

    public static FormFactor DoorStation { get; } = new("door-station");

    public static FormFactor Multisensor { get; } = new("multisensor");

    public static FormFactor Thermal { get; } = new("thermal");

    public static FormFactor Cube { get; } = new("cube");

    public static FormFactor Radar { get; } = new("radar");

    public static FormFactor Siren { get; } = new("siren");

    public static FormFactor Sensor { get; } = new("sensor");

    /// <summary>Every value the emulator writes and accepts, in its order.</summary>
    public static IReadOnlyList<FormFactor> Known { get; } = [MiniDome, Dome, Bullet, Box, Ptz, Modular, Encoder, DoorStation, Multisensor, Thermal, Cube, Radar, Siren, Sensor];

    public static implicit operator FormFactor(string value) => new(WireText.Check(value, nameof(value)));

    public static FormFactor FromWire(string value) => new(value);

    /// <summary>True for a value of <see cref="Known"/> (a newer emulator may send others).</summary>
    public bool IsKnown => Known.Contains(this);

    public bool Equals(FormFactor other) => WireText.Equal(Value, other.Value);

    public override int GetHashCode() => WireText.Hash(Value);

    public override string ToString() => Value ?? "";
}

/// <summary>Which AXIS OS generation a profile behaves like. Known values are static members; any wire text converts implicitly.</summary>
[JsonConverter(typeof(WireValueConverter<FirmwarePersonality>))]
public readonly record struct FirmwarePersonality(string Value) : IWireValue<FirmwarePersonality>
{
    public static FirmwarePersonality Os10 { get; } = new("os10");

    public static FirmwarePersonality Os11 { get; } = new("os11");

    public static FirmwarePersonality Os12 { get; } = new("os12");

    /// <summary>Every value the emulator writes and accepts, in its order.</summary>
    public static IReadOnlyList<FirmwarePersonality> Known { get; } = [Os10, Os11, Os12];

    public static implicit operator FirmwarePersonality(string value) => new(WireText.Check(value, nameof(value)));

    public static FirmwarePersonality FromWire(string value) => new(value);

    /// <summary>True for a value of <see cref="Known"/> (a newer emulator may send others).</summary>
    public bool IsKnown => Known.Contains(this);

    public bool Equals(FirmwarePersonality other) => WireText.Equal(Value, other.Value);

    public override int GetHashCode() => WireText.Hash(Value);

    public override string ToString() => Value ?? "";
}

/// <summary>What a release after the reset window does. Known values are static members; any wire text converts implicitly.</summary>
[JsonConverter(typeof(WireValueConverter<LateReleaseBehavior>))]
public readonly record struct LateReleaseBehavior(string Value) : IWireValue<LateReleaseBehavior>
{
    /// <summary>Lenient: resets anyway.</summary>
    public static LateReleaseBehavior Reset { get; } = new("reset");

    /// <summary>Strict: the boot loader gave up; a normal boot.</summary>
    public static LateReleaseBehavior Abort { get; } = new("abort");

    /// <summary>Every value the emulator writes and accepts, in its order.</summary>
    public static IReadOnlyList<LateReleaseBehavior> Known { get; } = [Reset, Abort];

    public static implicit operator LateReleaseBehavior(string value) => new(WireText.Check(value, nameof(value)));

    public static LateReleaseBehavior FromWire(string value) => new(value);

    /// <summary>True for a value of <see cref="Known"/> (a newer emulator may send others).</summary>
    public bool IsKnown => Known.Contains(this);

    public bool Equals(LateReleaseBehavior other) => WireText.Equal(Value, other.Value);

    public override int GetHashCode() => WireText.Hash(Value);

    public override string ToString() => Value ?? "";
}
