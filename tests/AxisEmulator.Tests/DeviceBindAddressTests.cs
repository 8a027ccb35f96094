using System.Net;
using AxisEmulator.Cli;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Hosting;
using Microsoft.Extensions.Configuration;

namespace AxisEmulator.Tests;

/// <summary><c>serve --device-bind-address</c> and the <c>Emulator:DeviceBindAddress</c> key.</summary>
public class DeviceBindAddressTests
{
    private static readonly IConfiguration NoConfiguration = new ConfigurationBuilder().Build();

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("127.0.0.1")]
    [InlineData("::")]
    [InlineData("192.168.0.90")]
    public void The_option_is_parsed_into_the_listener_layout(string address)
    {
        var settings = ServeCommand.Resolve(["--device-bind-address", address, "--device-base-port", "9000"], NoConfiguration);

        settings.DeviceBindAddress.Should().Be(IPAddress.Parse(address));
        var layout = EmulatorServer.LayoutFor(settings, fleet: null);
        layout.BindAddress.Should().Be(IPAddress.Parse(address));
        layout.BasePort.Should().Be(9000);
        layout.SharedPort.Should().BeNull();
    }

    [Fact]
    public void The_default_is_127_0_0_1_and_the_configuration_key_sets_it()
    {
        ServeCommand.Resolve([], NoConfiguration).ToListenerLayout().BindAddress.Should().BeNull("null binds 127.0.0.1");

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("Emulator:DeviceBindAddress", "0.0.0.0")])
            .Build();
        ServeCommand.Resolve([], configuration).DeviceBindAddress.Should().Be(IPAddress.Any);
        ServeCommand.Resolve(["--device-bind-address", "127.0.0.1"], configuration).DeviceBindAddress.Should().Be(IPAddress.Loopback);
    }

    [Fact]
    public void A_bad_configured_address_names_the_key()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("Emulator:DeviceBindAddress", "everywhere")])
            .Build();

        var resolve = () => ServeCommand.Resolve([], configuration);

        resolve.Should().Throw<FormatException>().WithMessage("Emulator:DeviceBindAddress 'everywhere' must be an IP address*");
    }

    [Fact]
    public void A_configured_address_with_a_shared_port_is_refused()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("Emulator:DeviceBindAddress", "0.0.0.0")])
            .Build();

        var resolve = () => ServeCommand.Resolve(["--shared-port", "8080"], configuration);

        resolve.Should().Throw<FormatException>().WithMessage("--device-bind-address and --shared-port contradict each other*");
    }

    [Fact]
    public void A_fleet_file_with_a_shared_port_does_not_take_a_bind_address()
    {
        var settings = new EmulatorSettings { DeviceBindAddress = IPAddress.Any };
        var fleet = new FleetFile { Source = "fleet.yaml", Listeners = new FleetListeners(BasePort: null, SharedPort: 80) };

        var layout = () => EmulatorServer.LayoutFor(settings, fleet);

        layout.Should().Throw<FormatException>().WithMessage("--device-bind-address 0.0.0.0 does not apply: fleet.yaml gives a shared port*");
    }

    [Theory]
    [InlineData(new[] { "serve", "--device-bind-address", "localhost" }, "error: --device-bind-address 'localhost' must be an IP address")]
    [InlineData(new[] { "serve", "--device-bind-address", "300.1.2.3" }, "error: --device-bind-address '300.1.2.3' must be an IP address")]
    [InlineData(new[] { "serve", "--device-bind-address", "" }, "error: --device-bind-address '' must be an IP address")]
    [InlineData(new[] { "serve", "--device-bind-address", "0.0.0.0", "--shared-port", "8080" }, "error: --device-bind-address and --shared-port contradict each other")]
    public async Task Bad_input_prints_one_clear_line_and_exits_2(string[] args, string message)
    {
        var result = await CliHarness.RunAsync(args);

        result.ExitCode.Should().Be(ExitCodes.InvalidInput, result.ToString());
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith(message);
        result.Output.Should().NotContain("Control API listening", "nothing was started");
    }
}
