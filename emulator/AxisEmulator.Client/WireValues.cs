namespace AxisEmulator.Client;

/// <summary>Where a device is in its life, from power-up to ready. Known values are static members; any wire text converts implicitly.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(WireValueConverter<DevicePhase>))]
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

    /// <summary>Every value this client knows, in the server's order.</summary>
    public static IReadOnlyList<DevicePhase> Known { get; } = [Off, Bootloader, ResetHold, ResetArmed, FactoryResetting, Booting, NetworkUp, Ready, ShuttingDown, Upgrading, Bricked, Brownout];

    public static implicit operator DevicePhase(string value) => new(WireText.Check(value, nameof(value)));

    public static DevicePhase FromWire(string value) => new(value);

    /// <summary>True for a value this client knows (a newer emulator may send others).</summary>
    public bool IsKnown => Known.Contains(this);

    public bool Equals(DevicePhase other) => WireText.Equal(Value, other.Value);

    public override int GetHashCode() => WireText.Hash(Value);

    public override string ToString() => Value ?? "";
}

/// <summary>The color an LED shows. Known values are static members; any wire text converts implicitly.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(WireValueConverter<LedColor>))]
public readonly record struct LedColor(string Value) : IWireValue<LedColor>
{
    public static LedColor Off { get; } = new("off");

    public static LedColor Green { get; } = new("green");

    public static LedColor Amber { get; } = new("amber");

    public static LedColor Red { get; } = new("red");

    /// <summary>Every value this client knows, in the server's order.</summary>
    public static IReadOnlyList<LedColor> Known { get; } = [Off, Green, Amber, Red];

    public static implicit operator LedColor(string value) => new(WireText.Check(value, nameof(value)));

    public static LedColor FromWire(string value) => new(value);

    /// <summary>True for a value this client knows (a newer emulator may send others).</summary>
    public bool IsKnown => Known.Contains(this);

    public bool Equals(LedColor other) => WireText.Equal(Value, other.Value);

    public override int GetHashCode() => WireText.Hash(Value);

    public override string ToString() => Value ?? "";
}

/// <summary>How an LED shows its color. Known values are static members; any wire text converts implicitly.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(WireValueConverter<LedPattern>))]
public readonly record struct LedPattern(string Value) : IWireValue<LedPattern>
{
    public static LedPattern Off { get; } = new("off");

    public static LedPattern Steady { get; } = new("steady");

    public static LedPattern Flashing { get; } = new("flashing");

    /// <summary>Two colors in turn (see LedState.AlternateColor).</summary>
    public static LedPattern Alternating { get; } = new("alternating");

    /// <summary>Every value this client knows, in the server's order.</summary>
    public static IReadOnlyList<LedPattern> Known { get; } = [Off, Steady, Flashing, Alternating];

    public static implicit operator LedPattern(string value) => new(WireText.Check(value, nameof(value)));

    public static LedPattern FromWire(string value) => new(value);

    /// <summary>True for a value this client knows (a newer emulator may send others).</summary>
    public bool IsKnown => Known.Contains(this);

    public bool Equals(LedPattern other) => WireText.Equal(Value, other.Value);

    public override int GetHashCode() => WireText.Hash(Value);

    public override string ToString() => Value ?? "";
}

/// <summary>The state of a device's power rail. Known values are static members; any wire text converts implicitly.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(WireValueConverter<PowerStatus>))]
public readonly record struct PowerStatus(string Value) : IWireValue<PowerStatus>
{
    public static PowerStatus Ok { get; } = new("ok");

    /// <summary>Running with heater/IR limited on a lower PoE class.</summary>
    public static PowerStatus Degraded { get; } = new("degraded");

    public static PowerStatus Overload { get; } = new("overload");

    public static PowerStatus Undervoltage { get; } = new("undervoltage");

    public static PowerStatus NoPower { get; } = new("no-power");

    /// <summary>Every value this client knows, in the server's order.</summary>
    public static IReadOnlyList<PowerStatus> Known { get; } = [Ok, Degraded, Overload, Undervoltage, NoPower];

    public static implicit operator PowerStatus(string value) => new(WireText.Check(value, nameof(value)));

    public static PowerStatus FromWire(string value) => new(value);

    /// <summary>True for a value this client knows (a newer emulator may send others).</summary>
    public bool IsKnown => Known.Contains(this);

    public bool Equals(PowerStatus other) => WireText.Equal(Value, other.Value);

    public override int GetHashCode() => WireText.Hash(Value);

    public override string ToString() => Value ?? "";
}

