using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace AxisEmulator.Tests;

/// <summary><c>serve</c>'s unicast WS-Discovery: each device's UDP port, in its state and the banner, answering a real probe.</summary>
public partial class ServeTests
{
    [Fact]
    public async Task Serve_answers_a_Python_WS_Discovery_probe_on_each_devices_port_from_its_state()
    {
        await using var server = await RunningServer.StartAsync("serve", "--control-url", "http://127.0.0.1:0", "--device-base-port", "0", "--clock", "manual", "--ephemeral", "--devices", "2", "--seed", "5");
        using var http = new HttpClient { BaseAddress = server.ControlUrl };
        (await http.PostAsync(new Uri("/api/v1/clock/advance", UriKind.Relative), Json("""{"seconds": 150}"""))).EnsureSuccessStatusCode();

        foreach (var id in new[] { "cam-1", "cam-2" })
        {
            var endpoint = await WaitForEndpointAsync(http, id);
            using var state = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/v1/devices/{id}", UriKind.Relative)));
            var port = state.RootElement.GetProperty("network").GetProperty("wsDiscoveryPort").GetInt32();
            var serial = state.RootElement.GetProperty("serial").GetString()!;

            var probe = await RunToolAsync("/usr/bin/python3", WsDiscoveryProbe.Arguments("127.0.0.1", port, 1, TimeSpan.FromSeconds(10)));

            var (messageId, answers) = WsDiscoveryProbe.Read(probe);
            var match = answers.Should().ContainSingle().Subject;
            match.Action.Should().Be("ProbeMatches");
            match.RelatesTo.Should().Be(messageId);
            match.XAddrs.Should().Equal(new Uri(endpoint, "/onvif/device_service").ToString());
            match.Scopes.Should().Contain("onvif://www.onvif.org/hardware/P3265-LVE").And.Contain("onvif://www.onvif.org/Profile/Streaming");
            match.Endpoint.Should().Be(Vapix.Onvif.Discovery.DiscoverableDevice.EndpointOf(serial));
        }

        (await server.StopAsync()).Should().Be(Cli.ExitCodes.Success, server.ToString());
    }

    [Fact]
    public async Task The_WS_Discovery_base_port_puts_device_n_on_port_plus_n_minus_1_and_the_banner_says_so()
    {
        var basePort = FreeUdpPort();
        await using var server = await RunningServer.StartAsync("serve", "--control-url", "http://127.0.0.1:0", "--device-base-port", "0", "--device-wsd-base-port", basePort.ToString(CultureInfo.InvariantCulture), "--clock", "manual", "--ephemeral", "--devices", "2");
        using var http = new HttpClient { BaseAddress = server.ControlUrl };

        server.Output.Should().Contain($"WS-Discovery udp/{basePort})").And.Contain($"WS-Discovery udp/{basePort + 1})");
        (await http.PostAsync(new Uri("/api/v1/clock/advance", UriKind.Relative), Json("""{"seconds": 150}"""))).EnsureSuccessStatusCode();
        await WaitForEndpointAsync(http, "cam-2");

        var probe = await RunToolAsync("/usr/bin/python3", WsDiscoveryProbe.Arguments("127.0.0.1", basePort + 1, 1, TimeSpan.FromSeconds(10)));

        WsDiscoveryProbe.Read(probe).Answers.Should().ContainSingle().Which.Action.Should().Be("ProbeMatches");
        using var state = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/v1/devices/cam-2", UriKind.Relative)));
        state.RootElement.GetProperty("network").GetProperty("wsDiscoveryPort").GetInt32().Should().Be(basePort + 1);
        (await server.StopAsync()).Should().Be(Cli.ExitCodes.Success, server.ToString());
    }

    /// <summary>A UDP port free now, with the next one free too (the range of two devices).</summary>
    private static int FreeUdpPort()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var first = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)first.Client.LocalEndPoint!).Port;
            try
            {
                using var second = new UdpClient(new IPEndPoint(IPAddress.Loopback, port + 1));
                return port;
            }
            catch (SocketException)
            {
                // the next one is taken: try another pair
            }
        }

        throw new InvalidOperationException("no two adjacent free UDP ports on loopback");
    }
}
