using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Vapix.Tests.Support;

/// <summary>Hardware profiles for tests: only the identity fields matter to VAPIX; the rest are plausible fillers.</summary>
internal static class TestProfiles
{
    public static HardwareProfile Create(
        string model = "P3245-LVE",
        string version = "11.11.192",
        string productType = "Network Camera",
        string? fullName = null,
        bool hasVideo = true,
        int inputs = 1,
        int outputs = 1,
        string buildDate = "Jan 17 2026 18:22",
        string architecture = "armv7hf",
        string soc = "Axis Artpec-7",
        string hardwareId = "92D") => new()
        {
            Id = model,
            Model = model,
            Family = "test",
            FormFactor = FormFactor.Dome,
            ProductFullName = fullName ?? $"AXIS {model} {productType}",
            ProductType = productType,
            HasVideo = hasVideo,
            Firmware = new FirmwareSpec
            {
                Version = version,
                Personality = CapturedPersonality.Of(version),
                BuildDate = buildDate,
                Architecture = architecture,
                Soc = soc,
                HardwareId = hardwareId,
            },
            Identity = new IdentitySpec { SerialOui = "B8A44F" },
            Power = new PowerSpec { PoeClass = 3, Loads = new PhaseLoads { BootLoader = 2, Kernel = 4, Running = 6, Peak = 9 } },
            Reset = new ResetSpec { HoldMinSeconds = 15, HoldMaxSeconds = 30, LateRelease = LateReleaseBehavior.Reset },
            Boot = new BootSpec { BootLoaderSeconds = 3, NetworkUpSeconds = 40, ReadySeconds = 60 },
            Leds = new LedSpec(),
            Io = new IoSpec { Inputs = inputs, Outputs = outputs },
        };
}
