using AxisEmulator.Core.Button;
using AxisEmulator.Core.Chaos;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Power;
using static AxisEmulator.Core.Tests.Fleet.FleetTestSupport;

namespace AxisEmulator.Core.Tests.Fleet;

public class FleetFileTests
{
    [Fact]
    public void Reads_every_section()
    {
        var fleet = Parse("""
            dhcp: { pool: 192.168.0.100-192.168.0.199 }
            listeners: { basePort: 9000 }
            groups:
              - profile: P3265-LVE
                count: 50
                idPrefix: lobby
                power: { kind: poe, standard: 802.3at, pseClass: 4, cableMeters: 30, cableCategory: cat5e }
              - profile: M3086-V
                count: 3
                power: off
                faults: { button: mushy, dropoutsPerSecond: 1.5, dropoutMs: 150, bricked: true, networkLink: false }
              - profile: M1011
                count: 1
                power: { kind: dc, volts: 12 }
              - profile: Q1656-LE
                count: 2
                idPrefix: gate
                power: { kind: passive, volts: 24 }
            chaos:
              seed: 42
              duration: 2h
              brownoutsPerHour: 3
              rebootsPerHour: 5
              mushyButtonFraction: 0.1
              brickedFraction: 0.02
              networkLossesPerHour: 4
              networkLossSeconds: 45
            """);

        fleet.Source.Should().Be("fleet.yaml");
        fleet.DhcpPool.Should().Be("192.168.0.100-192.168.0.199");
        fleet.Listeners.Should().Be(new FleetListeners(9000, null));
        fleet.DeviceCount.Should().Be(56);
        fleet.Groups.Should().HaveCount(4);

        var lobby = fleet.Groups[0];
        lobby.Profile.Should().Be("P3265-LVE");
        lobby.Count.Should().Be(50);
        lobby.Ids!.Should().HaveCount(50).And.StartWith("lobby-1").And.EndWith("lobby-50");
        lobby.Power.Should().Be(new PoeSource(PoeStandard.At, 4, 30, CableCategory.Cat5e));
        lobby.Faults.Should().Be(FleetFaults.None);
        lobby.Line.Should().Be(4);

        var mushy = fleet.Groups[1];
        mushy.Ids.Should().BeNull("without an idPrefix the emulator numbers them cam-N");
        mushy.Power.Should().BeNull();
        mushy.Faults.Should().Be(new FleetFaults(new ButtonFault(ButtonCondition.Mushy, 1.5, 150), true, false));

        fleet.Groups[2].Power.Should().BeOfType<DcSource>().Which.Volts.Should().Be(12);
        fleet.Groups[3].Power.Should().Be(new PassiveSource(24));

        fleet.Chaos.Should().NotBeNull();
        fleet.Chaos!.SeedGiven.Should().BeTrue();
        fleet.Chaos.Options.Should().Be(new ChaosOptions
        {
            Seed = 42,
            Duration = TimeSpan.FromHours(2),
            BrownoutsPerHour = 3,
            RebootsPerHour = 5,
            MushyButtonFraction = 0.1,
            BrickedFraction = 0.02,
            NetworkLossesPerHour = 4,
            NetworkLossSeconds = 45,
        });
    }

    [Fact]
    public void Defaults_power_on_from_the_profile_and_leave_the_rest_to_the_host()
    {
        var fleet = Parse("""
            groups:
              - { profile: P3265-LVE, count: 2 }
              - { profile: Q1656-LE, count: 1, power: on }
              - { profile: M1011, count: 1 }
            """);

        fleet.DhcpPool.Should().BeNull();
        fleet.Listeners.Should().BeNull();
        fleet.Chaos.Should().BeNull();
        fleet.Groups[0].Power.Should().Be(new PoeSource(PoeStandard.Af, 3, DefaultPowerSource.CableMeters, CableCategory.Cat5e));
        fleet.Groups[1].Power.Should().Be(new PoeSource(PoeStandard.At, 4, DefaultPowerSource.CableMeters, CableCategory.Cat5e));
        fleet.Groups[2].Power.Should().BeOfType<DcSource>("M1011 has no PoE input");
    }

