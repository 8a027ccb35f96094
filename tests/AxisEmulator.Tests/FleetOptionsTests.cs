using AxisEmulator.Cli;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Hosting;
using Microsoft.Extensions.Configuration;

namespace AxisEmulator.Tests;

/// <summary><c>serve</c>'s fleet options: --fleet, --dhcp-pool, --shared-port, --chaos-seed.</summary>
public class FleetOptionsTests
{
    private static readonly IConfiguration NoConfiguration = new ConfigurationBuilder().Build();

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Every_fleet_option_is_parsed()
    {
        var settings = ServeCommand.Resolve(
            ["--fleet", "fleet.yaml", "--dhcp-pool", "10.0.0.10 - 10.0.0.20", "--shared-port", "8080", "--chaos-seed", "-9"],
            NoConfiguration);

        settings.Fleet.Should().Be("fleet.yaml");
        settings.DhcpPool.Should().Be("10.0.0.10-10.0.0.20");
        settings.ToEmulatorOptions().DhcpPool.Should().Be("10.0.0.10-10.0.0.20");
        settings.SharedPort.Should().Be(8080);
        settings.ToListenerLayout().SharedPort.Should().Be(8080);
        settings.ChaosSeed.Should().Be(-9);
    }

    [Fact]
    public void Fleet_options_default_to_none()
    {
        var settings = ServeCommand.Resolve([], NoConfiguration);

        settings.Fleet.Should().BeNull();
        settings.DhcpPool.Should().BeNull();
        settings.SharedPort.Should().BeNull();
        settings.ChaosSeed.Should().BeNull();
        settings.ToListenerLayout().Should().BeEquivalentTo(new Vapix.Hosting.ListenerLayout { BasePort = 8081, HttpsBasePort = 8443, WsDiscoveryBasePort = 3702 });
    }

    [Fact]
    public void The_WS_Discovery_base_port_comes_from_the_option_or_the_configuration_and_follows_free_ports()
    {
        ServeCommand.Resolve(["--device-wsd-base-port", "5000"], NoConfiguration).ToListenerLayout().WsDiscoveryBasePort.Should().Be(5000);
        ServeCommand.Resolve([], Configuration(("Emulator:DeviceWsDiscoveryBasePort", "5100"))).ToListenerLayout().WsDiscoveryBasePort.Should().Be(5100);
        ServeCommand.Resolve(["--device-base-port", "0"], NoConfiguration).ToListenerLayout().WsDiscoveryBasePort.Should().Be(0, "free HTTP ports must not come with fixed UDP ones");
        var bad = () => ServeCommand.Resolve([], Configuration(("Emulator:DeviceWsDiscoveryBasePort", "70000")));
        bad.Should().Throw<FormatException>().WithMessage("Emulator:DeviceWsDiscoveryBasePort '70000' must be a port number*");
    }

    [Fact]
    public void A_shared_port_lifts_the_base_port_range_limit()
    {
        var settings = ServeCommand.Resolve(["--devices", "1000", "--shared-port", "65535"], NoConfiguration);

        settings.SharedPort.Should().Be(65535);
    }

    [Fact]
    public void Configuration_keys_give_the_fleet_options_and_the_command_line_overrides_them()
    {
        var configuration = Configuration(
            ("Emulator:Devices", "1"),
            ("Emulator:Profile", "P3265-LVE"),
            ("Emulator:Fleet", "/etc/axis-emulator/fleet.yaml"),
            ("Emulator:DhcpPool", "192.168.0.100-192.168.0.199"),
            ("Emulator:SharedPort", "80"),
            ("Emulator:ChaosSeed", "3"));

        var configured = ServeCommand.Resolve([], configuration);
        configured.Fleet.Should().Be("/etc/axis-emulator/fleet.yaml", "a configured fleet wins over the Devices and Profile appsettings.json sets");
        configured.DhcpPool.Should().Be("192.168.0.100-192.168.0.199");
        configured.SharedPort.Should().Be(80);
        configured.ChaosSeed.Should().Be(3);

        ServeCommand.Resolve(["--devices", "2"], configuration).Fleet.Should().BeNull("cameras asked for on the command line replace the configured fleet");
        ServeCommand.Resolve(["--fleet", "other.yaml", "--chaos-seed", "4"], configuration).Should().Match<EmulatorSettings>(s => s.Fleet == "other.yaml" && s.ChaosSeed == 4);
    }

    [Theory]
    [InlineData("Emulator:DhcpPool", "10.0.0.9", "Emulator:DhcpPool '10.0.0.9' must be two IPv4 addresses*")]
    [InlineData("Emulator:SharedPort", "0", "Emulator:SharedPort '0' must be a port number from 1 to 65535*")]
    [InlineData("Emulator:ChaosSeed", "many", "Emulator:ChaosSeed 'many' is not a whole number")]
    public void Bad_configuration_names_its_key(string key, string value, string message)
    {
        var resolve = () => ServeCommand.Resolve([], Configuration((key, value)));

        resolve.Should().Throw<FormatException>().WithMessage(message);
    }

