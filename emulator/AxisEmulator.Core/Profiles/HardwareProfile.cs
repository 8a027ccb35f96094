namespace AxisEmulator.Core.Profiles;

/// <summary>
/// Everything the emulator knows about one camera model on one AXIS OS version: a validated,
/// immutable view of a YAML file in <c>hardware-profiles/</c> after its base has been merged in.
/// Values marked as estimates in the YAML are listed in <see cref="Estimates"/>.
/// </summary>
public sealed record HardwareProfile
{
    private readonly HardwareSpec? _hardware;

    /// <summary>Profile id, the file name without extension (e.g. <c>P3245-LVE</c>, <c>P3245-LVE-10.12</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Product number as the device reports it (e.g. <c>P3245-LVE</c>).</summary>
    public required string Model { get; init; }

    /// <summary>Family for humans and the dashboard (e.g. <c>P32 fixed dome</c>).</summary>
    public required string Family { get; init; }

    public required FormFactor FormFactor { get; init; }

    /// <summary>Full product name (e.g. <c>AXIS P3245-LVE Network Camera</c>).</summary>
    public required string ProductFullName { get; init; }

    /// <summary>Product type (e.g. <c>Network Camera</c>, <c>Radar</c>).</summary>
    public required string ProductType { get; init; }

    /// <summary>Product variant as the device reports it (<c>ProdVariant</c>, e.g. <c>22mm</c>); often empty.</summary>
    public string ProductVariant { get; init; } = "";

    /// <summary>False for radar, siren, air-quality sensor: no Image/video groups or APIs.</summary>
    public bool HasVideo { get; init; } = true;

    public required FirmwareSpec Firmware { get; init; }

    public required IdentitySpec Identity { get; init; }

    public required PowerSpec Power { get; init; }

    public required ResetSpec Reset { get; init; }

    public required BootSpec Boot { get; init; }

    /// <summary>LEDs besides the status LED, and blink rates; the defaults when a file leaves <c>leds</c> out.</summary>
    public LedSpec Leds { get; init; } = new();

    public IoSpec Io { get; init; } = new();

    /// <summary>
    /// Sensors, PTZ, audio, lights and storage: what the parameter tree and the APIs describe. A profile
    /// built in code without one gets the hardware its video and form factor imply (<see cref="HardwareDefaults"/>).
    /// </summary>
    public HardwareSpec Hardware
    {
        get => _hardware ?? HardwareDefaults.For(HasVideo, FormFactor);
        init => _hardware = value;
    }

    /// <summary>Dotted keys of values that are estimates, not sourced facts (e.g. <c>power.loads</c>).</summary>
    public IReadOnlyList<string> Estimates { get; init; } = [];

    /// <summary>Where the profile came from (file path), for error messages and <c>profiles show</c>.</summary>
    public string? SourceFile { get; init; }
}

public enum FormFactor
{
    MiniDome,
    Dome,
    Bullet,
    Box,
    Ptz,
    Modular,
    Encoder,
    DoorStation,
    Multisensor,
    Thermal,
    Cube,
    Radar,
    Siren,
    Sensor,
}

/// <summary>The AXIS OS behaviour family a device follows (VAPIX answers, first-admin rules, addressing).</summary>
public enum FirmwarePersonality
{
    /// <summary>AXIS OS 10.12 LTS (and older 9.x/10.x): root must be the first admin; systemready 1.2.</summary>
    Os10,

    /// <summary>AXIS OS 11.11 LTS: custom first admin; systemready 1.4; 192.168.0.90 fallback.</summary>
    Os11,

    /// <summary>AXIS OS 12.x: link-local only fallback; systemready 1.5.</summary>
    Os12,
}

public sealed record FirmwareSpec
{
    /// <summary>Full version string (e.g. <c>11.11.192</c>).</summary>
    public required string Version { get; init; }

    public required FirmwarePersonality Personality { get; init; }

    /// <summary>Single-bank flash: a power cut during an upgrade bricks the unit (dual-bank rolls back).</summary>
    public bool SingleBank { get; init; }

