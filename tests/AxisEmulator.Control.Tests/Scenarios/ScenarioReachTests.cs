using AxisEmulator.Control.Scenarios;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Fleet;
using static AxisEmulator.Control.Tests.Scenarios.ScenarioFixtures;

namespace AxisEmulator.Control.Tests.Scenarios;

/// <summary>
/// A scenario file reaches only its own devices' listeners: a <c>vapix</c> step names a path, never a
/// host, port or URL (README, "Exposure").
/// </summary>
public class ScenarioReachTests
{
    private static string Vapix(string fields) => $"name: x\nrequires: [vapix]\nsteps:\n  - vapix: {{ {fields} }}\n";

    [Theory]
    [InlineData("//203.0.113.7/axis-cgi/param.cgi")]
    [InlineData("//localhost:9/x")]
    [InlineData("/\\203.0.113.7/x")]
    public void A_path_that_names_another_host_is_an_error_at_its_line(string path)
    {
        Errors(Vapix($"path: '{path}'")).Should().Equal(
            $"test.yaml:4: 'vapix.path' must start with a single '/' (a path on the device), got '{path}': '//' would name another host");
    }

    [Theory]
    [InlineData("url: 'http://203.0.113.7/axis-cgi/x.cgi'", "url")]
    [InlineData("host: 203.0.113.7, path: /x", "host")]
    [InlineData("port: 80, path: /x", "port")]
    public void A_vapix_step_has_no_host_port_or_url(string fields, string key)
    {
        Errors(Vapix(fields)).Should().Contain(e => e.StartsWith("test.yaml:4: unknown key '" + key + "'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_client_refuses_a_target_off_the_devices_listener_without_connecting()
    {
        using var emulator = new Emulator(new EmulatorOptions { ClockMode = ClockMode.Manual }, Profiles);
        var camera = emulator.AddDevice("P3265-LVE", "cam-1");
        var client = new HttpScenarioVapixClient(new OneEndpoint(new Uri("http://127.0.0.1:9/")), emulator.Clock.Wall);

        var send = () => client.SendAsync(camera, new ScenarioVapixRequest("GET", "//203.0.113.7/axis-cgi/param.cgi", null, null, null, null), CancellationToken.None);

        (await send.Should().ThrowAsync<ArgumentException>()).WithMessage("*203.0.113.7*not to cam-1's listener http://127.0.0.1:9*");
    }

    private sealed class OneEndpoint(Uri endpoint) : IDeviceEndpoints
    {
        public Uri? EndpointOf(string deviceId) => endpoint;

        public bool IsOpen(string deviceId) => true;

        public Task SettledAsync(string deviceId) => Task.CompletedTask;

        public Task SettledAsync() => Task.CompletedTask;
    }
}