    [Theory]
    [InlineData(new[] { "serve", "--fleet", "fleet.yaml", "--devices", "3" }, "error: --fleet and --devices contradict each other")]
    [InlineData(new[] { "--profile", "M3086-V", "--fleet", "fleet.yaml" }, "error: --fleet and --profile contradict each other")]
    [InlineData(new[] { "serve", "--fleet", " " }, "error: --fleet must name a fleet file")]
    [InlineData(new[] { "serve", "--fleet", "no-such-fleet.yaml", "--ephemeral" }, "error: fleet file 'no-such-fleet.yaml' does not exist")]
    [InlineData(new[] { "serve", "--dhcp-pool", "192.168.0.100" }, "error: --dhcp-pool '192.168.0.100' must be two IPv4 addresses 'FIRST-LAST'")]
    [InlineData(new[] { "serve", "--dhcp-pool", "192.168.0.1-fe80::1" }, "error: --dhcp-pool '192.168.0.1-fe80::1' must be two IPv4 addresses")]
    [InlineData(new[] { "serve", "--dhcp-pool", "192.168.0.200-192.168.0.100" }, "error: --dhcp-pool '192.168.0.200-192.168.0.100' ends (192.168.0.100) before it starts (192.168.0.200)")]
    [InlineData(new[] { "serve", "--shared-port", "0" }, "error: --shared-port '0' must be a port number from 1 to 65535")]
    [InlineData(new[] { "serve", "--shared-port", "65536" }, "error: --shared-port '65536' must be a port number")]
    [InlineData(new[] { "serve", "--shared-port", "http" }, "error: --shared-port 'http' must be a port number")]
    [InlineData(new[] { "serve", "--shared-port", "80", "--device-base-port", "9000" }, "error: --shared-port and --device-base-port contradict each other")]
    [InlineData(new[] { "serve", "--chaos-seed", "1.5" }, "error: --chaos-seed '1.5' is not a whole number")]
    public async Task Bad_input_prints_one_clear_line_and_exits_2(string[] args, string message)
    {
        var result = await CliHarness.RunAsync(args);

        result.ExitCode.Should().Be(ExitCodes.InvalidInput, result.ToString());
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith(message);
        result.Error.Should().NotContain("   at ", "no stack trace");
        result.Output.Should().NotContain("Control API listening", "nothing was started");
    }

    [Fact]
    public async Task An_invalid_fleet_file_prints_each_problem_as_file_line_and_exits_2()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("fleet.yaml", """
            groups:
              - profile: NOPE
                count: 2
              - profile: P3265-LVE
                count: 0
            """);

        var result = await CliHarness.RunAsync("serve", "--fleet", file, "--ephemeral", "--control-url", "http://127.0.0.1:0", "--device-base-port", "0");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput, result.ToString());
        result.ErrorLines.Should().HaveCount(2);
        result.ErrorLines[0].Should().StartWith($"error: {file}:2: unknown profile 'NOPE'");
        result.ErrorLines[1].Should().StartWith($"error: {file}:5: ");
        result.Output.Should().NotContain("Control API listening", "nothing was started");
    }

    [Fact]
    public void The_listener_layout_takes_the_shared_port_then_the_file_then_the_base_port()
    {
        var profiles = Core.Profiles.ProfileCatalog.LoadInstalled();
        var shared = FleetFile.Parse("listeners: { sharedPort: 80 }\ngroups: [ { profile: P3265-LVE, count: 3 } ]\n", profiles);
        var plain = FleetFile.Parse("groups: [ { profile: P3265-LVE, count: 3 } ]\n", profiles);
        var settings = new EmulatorSettings { DeviceBasePort = 9000 };

        EmulatorServer.LayoutFor(settings, shared).Should().BeEquivalentTo(new Vapix.Hosting.ListenerLayout { BasePort = 9000, SharedPort = 80, HttpsBasePort = 8443, WsDiscoveryBasePort = 3702 });
        EmulatorServer.LayoutFor(settings, plain).Should().BeEquivalentTo(new Vapix.Hosting.ListenerLayout { BasePort = 9000, HttpsBasePort = 8443, WsDiscoveryBasePort = 3702 });
        EmulatorServer.LayoutFor(settings with { SharedPort = 8080 }, shared).SharedPort.Should().Be(8080);
        var free = FleetFile.Parse("listeners: { basePort: 0 }\ngroups: [ { profile: P3265-LVE, count: 3 } ]\n", profiles);
        EmulatorServer.LayoutFor(settings, free).Should().BeEquivalentTo(new Vapix.Hosting.ListenerLayout(), "free HTTP ports come with free HTTPS and WS-Discovery ports");
        EmulatorServer.LayoutFor(settings with { DeviceWsDiscoveryBasePort = 4000 }, free).WsDiscoveryBasePort.Should().Be(4000);
        var noRoom = () => EmulatorServer.LayoutFor(settings with { DeviceBasePort = 65534 }, plain);
        noRoom.Should().Throw<FormatException>().WithMessage("device base port 65534 leaves no room for the 3 devices*");
    }
}
