using System.ComponentModel;
using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Control.Api;

/// <summary>A hardware profile: one camera model on one AXIS OS version.</summary>
public sealed record ProfileView(
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
    [property: Description("DC input range, volts; absent when the model has no DC input.")] VoltageRangeView? DcVolts,
    bool CanRunDegraded,
    ProfileLoads Loads,
    ResetWindow Reset,
    ProfileBoot Boot,
    ProfileLeds Leds,
    [property: Description("Dotted keys of values that are our estimates, not sourced facts.")] IReadOnlyList<string> Estimates);

public sealed record ProfileFirmware(string Version, FirmwarePersonality Personality, bool SingleBank);

public sealed record VoltageRangeView(double Min, double Max);

/// <summary>Watts drawn in each boot phase.</summary>
public sealed record ProfileLoads(double BootLoader, double Kernel, double Running, double Peak, double? Degraded);

/// <summary>The factory-reset hold window: release between holdMinSeconds and holdMaxSeconds after power-on.</summary>
public sealed record ResetWindow(double HoldMinSeconds, double HoldMaxSeconds, LateReleaseBehavior LateRelease, double FactoryResetSeconds, double DebounceMs);

public sealed record ProfileBoot(double BootLoaderSeconds, double NetworkUpSeconds, double ReadySeconds, double ShutdownSeconds, double GreenAfterReadySeconds);

public sealed record ProfileLeds(bool Power, bool Network, double FlashHz, double AlternateHz);