    [Fact]
    public void A_poe_source_without_class_or_standard_takes_the_profiles_class()
    {
        var fleet = Parse("""
            groups:
              - profile: Q6075-E
                count: 1
                power: { kind: poe, cableMeters: 80 }
            """);

        fleet.Groups[0].Power.Should().Be(new PoeSource(PoeStandard.Bt, 6, 80, CableCategory.Cat5e));
    }

    [Fact]
    public void Network_lab_puts_the_fleet_in_the_lab_and_loopback_is_the_default()
    {
        Parse("network: lab\ngroups:\n  - { profile: P3265-LVE, count: 2 }\n").LabNetwork.Should().BeTrue();
        Parse("network: loopback\ngroups:\n  - { profile: P3265-LVE, count: 2 }\n").LabNetwork.Should().BeFalse();
        Parse("groups:\n  - { profile: P3265-LVE, count: 2 }\n").LabNetwork.Should().BeFalse();
    }

    [Fact]
    public void Shared_port_listeners_and_a_chaos_section_without_a_seed()
    {
        var fleet = Parse("""
            listeners:
              sharedPort: 80
            groups:
              - profile: P3265-LVE
                count: 1
            chaos:
              rebootsPerHour: 1
            """);

        fleet.Listeners.Should().Be(new FleetListeners(null, 80));
        fleet.Chaos!.SeedGiven.Should().BeFalse();
        fleet.Chaos.Options.Duration.Should().Be(TimeSpan.FromHours(1));
        fleet.Chaos.Options.NetworkLossSeconds.Should().Be(30);
    }

