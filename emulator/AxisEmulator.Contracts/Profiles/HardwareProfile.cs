using System.ComponentModel;
using System.Text.Json.Serialization;

namespace AxisEmulator.Contracts;

/// <summary>A hardware profile: one camera model on one AXIS OS version (<c>GET /api/v1/profiles</c>).</summary>
public sealed record HardwareProfile(
    [property: Description("Profile id (the YAML file name), e.g. P3245-LVE-10.12.")] string Id,
    string Model,
    string Family,
    FormFactor FormFactor,
    string ProductFullName,
    string ProductType,
    string? ProductVariant,
    bool HasVideo,
    ProfileFirmware Firmware,
    [property: Description("PoE class the device signals (0–8); absent for DC-only models.")] int? PoeClass,
    [property: Description("DC input range, volts; absent when the model has no DC input.")] VoltageRange? DcVolts,
    bool CanRunDegraded,
    ProfileLoads Loads,
    ResetWindow Reset,
    ProfileBoot Boot,
    ProfileLeds Leds,
    [property: Description("Dotted keys of values that are our estimates, not sourced facts.")] IReadOnlyList<string> Estimates);

public sealed record ProfileFirmware(string Version, FirmwarePersonality Personality, bool SingleBank);

public sealed record VoltageRange(double Min, double Max);

/// <summary>Watts drawn in each boot phase.</summary>
public sealed record ProfileLoads(double BootLoader, double Kernel, double Running, double Peak, double? Degraded);

/// <summary>The factory-reset hold window: release between <see cref="HoldMinSeconds"/> and <see cref="HoldMaxSeconds"/> after power-on.</summary>
public sealed record ResetWindow(double HoldMinSeconds, double HoldMaxSeconds, LateReleaseBehavior LateRelease, double FactoryResetSeconds, double DebounceMs)
{
    /// <summary>The middle of the window: the safest hold.</summary>
    [JsonIgnore]
    public TimeSpan Middle => TimeSpan.FromSeconds((HoldMinSeconds + HoldMaxSeconds) / 2);
}

/// <summary>Boot timings, seconds from power-on.</summary>
public sealed record ProfileBoot(double BootLoaderSeconds, double NetworkUpSeconds, double ReadySeconds, double ShutdownSeconds, double GreenAfterReadySeconds);

public sealed record ProfileLeds(bool Power, bool Network, double FlashHz, double AlternateHz);
