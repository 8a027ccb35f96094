using AxisEmulator.Cli;
using AxisEmulator.Core.Clock;
using AxisEmulator.Hosting;
using Microsoft.Extensions.Configuration;

namespace AxisEmulator.Tests;

/// <summary>The command tree, help, and every serve option: happy paths and bad input.</summary>
public class CommandLineTests
{
    private static readonly IConfiguration NoConfiguration = new ConfigurationBuilder().Build();

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Theory]
    [InlineData(new[] { "--help" }, new[] { "serve", "run", "profiles", "--devices", "--clock", "--control-url", "--token" })]
    [InlineData(new[] { "-h" }, new[] { "Usage:" })]
    [InlineData(new[] { "serve", "--help" }, new[] { "--devices", "--profile", "--clock", "--seed", "--control-url", "--device-base-port", "--state-dir", "--ephemeral", "--token", "--fleet", "--dhcp-pool", "--shared-port", "--chaos-seed" })]
    [InlineData(new[] { "run", "--help" }, new[] { "scenario.yaml|DIR", "--junit", "--timeline" })]
    [InlineData(new[] { "profiles", "--help" }, new[] { "list", "show", "validate" })]
    [InlineData(new[] { "profiles", "list", "--help" }, new[] { "Usage:" })]
    [InlineData(new[] { "profiles", "show", "--help" }, new[] { "<ID>" })]
    [InlineData(new[] { "profiles", "validate", "--help" }, new[] { "<PATH>" })]
    public async Task Help_is_available_everywhere(string[] args, string[] mentions)
    {
        var result = await CliHarness.RunAsync(args);

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.Output.Should().Contain("Usage:");
        foreach (var mention in mentions)
        {
            result.Output.Should().Contain(mention);
        }

        result.Error.Should().BeEmpty();
    }

    [Theory]
    [InlineData(new[] { "frobnicate" }, "error: Unrecognized command or argument 'frobnicate' (see 'AxisEmulator --help')")]
    [InlineData(new[] { "--frobnicate" }, "error: Unrecognized command or argument '--frobnicate'")]
    [InlineData(new[] { "serve", "--clock", "fast" }, "error: --clock 'fast' must be realtime, manual or scaled:N")]
    [InlineData(new[] { "serve", "--clock", "scaled:0" }, "error: --clock 'scaled:0' must be")]
    [InlineData(new[] { "serve", "--clock", "scaled:abc" }, "error: --clock 'scaled:abc' must be")]
    [InlineData(new[] { "--clock" }, "error: Required argument missing for option: '--clock'")]
    [InlineData(new[] { "serve", "--devices", "-1" }, "error: --devices '-1' must be a whole number from 0 to 1000")]
    [InlineData(new[] { "--devices", "1001" }, "error: --devices '1001' must be a whole number from 0 to 1000")]
    [InlineData(new[] { "serve", "--devices", "two" }, "error: --devices 'two' must be a whole number")]
    [InlineData(new[] { "serve", "--seed", "abc" }, "error: --seed 'abc' is not a whole number")]
    [InlineData(new[] { "serve", "--device-base-port", "70000" }, "error: --device-base-port '70000' must be a port number")]
    [InlineData(new[] { "serve", "--control-url", "ftp://127.0.0.1:21" }, "error: --control-url 'ftp://127.0.0.1:21' must be an http URL")]
    [InlineData(new[] { "serve", "--control-url", "http://127.0.0.1:8080/api" }, "error: --control-url 'http://127.0.0.1:8080/api' must be only scheme, host and port")]
    [InlineData(new[] { "serve", "--control-url", "not a url" }, "error: --control-url 'not a url' must be an http URL")]
    [InlineData(new[] { "serve", "--state-dir", "x", "--ephemeral" }, "error: --state-dir and --ephemeral contradict each other")]
    [InlineData(new[] { "serve", "--token", " " }, "error: --token must not be empty")]
    [InlineData(new[] { "serve", "extra" }, "error: Unrecognized command or argument 'extra' (see 'AxisEmulator serve --help')")]
    [InlineData(new[] { "serve", "--profile", "NOPE" }, "error: unknown profile 'NOPE'; known: ")]
    [InlineData(new[] { "serve", "--control-url", "http://0.0.0.0:8080" }, "error: --control-url http://0.0.0.0:8080 is not a loopback address")]
    [InlineData(new[] { "--control-url", "http://192.168.1.20:8080" }, "error: --control-url http://192.168.1.20:8080 is not a loopback address")]
    [InlineData(new[] { "serve", "--control-url", "http://[::]:8080" }, "error: --control-url http://[::]:8080 is not a loopback address")]
    [InlineData(new[] { "serve", "--control-url", "http://camera-host:8080" }, "error: --control-url http://camera-host:8080 is not a loopback address")]
    [InlineData(new[] { "serve", "--control-url", "http://localhost.evil.example:8080" }, "error: --control-url http://localhost.evil.example:8080 is not a loopback address")]
    [InlineData(new[] { "serve", "--control-url", "http://[::ffff:10.0.0.1]:8080" }, "error: --control-url http://[::ffff:10.0.0.1]:8080 is not a loopback address")]
    [InlineData(new[] { "serve", "--device-base-port", "65530", "--devices", "10" }, "error: --device-base-port 65530 leaves no room for 10 device listeners")]
    [InlineData(new[] { "run" }, "error: Required argument missing for command: 'run' (see 'AxisEmulator run --help')")]
    [InlineData(new[] { "run", "no-such-scenario.yaml" }, "error: scenario file 'no-such-scenario.yaml' does not exist")]
    [InlineData(new[] { "profiles" }, "error: Required command was not provided")]
    [InlineData(new[] { "profiles", "show" }, "error: Required argument missing for command: 'show'")]
    [InlineData(new[] { "profiles", "show", "NOPE" }, "error: unknown profile 'NOPE'")]
    [InlineData(new[] { "profiles", "list", "extra" }, "error: Unrecognized command or argument 'extra'")]
    [InlineData(new[] { "profiles", "validate", "no-such-dir" }, "error: 'no-such-dir' is neither a profile file nor a directory")]
    public async Task Bad_input_prints_one_clear_line_and_exits_2(string[] args, string message)
    {
        var result = await CliHarness.RunAsync(args);

        result.ExitCode.Should().Be(ExitCodes.InvalidInput, result.ToString());
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith(message);
        result.Error.Should().NotContain("   at ", "no stack trace");
        result.Output.Should().NotContain("Control API listening", "nothing was started");
    }

    [Fact]
    public async Task The_token_message_says_what_to_do()
    {
        var result = await CliHarness.RunAsync("serve", "--control-url", "http://0.0.0.0:9999");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Error.Should().Contain("needs --token TOKEN").And.Contain("Authorization: Bearer TOKEN");
    }

    [Fact]
    public void Serve_defaults_match_DESIGN()
    {
        var settings = ServeCommand.Resolve([], NoConfiguration);

        settings.Should().BeEquivalentTo(new EmulatorSettings());
        settings.Devices.Should().Be(1);
        settings.Profile.Should().Be("P3265-LVE");
        settings.ClockMode.Should().Be(ClockMode.Realtime);
        settings.Seed.Should().Be(0);
        settings.ControlUrl.Should().Be(new Uri("http://127.0.0.1:8080"));
        settings.ControlIsLoopback.Should().BeTrue();
        settings.DeviceBasePort.Should().Be(8081);
        settings.StateDirectory.Should().Be(".axis-emulator");
        settings.Ephemeral.Should().BeFalse();
        settings.Token.Should().BeNull();
        settings.ToControlOptions().TokenEnforced.Should().BeFalse();
    }

    [Fact]
    public void Every_serve_option_is_parsed()
    {
        var settings = ServeCommand.Resolve(
            [
                "--devices", "3", "--profile", "M3086-V", "--clock", "scaled:10", "--seed", "42",
                "--control-url", "http://0.0.0.0:9090", "--token", "s3cret", "--device-base-port", "9001", "--state-dir", "/tmp/axis-state",
            ],
            NoConfiguration);

        settings.Devices.Should().Be(3);
        settings.Profile.Should().Be("M3086-V");
        settings.ClockMode.Should().Be(ClockMode.Scaled);
        settings.ClockScale.Should().Be(10);
        settings.ClockText.Should().Be("scaled:10");
        settings.Seed.Should().Be(42);
        settings.ControlUrl.Should().Be(new Uri("http://0.0.0.0:9090"));
        settings.ControlIsLoopback.Should().BeFalse();
        settings.Token.Should().Be("s3cret");
        settings.ToControlOptions().Should().BeEquivalentTo(new Control.ControlOptions { BearerToken = "s3cret", RequireToken = true });
        settings.DeviceBasePort.Should().Be(9001);
        settings.StateDirectory.Should().Be("/tmp/axis-state");
    }

    [Theory]
    [InlineData("manual", ClockMode.Manual, 1)]
    [InlineData("realtime", ClockMode.Realtime, 1)]
    [InlineData("REALTIME", ClockMode.Realtime, 1)]
    [InlineData("scaled:2.5", ClockMode.Scaled, 2.5)]
    [InlineData("scaled:1000000", ClockMode.Scaled, 1_000_000)]
    public void Clock_modes(string text, ClockMode mode, double scale)
    {
        var settings = ServeCommand.Resolve(["--clock", text], NoConfiguration);

        settings.ClockMode.Should().Be(mode);
        settings.ClockScale.Should().Be(scale);
    }

    [Theory]
    [InlineData("http://127.0.0.1:0", true)]
    [InlineData("http://127.0.0.2:8080", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("http://[::1]:8080", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://10.0.0.5:8080", false)]
    [InlineData("http://emulator.example:8080", false)]
    public void Only_loopback_control_urls_go_without_a_token(string url, bool loopback)
    {
        EmulatorSettings.IsLoopback(new Uri(url)).Should().Be(loopback);
        var withoutToken = () => ServeCommand.Resolve(["--control-url", url], NoConfiguration);
        if (loopback)
        {
            withoutToken.Should().NotThrow();
        }
        else
        {
            withoutToken.Should().Throw<FormatException>().WithMessage("*is not a loopback address*--token*");
            ServeCommand.Resolve(["--control-url", url, "--token", "t"], NoConfiguration).ToControlOptions().RequireToken.Should().BeTrue();
        }
    }

    [Fact]
    public void A_token_on_loopback_is_enforced_too()
    {
        var settings = ServeCommand.Resolve(["--token", "abc"], NoConfiguration);

        settings.ToControlOptions().Should().BeEquivalentTo(new Control.ControlOptions { BearerToken = "abc", RequireToken = false });
        settings.ToControlOptions().TokenEnforced.Should().BeTrue();
    }

    [Fact]
    public void Ephemeral_keeps_no_state_directory()
    {
        var settings = ServeCommand.Resolve(["--ephemeral"], NoConfiguration);

        settings.Ephemeral.Should().BeTrue();
        settings.StateDirectory.Should().BeNull();
        settings.ToEmulatorOptions().StateDirectory.Should().BeNull();
    }

    [Fact]
    public void Zero_devices_and_free_ports_are_allowed()
    {
        var settings = ServeCommand.Resolve(["--devices", "0", "--device-base-port", "0", "--control-url", "http://127.0.0.1:0"], NoConfiguration);

        settings.Devices.Should().Be(0);
        settings.DeviceBasePort.Should().Be(0);
        settings.ControlUrl.Port.Should().Be(0);
    }

    [Fact]
    public void Configuration_keys_give_the_defaults_and_options_override_them()
    {
        var configuration = Configuration(
            ("Emulator:StateDir", "/var/lib/axis-emulator"),
            ("Emulator:Profile", "Q6075-E"),
            ("Emulator:Clock", "scaled:5"),
            ("Emulator:Seed", "7"),
            ("Emulator:Devices", "4"),
            ("Emulator:ControlUrl", "http://0.0.0.0:8080"),
            ("Emulator:DeviceBasePort", "9100"),
            ("Emulator:Token", "from-config"),
            ("Emulator:RuntimeMetrics", "true"));

        var fromConfiguration = ServeCommand.Resolve([], configuration);
        fromConfiguration.StateDirectory.Should().Be("/var/lib/axis-emulator");
        fromConfiguration.Profile.Should().Be("Q6075-E");
        fromConfiguration.ClockText.Should().Be("scaled:5");
        fromConfiguration.Seed.Should().Be(7);
        fromConfiguration.Devices.Should().Be(4);
        fromConfiguration.ControlUrl.Should().Be(new Uri("http://0.0.0.0:8080"));
        fromConfiguration.DeviceBasePort.Should().Be(9100);
        fromConfiguration.Token.Should().Be("from-config");
        fromConfiguration.ToControlOptions().RuntimeMetrics.Should().BeTrue();
        ServeCommand.Resolve([], NoConfiguration).ToControlOptions().RuntimeMetrics.Should().BeFalse("the runtime's meter is opt-in");

        var overridden = ServeCommand.Resolve(["--devices", "2", "--clock", "manual", "--token", "from-cli", "--ephemeral"], configuration);
        overridden.Devices.Should().Be(2);
        overridden.ClockMode.Should().Be(ClockMode.Manual);
        overridden.Token.Should().Be("from-cli");
        overridden.Ephemeral.Should().BeTrue("--ephemeral wins over a configured state directory");
        overridden.Profile.Should().Be("Q6075-E");
    }

    [Theory]
    [InlineData("Emulator:Clock", "sometimes", "Emulator:Clock 'sometimes' must be realtime, manual or scaled:N*")]
    [InlineData("Emulator:Devices", "-3", "Emulator:Devices '-3' must be a whole number from 0 to 1000")]
    [InlineData("Emulator:Seed", "x", "Emulator:Seed 'x' is not a whole number")]
    [InlineData("Emulator:ControlUrl", "https://127.0.0.1:8080", "Emulator:ControlUrl 'https://127.0.0.1:8080' must be an http URL*")]
    [InlineData("Emulator:DeviceBasePort", "-1", "Emulator:DeviceBasePort '-1' must be a port number*")]
    [InlineData("Emulator:Ephemeral", "maybe", "Emulator:Ephemeral 'maybe' must be true or false")]
    [InlineData("Emulator:StateDir", " ", "Emulator:StateDir must name a directory")]
    [InlineData("Emulator:RuntimeMetrics", "yes", "Emulator:RuntimeMetrics 'yes' must be true or false")]
    public void Bad_configuration_names_its_key(string key, string value, string message)
    {
        var resolve = () => ServeCommand.Resolve([], Configuration((key, value)));

        resolve.Should().Throw<FormatException>().WithMessage(message);
    }

    [Fact]
    public void Resolve_reports_bad_options_like_the_command()
    {
        var resolve = () => ServeCommand.Resolve(["--devices", "-1"], NoConfiguration);

        resolve.Should().Throw<FormatException>().WithMessage("--devices '-1' must be a whole number from 0 to 1000");
    }

    [Fact]
    public async Task Version_is_available()
    {
        var result = await CliHarness.RunAsync("--version");

        result.ExitCode.Should().Be(ExitCodes.Success);
        result.Output.Should().NotBeEmpty();
    }
}