    [Fact]
    public void Emulator_options_take_the_dhcp_pool()
    {
        var fleet = Parse("""
            dhcp:
              pool: 10.0.0.10 - 10.0.0.20
            groups: [ { profile: P3265-LVE, count: 1 } ]
            """);

        fleet.ApplyTo(new EmulatorOptions { Seed = 3 }).Should().Be(new EmulatorOptions { Seed = 3, DhcpPool = "10.0.0.10 - 10.0.0.20" });
    }

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "", "fleet.yaml:1: the file is empty; a fleet file is a mapping with 'groups' (and optionally dhcp, listeners, chaos, network)" },
        { "groups:\n  - { profile: P3265-LVE, count: 1 ]\nchaos: {}", "fleet.yaml:2: YAML syntax error" },
        { "- 1\n- 2", "fleet.yaml:1: the file must be a mapping of keys, got a list" },
        { "dhcp: { pool: 192.168.0.1-192.168.0.9 }", "fleet.yaml:1: missing required key 'groups'" },
        { "group:\n  - { profile: P3265-LVE, count: 1 }", "fleet.yaml:1: unknown key 'group' at the top level; allowed: dhcp, listeners, groups, chaos, network; did you mean 'groups'?" },
        { "groups: []", "fleet.yaml:1: 'groups' is empty" },
        { "groups: { profile: P3265-LVE }", "fleet.yaml:1: 'groups' must be a list, got a mapping" },
        { "groups:\n  - { profile: P3265-LV, count: 1 }", "fleet.yaml:2: unknown profile 'P3265-LV'; did you mean 'P3265-LVE'?" },
        { "groups:\n  - { profile: P3265-LVE }", "fleet.yaml:2: missing required key 'groups[0].count'" },
        { "groups:\n  - profile: P3265-LVE\n    count: 0", "fleet.yaml:3: 'groups[0].count' must be between 1 and 10000, got 0" },
        { "groups:\n  - profile: P3265-LVE\n    count: many", "fleet.yaml:3: 'groups[0].count' must be a whole number, got 'many'" },
        { "groups:\n  - profile: P3265-LVE\n    count: 2.5", "fleet.yaml:3: 'groups[0].count' must be a whole number, got 2.5" },
        { "groups:\n  - profile: P3265-LVE\n    count: 1\n    cnt: 2", "fleet.yaml:4: unknown key 'cnt' in 'groups[0]'; allowed: profile, count, idPrefix, power, faults; did you mean 'count'?" },
        { "groups:\n  - profile: P3265-LVE\n    count: 1\n    idPrefix: 'lob by'", "fleet.yaml:4: 'groups[0].idPrefix': 'lob by' may hold only letters, digits" },
        { "groups:\n  - { profile: P3265-LVE, count: 1, idPrefix: a }\n  - { profile: P3265-LVE, count: 1, idPrefix: a }", "fleet.yaml:3: idPrefix 'a' is already used by the group at line 2" },
        { "groups:\n  - { profile: P3265-LVE, count: 1 }\n  - { profile: P3265-LVE, count: 1, idPrefix: cam }", "fleet.yaml:3: idPrefix 'cam' clashes with the default ids" },
        { "groups:\n  - profile: P3265-LVE\n    count: 1\n    power: maybe", "fleet.yaml:4: 'groups[0].power' must be on, off or a source mapping" },
        { "groups:\n  - profile: P3265-LVE\n    count: 1\n    power: { kind: poe, pseClass: 9 }", "fleet.yaml:4: 'groups[0].power.pseClass' must be between 0 and 8, got 9" },
        { "groups:\n  - profile: P3265-LVE\n    count: 1\n    power: { kind: poe, standard: 802.3af, pseClass: 4 }", "fleet.yaml:4: 'groups[0].power': 802.3af PSEs supply class 0–3; class 4 needs 802.3at or 802.3bt" },
        { "groups:\n  - profile: P3265-LVE\n    count: 1\n    power: { kind: poe, standard: 802.3xx }", "fleet.yaml:4: 'groups[0].power.standard' must be one of 802.3af, 802.3at, 802.3bt; got '802.3xx'" },
        { "groups:\n  - profile: P3265-LVE\n    count: 1\n    power: { kind: poe, cableCategory: cat7 }", "fleet.yaml:4: 'groups[0].power.cableCategory' must be one of cat3, cat5, cat5e, cat6, cat6a; got 'cat7'" },
        { "groups:\n  - profile: P3265-LVE\n    count: 1\n    power: { kind: poe, volts: 48 }", "fleet.yaml:4: 'groups[0].power.volts' does not apply to a poe source; use pseVolts" },
        { "groups:\n  - profile: P3265-LVE\n    count: 1\n    power: { kind: solar }", "fleet.yaml:4: 'groups[0].power.kind' must be one of poe, passive, dc; got 'solar'" },
        { "groups:\n  - profile: P3265-LVE\n    count: 1\n    power: { kind: passive }", "fleet.yaml:4: missing required key 'groups[0].power.volts'" },
        { "groups:\n  - profile: P3265-LVE\n    count: 1\n    faults: { button: mooshy }", "fleet.yaml:4: 'groups[0].faults.button' must be one of healthy, mushy, stuck, broken; got 'mooshy'; did you mean 'mushy'?" },
        { "groups:\n  - profile: P3265-LVE\n    count: 1\n    faults:\n      dropoutMs: 100", "fleet.yaml:5: 'groups[0].faults.dropoutMs' applies only with button: mushy" },
        { "groups:\n  - profile: P3265-LVE\n    count: 1\n    faults:\n      bricked: yes", "fleet.yaml:5: 'groups[0].faults.bricked' must be true or false, got 'yes'" },
        { "listeners: { basePort: 8081, sharedPort: 80 }\ngroups: [ { profile: P3265-LVE, count: 1 } ]", "fleet.yaml:1: give either 'listeners.basePort'" },
        { "listeners: {}\ngroups: [ { profile: P3265-LVE, count: 1 } ]", "fleet.yaml:1: 'listeners' needs basePort" },
        { "listeners: { basePort: 65000 }\ngroups: [ { profile: P3265-LVE, count: 1000 } ]", "fleet.yaml:1: 'listeners.basePort' 65000 leaves no room for 1000 devices" },
        { "dhcp: { pool: 192.168.0.199-192.168.0.100 }\ngroups: [ { profile: P3265-LVE, count: 1 } ]", "fleet.yaml:1: 'dhcp.pool': the pool ends (192.168.0.100) before it starts (192.168.0.199)" },
        { "dhcp: { pool: lots }\ngroups: [ { profile: P3265-LVE, count: 1 } ]", "fleet.yaml:1: 'dhcp.pool': 'lots' must be two IPv4 addresses" },
        { "groups: [ { profile: P3265-LVE, count: 1 } ]\nchaos:\n  duration: forever", "fleet.yaml:3: 'chaos.duration': 'forever' is not a duration" },
        { "groups: [ { profile: P3265-LVE, count: 1 } ]\nchaos:\n  brickedFraction: 1.5", "fleet.yaml:3: 'chaos.brickedFraction' must be at least 0 and at most 1, got 1.5" },
        { "groups: [ { profile: P3265-LVE, count: 1 } ]\nchaos:\n  rebootPerHour: 2", "fleet.yaml:3: unknown key 'rebootPerHour' in 'chaos'" },
        { "groups: [ { profile: P3265-LVE, count: 1 } ]\nchaos:\n  duration: 30d\n  rebootsPerHour: 100000\n", "fleet.yaml:2: 'chaos': the rates over 30d ask for about 72000000 actions" },
        { "groups:\n  - { profile: P3265-LVE, count: 6000 }\n  - { profile: P3265-LVE, count: 6000, idPrefix: b }", "fleet.yaml:1: the groups add up to 12000 devices; one fleet file holds at most 10000" },
        { "groups:\n  - &g { profile: P3265-LVE, count: 1 }\n  - *g", "fleet.yaml:3: YAML aliases (*g) are not supported; write each group out" },
        { "groups: [ { profile: P3265-LVE, count: 1 } ]\ngroups: []", "fleet.yaml:2: duplicate key 'groups' (first set at line 1)" },
        { "network: bridge\ngroups: [ { profile: P3265-LVE, count: 1 } ]", "fleet.yaml:1: 'network': must be loopback (each device on a 127.0.0.1 port) or lab" },
        { "network: lab\nlisteners: { sharedPort: 80 }\ngroups: [ { profile: P3265-LVE, count: 1 } ]", "fleet.yaml:2: 'listeners' does not apply with 'network: lab'" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Reports_each_problem_as_file_line_message(string yaml, string expected)
    {
        Errors(yaml).Should().Contain(e => e.StartsWith(expected, StringComparison.Ordinal), "the file was:\n{0}", yaml);
    }

    [Fact]
    public void Reports_every_problem_of_a_file_at_once_in_line_order()
    {
        var errors = Errors("""
            groups:
              - profile: Nope
                count: 1
              - profile: P3265-LVE
                count: -4
            chaos:
              seed: x
            """);

        errors.Should().HaveCount(3);
        errors[0].Should().StartWith("fleet.yaml:2: unknown profile 'Nope'");
        errors[1].Should().StartWith("fleet.yaml:5: 'groups[1].count'");
        errors[2].Should().StartWith("fleet.yaml:7: 'chaos.seed' must be a whole number");
    }

    [Fact]
    public void Parse_throws_with_every_error_in_the_message()
    {
        var act = () => Parse("groups:\n  - { profile: Nope, count: 1 }\n  - { profile: P3265-LVE, count: 0 }");

        var thrown = act.Should().Throw<FleetFileException>().Which;
        thrown.Errors.Should().HaveCount(2);
        thrown.Message.Should().Contain("fleet.yaml:2: unknown profile 'Nope'").And.Contain("fleet.yaml:3: 'groups[1].count'");
    }

    [Fact]
    public void Load_reads_a_file_and_reports_a_missing_one_by_path()
    {
        var directory = Directory.CreateTempSubdirectory("fleet-file-");
        try
        {
            var path = Path.Combine(directory.FullName, "site.yaml");
            File.WriteAllText(path, "groups:\n  - { profile: P3265-LVE, count: 4, idPrefix: site }\n");
            var fleet = FleetFile.Load(path, FleetTestSupport.Profiles);
            fleet.Source.Should().Be(path);
            fleet.DeviceCount.Should().Be(4);

            var missing = Path.Combine(directory.FullName, "missing.yaml");
            var act = () => FleetFile.Load(missing, FleetTestSupport.Profiles);
            act.Should().Throw<FleetFileException>().Which.Errors.Single().ToString().Should().StartWith(missing + ":1: cannot read the file");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
