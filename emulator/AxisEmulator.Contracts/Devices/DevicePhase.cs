using System.Text.Json.Serialization;

namespace AxisEmulator.Contracts;

/// <summary>Where a device is in its life, from power-up to ready. Known values are static members; any wire text converts implicitly.</summary>
[JsonConverter(typeof(WireValueConverter<DevicePhase>))]
public readonly record struct DevicePhase(string Value) : IWireValue<DevicePhase>
{
    public static DevicePhase Off { get; } = new("off");

    public static DevicePhase Bootloader { get; } = new("bootloader");

    /// <summary>The boot loader sees the button held; the reset window is not open yet.</summary>
    public static DevicePhase ResetHold { get; } = new("reset-hold");

    /// <summary>The reset window is open: the status LED flashes amber, a release now resets.</summary>
    public static DevicePhase ResetArmed { get; } = new("reset-armed");

    public static DevicePhase FactoryResetting { get; } = new("factory-resetting");

    public static DevicePhase Booting { get; } = new("booting");

    /// <summary>The HTTP listener is open; systemready says no.</summary>
    public static DevicePhase NetworkUp { get; } = new("network-up");

    /// <summary>systemready says yes.</summary>
    public static DevicePhase Ready { get; } = new("ready");

    public static DevicePhase ShuttingDown { get; } = new("shutting-down");

    public static DevicePhase Upgrading { get; } = new("upgrading");

    public static DevicePhase Bricked { get; } = new("bricked");

    /// <summary>Power was cut (overload or undervoltage); the PSE retries later.</summary>
    public static DevicePhase Brownout { get; } = new("brownout");

    /// <summary>Every value the emulator writes and accepts, in its order.</summary>
    public static IReadOnlyList<DevicePhase> Known { get; } = [Off, Bootloader, ResetHold, ResetArmed, FactoryResetting, Booting, NetworkUp, Ready, ShuttingDown, Upgrading, Bricked, Brownout];

    public static implicit operator DevicePhase(string value) => new(WireText.Check(value, nameof(value)));

    public static DevicePhase FromWire(string value) => new(value);

    /// <summary>True for a value of <see cref="Known"/> (a newer emulator may send others).</summary>
    public bool IsKnown => Known.Contains(this);

    public bool Equals(DevicePhase other) => WireText.Equal(Value, other.Value);

    public override int GetHashCode() => WireText.Hash(Value);

    public override string ToString() => Value ?? "";
}