    /// <summary>Seconds to write an uploaded image to flash before the upgrade reboot.</summary>
    public double UpgradeFlashSeconds { get; init; } = 60;

    /// <summary>Build date string reported by the device.</summary>
    public string BuildDate { get; init; } = "";

    public string Architecture { get; init; } = "aarch64";

    public string Soc { get; init; } = "";

    public string HardwareId { get; init; } = "";
}

public sealed record IdentitySpec
{
    /// <summary>Axis OUI the serial (= MAC) starts with, 6 hex digits (e.g. <c>B8A44F</c>).</summary>
    public required string SerialOui { get; init; }
}

public sealed record PowerSpec
{
    /// <summary>PoE class the PD signals at classification (0–8); null when the unit has no PoE input.</summary>
    public int? PoeClass { get; init; }

    /// <summary>Runs with heater/IR limited and a power warning when the PSE grants a lower class.</summary>
    public bool CanRunDegraded { get; init; }

    /// <summary>DC input range in volts; null when the unit has no DC input.</summary>
    public VoltageRange? Dc { get; init; }

    public required PhaseLoads Loads { get; init; }

    /// <summary>Seconds the PSE waits before re-detecting after it cut power (boot-loop pace).</summary>
    public double PseRetrySeconds { get; init; } = 5;
}

public sealed record VoltageRange(double Min, double Max);

/// <summary>Watts drawn in each boot phase.</summary>
public sealed record PhaseLoads
{
    public required double BootLoader { get; init; }

    public required double Kernel { get; init; }

    public required double Running { get; init; }

    /// <summary>Peak once running (IR, heater, PTZ homing) — what the PSE must sustain at full function.</summary>
    public required double Peak { get; init; }

    /// <summary>Load when running degraded (heater/IR limited); defaults to <see cref="Running"/>.</summary>
    public double? Degraded { get; init; }
}

public enum LateReleaseBehavior
{
    /// <summary>Lenient: a release after the window still resets.</summary>
    Reset,

    /// <summary>Strict: the boot loader gave up; a late release boots normally.</summary>
    Abort,
}

public sealed record ResetSpec
{
    /// <summary>Seconds after power-on the button must be held before the reset is armed (amber flashing).</summary>
    public required double HoldMinSeconds { get; init; }

    /// <summary>Seconds after power-on after which the window closes.</summary>
    public required double HoldMaxSeconds { get; init; }

    public required LateReleaseBehavior LateRelease { get; init; }

    /// <summary>Seconds the unit spends restoring defaults after a release inside the window.</summary>
    public double FactoryResetSeconds { get; init; } = 20;

    /// <summary>Firmware debounce window for the control button.</summary>
    public double DebounceMilliseconds { get; init; } = 50;
}

public sealed record BootSpec
{
    /// <summary>Seconds in the boot loader before the kernel starts (the button is sampled here).</summary>
    public required double BootLoaderSeconds { get; init; }

    /// <summary>Seconds from power-on (the boot loader starting) to the HTTP listener opening (network-up); after a factory reset the kernel restarts this count less the boot loader's share.</summary>
    public required double NetworkUpSeconds { get; init; }

    /// <summary>Seconds from power-on to <c>systemready: yes</c>, counted like <see cref="NetworkUpSeconds"/>.</summary>
    public required double ReadySeconds { get; init; }

    /// <summary>Seconds a soft restart spends shutting down.</summary>
    public double ShutdownSeconds { get; init; } = 5;

    /// <summary>Seconds the status LED stays green after ready before going unlit.</summary>
    public double GreenAfterReadySeconds { get; init; } = 10;
}

public sealed record LedSpec
{
    public bool Power { get; init; }

    public bool Network { get; init; }

    /// <summary>Flash rate for "flashing" patterns, Hz.</summary>
    public double FlashHz { get; init; } = 1;

    /// <summary>Rate for "alternating" patterns, Hz.</summary>
    public double AlternateHz { get; init; } = 2;
}

public sealed record IoSpec
{
    public int Inputs { get; init; }

    public int Outputs { get; init; }
}
