using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Core.Tests.Support;

/// <summary>Profiles with round, known numbers so device tests don't move when the YAML is tuned.</summary>
public static class TestProfiles
{
    /// <summary>A class-3 dome: 15–30 s window (lenient), network at 30 s, ready at 55 s after kernel start.</summary>
    public static HardwareProfile Dome(LateReleaseBehavior late = LateReleaseBehavior.Reset) => new()
    {
        Id = "TEST-DOME",
        Model = "P3265-LVE",
        Family = "test dome",
        FormFactor = FormFactor.Dome,
        ProductFullName = "AXIS P3265-LVE Dome Camera",
        ProductType = "Dome Camera",
        Firmware = new FirmwareSpec { Version = "11.11.192", Personality = FirmwarePersonality.Os11, UpgradeFlashSeconds = 60 },
        Identity = new IdentitySpec { SerialOui = "B8A44F" },
        Power = new PowerSpec
        {
            PoeClass = 3,
            Loads = new PhaseLoads { BootLoader = 3, Kernel = 5, Running = 7, Peak = 10 },
            PseRetrySeconds = 5,
        },
        Reset = new ResetSpec { HoldMinSeconds = 15, HoldMaxSeconds = 30, LateRelease = late, FactoryResetSeconds = 20, DebounceMilliseconds = 50 },
        Boot = new BootSpec { BootLoaderSeconds = 2, NetworkUpSeconds = 30, ReadySeconds = 55, ShutdownSeconds = 5, GreenAfterReadySeconds = 10 },
        Leds = new LedSpec { Power = true, Network = false, FlashHz = 1, AlternateHz = 2 },
    };

    /// <summary>A class-4 box camera (peak 20 W); <paramref name="degrade"/> lets it run limited on class 3.</summary>
    public static HardwareProfile Box(bool degrade) => Dome() with
    {
        Id = "TEST-BOX",
        Model = "Q1656-LE",
        FormFactor = FormFactor.Box,
        Power = new PowerSpec
        {
            PoeClass = 4,
            CanRunDegraded = degrade,
            Loads = new PhaseLoads { BootLoader = 4, Kernel = 8, Running = 12, Peak = 20, Degraded = 11 },
            PseRetrySeconds = 5,
        },
    };

    public static HardwareProfile SingleBank() => Dome() with
    {
        Id = "TEST-LEGACY",
        Firmware = new FirmwareSpec { Version = "5.20.2", Personality = FirmwarePersonality.Os10, SingleBank = true, UpgradeFlashSeconds = 60 },
    };
}
