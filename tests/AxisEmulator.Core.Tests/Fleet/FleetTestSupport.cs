using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Core.Tests.Support;

namespace AxisEmulator.Core.Tests.Fleet;

/// <summary>The shipped profiles and manual-time emulators for fleet and chaos tests.</summary>
public static class FleetTestSupport
{
    private static readonly Lazy<ProfileCatalog> Shipped = new(() => ProfileCatalog.Load(Path.Combine(RepositoryPaths.Root, "hardware-profiles")));

    public static ProfileCatalog Profiles => Shipped.Value;

    public static Emulator ManualEmulator(int seed = 7, string? dhcpPool = null) =>
        new(new EmulatorOptions { ClockMode = ClockMode.Manual, Seed = seed, DhcpPool = dhcpPool }, Profiles);

    /// <summary>An emulator shaped by the fleet file (its DHCP pool), in manual time.</summary>
    public static Emulator ManualEmulatorFor(FleetFile fleet, int seed = 7) =>
        new(fleet.ApplyTo(new EmulatorOptions { ClockMode = ClockMode.Manual, Seed = seed }), Profiles);

    public static FleetFile Parse(string yaml) => FleetFile.Parse(yaml, Profiles, "fleet.yaml");

    /// <summary>The errors of an invalid fleet file, as <c>file:line: message</c> lines.</summary>
    public static IReadOnlyList<string> Errors(string yaml)
    {
        FleetFile.TryParse(yaml, Profiles, "fleet.yaml", out var errors).Should().BeNull("the file has errors");
        return [.. errors.Select(e => e.ToString())];
    }

    public static void Advance(this Emulator emulator, double seconds) => emulator.Clock.Advance(TimeSpan.FromSeconds(seconds));
}
