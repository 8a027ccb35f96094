using AxisEmulator.Core.Button;
using AxisEmulator.Core.Chaos;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Power;
using static AxisEmulator.Core.Tests.Fleet.FleetTestSupport;

namespace AxisEmulator.Core.Tests.Fleet;

public class FleetBuilderTests
{
    [Fact]
    public void Adds_the_groups_in_file_order_sets_faults_and_powers_them()
    {
        var fleet = Parse("""
            groups:
              - profile: P3265-LVE
                count: 3
                idPrefix: lobby
                power: { kind: poe, standard: 802.3at, pseClass: 4, cableMeters: 30, cableCategory: cat5e }
              - profile: M3086-V
                count: 2
                faults: { button: mushy, dropoutsPerSecond: 2, dropoutMs: 200 }
              - profile: Q1656-LE
                count: 1
                idPrefix: dark
                power: off
              - profile: P3265-LVE
                count: 1
                idPrefix: brick
                faults: { bricked: true }
              - profile: P3265-LVE
                count: 1
                idPrefix: unplugged
                faults: { networkLink: false }
            """);
        using var emulator = ManualEmulatorFor(fleet);

        var result = FleetBuilder.Apply(fleet, emulator);

        result.Chaos.Should().BeNull();
        result.Devices.Select(d => d.Id).Should().Equal("lobby-1", "lobby-2", "lobby-3", "cam-4", "cam-5", "dark-1", "brick-1", "unplugged-1");
        emulator.Devices.Should().Equal(result.Devices);
        result.Devices[0].Snapshot().Power.Source.Should().Be(new PoeSource(PoeStandard.At, 4, 30, CableCategory.Cat5e));
        result.Devices[3].Profile.Id.Should().Be("M3086-V");
        result.Devices[3].Snapshot().Button.Fault.Should().Be(new ButtonFault(ButtonCondition.Mushy, 2, 200));

        emulator.Advance(300);

        result.Devices.Take(5).Should().OnlyContain(d => d.Phase == DevicePhase.Ready);
        Device(emulator, "dark-1").Phase.Should().Be(DevicePhase.Off);
        Device(emulator, "brick-1").Phase.Should().Be(DevicePhase.Bricked);
        var unplugged = Device(emulator, "unplugged-1");
        unplugged.Phase.Should().Be(DevicePhase.Ready);
        unplugged.IsListening.Should().BeFalse("its network link is down");
    }

    [Fact]
    public void Refuses_an_emulator_without_the_files_dhcp_pool_and_adds_nothing()
    {
        var fleet = Parse("dhcp: { pool: 192.168.0.100-192.168.0.110 }\ngroups: [ { profile: P3265-LVE, count: 2 } ]");
        using var emulator = ManualEmulator();

        var act = () => FleetBuilder.Apply(fleet, emulator);

        act.Should().Throw<InvalidOperationException>().WithMessage("*DHCP pool 192.168.0.100-192.168.0.110*FleetFile.ApplyTo*");
        emulator.Devices.Should().BeEmpty();
    }

    [Fact]
    public void Refuses_ids_that_are_taken_and_adds_nothing()
    {
        var fleet = Parse("groups:\n  - { profile: P3265-LVE, count: 3, idPrefix: lobby }");
        using var emulator = ManualEmulator();
        emulator.AddDevice("P3265-LVE", "lobby-2");

        var act = () => FleetBuilder.Apply(fleet, emulator);

        act.Should().Throw<InvalidOperationException>().WithMessage("*already exist: lobby-2*");
        emulator.Devices.Should().ContainSingle();
    }

    [Fact]
    public void Refuses_an_emulator_whose_profiles_lack_one_the_file_uses()
    {
        var fleet = Parse("groups:\n  - { profile: P3265-LVE, count: 1 }\n  - { profile: M3086-V, count: 1 }");
        using var emulator = new Emulator(new EmulatorOptions { ClockMode = Core.Clock.ClockMode.Manual }, new Core.Profiles.ProfileCatalog([FleetTestSupport.Profiles.Get("P3265-LVE")]));

        var act = () => FleetBuilder.Apply(fleet, emulator);

        act.Should().Throw<InvalidOperationException>().WithMessage("*profiles this emulator does not have: M3086-V*");
        emulator.Devices.Should().BeEmpty();
    }

    [Fact]
    public void Starts_the_chaos_section_over_the_fleet_with_the_emulator_seed_when_it_gives_none()
    {
        var fleet = Parse("""
            groups:
              - { profile: P3265-LVE, count: 20, idPrefix: a }
            chaos:
              duration: 2h
              rebootsPerHour: 10
            """);
        using var emulator = ManualEmulatorFor(fleet, seed: 99);

        var result = FleetBuilder.Apply(fleet, emulator);

        result.Chaos.Should().NotBeNull();
        result.Chaos!.Plan.Options.Seed.Should().Be(99);
        result.Chaos.Plan.DeviceCount.Should().Be(20);
        emulator.Chaos.Current.Should().BeSameAs(result.Chaos);
        var expected = ChaosPlan.Generate(fleet.Chaos!.Options with { Seed = 99 }, [.. result.Devices.Select(d => d.Id)]);
        result.Chaos.Plan.ToText().Should().Be(expected.ToText());

        emulator.Advance(2 * 3600);
        var chaosEntries = emulator.Devices.SelectMany(d => d.Timeline.Since(0)).Where(e => e.Event is ChaosApplied).ToList();
        chaosEntries.Should().HaveCount(expected.Actions.Count);
    }

    [Fact]
    public void Can_leave_the_chaos_to_the_caller()
    {
        var fleet = Parse("groups: [ { profile: P3265-LVE, count: 2 } ]\nchaos: { rebootsPerHour: 5 }");
        using var emulator = ManualEmulatorFor(fleet);

        FleetBuilder.Apply(fleet, emulator, startChaos: false).Chaos.Should().BeNull();
        emulator.Chaos.Current.Should().BeNull();
    }

    private static Device Device(Emulator emulator, string id) =>
        emulator.TryGet(id, out var camera) ? camera! : throw new InvalidOperationException("no device " + id);
}
