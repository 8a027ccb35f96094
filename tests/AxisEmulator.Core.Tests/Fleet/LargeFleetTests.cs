using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Fleet;
using static AxisEmulator.Core.Tests.Fleet.FleetTestSupport;

namespace AxisEmulator.Core.Tests.Fleet;

/// <summary>A thousand cameras in one process, in manual time (also the shape of the fleet benchmark).</summary>
public class LargeFleetTests
{
    /// <summary>1,000 devices over eleven profiles: PoE classes 2–6, a DC-only unit, AXIS OS 5.x to 12.x.</summary>
    public const string ThousandCameras = """
        dhcp: { pool: 10.20.0.10-10.20.7.250 }
        listeners: { basePort: 20000 }
        groups:
          - { profile: P3265-LVE, count: 300, idPrefix: dome }
          - { profile: M3086-V, count: 200, idPrefix: mini }
          - { profile: Q1656-LE, count: 100, idPrefix: box, power: { kind: poe, standard: 802.3at, pseClass: 4, cableMeters: 60 } }
          - { profile: D2210-VE-11.11, count: 80, idPrefix: radar }
          - { profile: M1075-L, count: 80, idPrefix: box-mini }
          - { profile: P1468-LE, count: 60, idPrefix: bullet }
          - { profile: Q6135-LE, count: 40, idPrefix: ptz }
          - { profile: F9111, count: 40, idPrefix: modular }
          - { profile: P3245-LVE-10.12, count: 40, idPrefix: legacy }
          - { profile: Q1961-TE-12.10, count: 40, idPrefix: thermal }
          - { profile: M1011, count: 20, idPrefix: m1011 }
        """;

    [Fact]
    public void A_thousand_cameras_of_mixed_profiles_from_a_fleet_file_all_reach_ready()
    {
        var fleet = Parse(ThousandCameras);
        fleet.DeviceCount.Should().Be(1000);
        using var emulator = ManualEmulatorFor(fleet);

        var result = FleetBuilder.Apply(fleet, emulator);
        result.Devices.Should().HaveCount(1000);
        result.Devices.Select(d => d.Profile.Id).Distinct().Should().HaveCount(11);

        // The slowest profile (Q6135-LE) is ready 150 s after power-on.
        emulator.Advance(200);

        var notReady = emulator.Devices.Where(d => d.Phase != DevicePhase.Ready).Select(d => $"{d.Id}: {d.Phase}").ToList();
        notReady.Should().BeEmpty();
        var addresses = emulator.Devices.Select(d => d.Network.IpAddress).ToList();
        addresses.Should().OnlyHaveUniqueItems("the DHCP pool has room for every device");
        emulator.Devices.Should().OnlyContain(d => d.Network.Conflicts.Count == 0);
    }
}