/// <summary>The control button's contact. Known values are static members; any wire text converts implicitly.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(WireValueConverter<ButtonCondition>))]
public readonly record struct ButtonCondition(string Value) : IWireValue<ButtonCondition>
{
    public static ButtonCondition Healthy { get; } = new("healthy");

    /// <summary>No tactile click: the contact drops out at random while held.</summary>
    public static ButtonCondition Mushy { get; } = new("mushy");

    /// <summary>Always closed.</summary>
    public static ButtonCondition Stuck { get; } = new("stuck");

    /// <summary>Never closes.</summary>
    public static ButtonCondition Broken { get; } = new("broken");

    /// <summary>Every value this client knows, in the server's order.</summary>
    public static IReadOnlyList<ButtonCondition> Known { get; } = [Healthy, Mushy, Stuck, Broken];

    public static implicit operator ButtonCondition(string value) => new(WireText.Check(value, nameof(value)));

    public static ButtonCondition FromWire(string value) => new(value);

    /// <summary>True for a value this client knows (a newer emulator may send others).</summary>
    public bool IsKnown => Known.Contains(this);

    public bool Equals(ButtonCondition other) => WireText.Equal(Value, other.Value);

    public override int GetHashCode() => WireText.Hash(Value);

    public override string ToString() => Value ?? "";
}

/// <summary>How a device gets its address. Known values are static members; any wire text converts implicitly.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(WireValueConverter<BootProtocol>))]
public readonly record struct BootProtocol(string Value) : IWireValue<BootProtocol>
{
    public static BootProtocol Dhcp { get; } = new("dhcp");

    /// <summary>A static address.</summary>
    public static BootProtocol None { get; } = new("none");

    /// <summary>Every value this client knows, in the server's order.</summary>
    public static IReadOnlyList<BootProtocol> Known { get; } = [Dhcp, None];

    public static implicit operator BootProtocol(string value) => new(WireText.Check(value, nameof(value)));

    public static BootProtocol FromWire(string value) => new(value);

    /// <summary>True for a value this client knows (a newer emulator may send others).</summary>
    public bool IsKnown => Known.Contains(this);

    public bool Equals(BootProtocol other) => WireText.Equal(Value, other.Value);

    public override int GetHashCode() => WireText.Hash(Value);

    public override string ToString() => Value ?? "";
}

/// <summary>What a timeline entry is about. Known values are static members; any wire text converts implicitly.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(WireValueConverter<TimelineKind>))]
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

    /// <summary>Every value this client knows, in the server's order.</summary>
    public static IReadOnlyList<TimelineKind> Known { get; } = [Power, Button, Led, Phase, Http, Fault, Config, Boot, Network];

    public static implicit operator TimelineKind(string value) => new(WireText.Check(value, nameof(value)));

    public static TimelineKind FromWire(string value) => new(value);

    /// <summary>True for a value this client knows (a newer emulator may send others).</summary>
    public bool IsKnown => Known.Contains(this);

    public bool Equals(TimelineKind other) => WireText.Equal(Value, other.Value);

    public override int GetHashCode() => WireText.Hash(Value);

    public override string ToString() => Value ?? "";
}

/// <summary>How simulated time relates to wall time. Known values are static members; any wire text converts implicitly.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(WireValueConverter<ClockMode>))]
public readonly record struct ClockMode(string Value) : IWireValue<ClockMode>
{
    public static ClockMode Realtime { get; } = new("realtime");

    /// <summary>N times faster than wall time.</summary>
    public static ClockMode Scaled { get; } = new("scaled");

    /// <summary>Time moves only when advanced.</summary>
    public static ClockMode Manual { get; } = new("manual");

    /// <summary>Every value this client knows, in the server's order.</summary>
    public static IReadOnlyList<ClockMode> Known { get; } = [Realtime, Scaled, Manual];

    public static implicit operator ClockMode(string value) => new(WireText.Check(value, nameof(value)));

    public static ClockMode FromWire(string value) => new(value);

    /// <summary>True for a value this client knows (a newer emulator may send others).</summary>
    public bool IsKnown => Known.Contains(this);

    public bool Equals(ClockMode other) => WireText.Equal(Value, other.Value);

    public override int GetHashCode() => WireText.Hash(Value);

    public override string ToString() => Value ?? "";
}

/// <summary>What feeds a device. Known values are static members; any wire text converts implicitly.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(WireValueConverter<PowerSourceKind>))]
public readonly record struct PowerSourceKind(string Value) : IWireValue<PowerSourceKind>
{
    /// <summary>An 802.3 PSE.</summary>
    public static PowerSourceKind Poe { get; } = new("poe");

    /// <summary>A non-standard injector.</summary>
    public static PowerSourceKind Passive { get; } = new("passive");

    /// <summary>An adapter.</summary>
    public static PowerSourceKind Dc { get; } = new("dc");

    /// <summary>Every value this client knows, in the server's order.</summary>
    public static IReadOnlyList<PowerSourceKind> Known { get; } = [Poe, Passive, Dc];

    public static implicit operator PowerSourceKind(string value) => new(WireText.Check(value, nameof(value)));

    public static PowerSourceKind FromWire(string value) => new(value);

    /// <summary>True for a value this client knows (a newer emulator may send others).</summary>
    public bool IsKnown => Known.Contains(this);

    public bool Equals(PowerSourceKind other) => WireText.Equal(Value, other.Value);

    public override int GetHashCode() => WireText.Hash(Value);

    public override string ToString() => Value ?? "";
}

/// <summary>A camera's housing. Known values are static members; any wire text converts implicitly.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(WireValueConverter<FormFactor>))]
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

    /// <summary>Every value this client knows, in the server's order.</summary>
    public static IReadOnlyList<FormFactor> Known { get; } = [MiniDome, Dome, Bullet, Box, Ptz, Modular, Encoder, DoorStation, Multisensor, Thermal, Cube, Radar, Siren, Sensor];

    public static implicit operator FormFactor(string value) => new(WireText.Check(value, nameof(value)));

    public static FormFactor FromWire(string value) => new(value);

    /// <summary>True for a value this client knows (a newer emulator may send others).</summary>
    public bool IsKnown => Known.Contains(this);

    public bool Equals(FormFactor other) => WireText.Equal(Value, other.Value);

    public override int GetHashCode() => WireText.Hash(Value);

    public override string ToString() => Value ?? "";
}

/// <summary>Which AXIS OS generation a profile behaves like. Known values are static members; any wire text converts implicitly.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(WireValueConverter<FirmwarePersonality>))]
public readonly record struct FirmwarePersonality(string Value) : IWireValue<FirmwarePersonality>
{
    public static FirmwarePersonality Os10 { get; } = new("os10");

    public static FirmwarePersonality Os11 { get; } = new("os11");

    public static FirmwarePersonality Os12 { get; } = new("os12");

    /// <summary>Every value this client knows, in the server's order.</summary>
    public static IReadOnlyList<FirmwarePersonality> Known { get; } = [Os10, Os11, Os12];

    public static implicit operator FirmwarePersonality(string value) => new(WireText.Check(value, nameof(value)));

    public static FirmwarePersonality FromWire(string value) => new(value);

    /// <summary>True for a value this client knows (a newer emulator may send others).</summary>
    public bool IsKnown => Known.Contains(this);

    public bool Equals(FirmwarePersonality other) => WireText.Equal(Value, other.Value);

    public override int GetHashCode() => WireText.Hash(Value);

    public override string ToString() => Value ?? "";
}

/// <summary>What a release after the reset window does. Known values are static members; any wire text converts implicitly.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(WireValueConverter<LateReleaseBehavior>))]
public readonly record struct LateReleaseBehavior(string Value) : IWireValue<LateReleaseBehavior>
{
    /// <summary>Lenient: resets anyway.</summary>
    public static LateReleaseBehavior Reset { get; } = new("reset");

    /// <summary>Strict: the boot loader gave up; a normal boot.</summary>
    public static LateReleaseBehavior Abort { get; } = new("abort");

    /// <summary>Every value this client knows, in the server's order.</summary>
    public static IReadOnlyList<LateReleaseBehavior> Known { get; } = [Reset, Abort];

    public static implicit operator LateReleaseBehavior(string value) => new(WireText.Check(value, nameof(value)));

    public static LateReleaseBehavior FromWire(string value) => new(value);

    /// <summary>True for a value this client knows (a newer emulator may send others).</summary>
    public bool IsKnown => Known.Contains(this);

    public bool Equals(LateReleaseBehavior other) => WireText.Equal(Value, other.Value);

    public override int GetHashCode() => WireText.Hash(Value);

    public override string ToString() => Value ?? "";
}
