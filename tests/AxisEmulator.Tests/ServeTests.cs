using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AxisEmulator.Cli;

namespace AxisEmulator.Tests;

/// <summary>
/// <c>serve</c> in-process on ephemeral loopback ports in manual time, driven over real HTTP, then
/// stopped through the cancellation token (what Ctrl+C does through the host).
/// </summary>
public partial class ServeTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Serve_on_ephemeral_ports_answers_health_and_devices_and_serves_VAPIX()
    {
        await using var server = await RunningServer.StartAsync("serve", "--control-url", "http://127.0.0.1:0", "--device-base-port", "0", "--clock", "manual", "--ephemeral", "--devices", "2", "--seed", "5");
        using var http = new HttpClient { BaseAddress = server.ControlUrl };

        var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        health.StatusCode.Should().Be(HttpStatusCode.OK);
        (await health.Content.ReadAsStringAsync()).Should().Contain("healthy");

        using (var devices = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/v1/devices", UriKind.Relative))))
        {
            devices.RootElement.EnumerateArray().Select(d => d.GetProperty("id").GetString()).Should().Equal("cam-1", "cam-2");
            devices.RootElement[0].GetProperty("profile").GetString().Should().Be("P3265-LVE");
            devices.RootElement[0].GetProperty("power").GetProperty("on").GetBoolean().Should().BeTrue();
        }

        server.Output.Should().Contain("The clock is manual");
        server.Output.Should().Contain("ephemeral (no state kept)").And.Contain("seed 5");

        // Manual time: the cameras boot only when asked; then each one's VAPIX listener opens.
        var advance = await http.PostAsync(new Uri("/api/v1/clock/advance", UriKind.Relative), Json("""{"seconds": 150}"""));
        advance.StatusCode.Should().Be(HttpStatusCode.OK, await advance.Content.ReadAsStringAsync());
        var endpoint = await WaitForEndpointAsync(http, "cam-1");
        using var device = new HttpClient { BaseAddress = endpoint };
        var systemReady = await device.PostAsync(new Uri("/axis-cgi/systemready.cgi", UriKind.Relative), Json("""{"apiVersion":"1.0","method":"systemready"}"""));
        systemReady.StatusCode.Should().Be(HttpStatusCode.OK);
        (await systemReady.Content.ReadAsStringAsync()).Should().Contain("\"systemready\": \"yes\"");

        var exitCode = await server.StopAsync();
        exitCode.Should().Be(ExitCodes.Success, server.ToString());
        server.Output.Should().Contain("Stopped at simulated 2026-01-01T00:02:30");
        var refused = async () => await new HttpClient().GetAsync(new Uri(server.ControlUrl, "/healthz"));
        await refused.Should().ThrowAsync<HttpRequestException>("the control plane has closed");
    }

    [Fact]
    public async Task A_token_guards_the_API_but_not_healthz()
    {
        await using var server = await RunningServer.StartAsync("serve", "--control-url", "http://127.0.0.1:0", "--device-base-port", "0", "--clock", "manual", "--ephemeral", "--devices", "0", "--token", "s3cret");
        using var http = new HttpClient { BaseAddress = server.ControlUrl };

        (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await http.GetAsync(new Uri("/api/v1/devices", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/devices", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
        var authorized = await http.SendAsync(request);
        authorized.StatusCode.Should().Be(HttpStatusCode.OK);
        (await authorized.Content.ReadAsStringAsync()).Should().Be("[]");
        server.Output.Should().Contain("bearer token required on /api");

        (await server.StopAsync()).Should().Be(ExitCodes.Success);
    }

    [Fact]
    public async Task A_control_port_in_use_is_one_error_line_and_exit_2()
    {
        using var blocker = new TcpListener(IPAddress.Loopback, 0);
        blocker.Start();
        var port = ((IPEndPoint)blocker.LocalEndpoint).Port;

        var result = await CliHarness.RunAsync("serve", "--control-url", $"http://127.0.0.1:{port}", "--device-base-port", "0", "--clock", "manual", "--ephemeral");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput, result.ToString());
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith("error: ").And.Contain(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        result.Error.Should().NotContain("   at ");
    }

    [Fact]
    public async Task A_device_https_port_in_use_is_one_error_line_at_start_naming_the_option()
    {
        using var blocker = new TcpListener(IPAddress.Loopback, 0);
        blocker.Start();
        var port = ((IPEndPoint)blocker.LocalEndpoint).Port;

        var result = await CliHarness.RunAsync("serve", "--control-url", "http://127.0.0.1:0", "--device-base-port", "0", "--device-https-base-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--clock", "manual", "--ephemeral");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput, result.ToString());
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith($"error: HTTPS port {port} of device 1 (--device-https-base-port {port}) cannot be bound on 127.0.0.1");
        result.Error.Should().NotContain("   at ");
    }

    [Fact]
    public async Task A_corrupt_state_file_is_one_error_line_and_is_kept()
    {
        using var state = new TempDirectory();
        var file = state.Write("cam-1.json", "{not json");

        var result = await CliHarness.RunAsync("serve", "--control-url", "http://127.0.0.1:0", "--device-base-port", "0", "--clock", "manual", "--state-dir", state.Path);

        result.ExitCode.Should().Be(ExitCodes.InvalidInput, result.ToString());
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith($"error: {file}: stored configuration is not valid");
        File.ReadAllText(file).Should().Be("{not json", "stored config is never lost");
    }

    [Fact]
    public async Task State_survives_a_restart_in_the_state_directory()
    {
        using var state = new TempDirectory();
        string serial;
        await using (var first = await RunningServer.StartAsync("serve", "--control-url", "http://127.0.0.1:0", "--device-base-port", "0", "--clock", "manual", "--state-dir", state.Path, "--seed", "1"))
        {
            serial = SerialOf(first.Output, "cam-1");
            (await first.StopAsync()).Should().Be(ExitCodes.Success);
        }

        File.Exists(Path.Combine(state.Path, "cam-1.json")).Should().BeTrue();
        await using var second = await RunningServer.StartAsync("serve", "--control-url", "http://127.0.0.1:0", "--device-base-port", "0", "--clock", "manual", "--state-dir", state.Path, "--seed", "2");
        SerialOf(second.Output, "cam-1").Should().Be(serial, "the stored configuration (and serial) comes back");
        (await second.StopAsync()).Should().Be(ExitCodes.Success);
    }

    [Fact]
    public async Task Serve_a_fleet_file_lists_its_devices()
    {
        using var directory = new TempDirectory();
        var fleet = directory.Write("fleet.yaml", """
            dhcp: { pool: 192.168.0.100-192.168.0.199 }
            groups:
              - profile: P3265-LVE
                count: 2
                idPrefix: lobby
              - profile: M3086-V
                count: 1
                idPrefix: garage
                power: off
            """);
        await using var server = await RunningServer.StartAsync("serve", "--fleet", fleet, "--control-url", "http://127.0.0.1:0", "--device-base-port", "0", "--clock", "manual", "--ephemeral");
        using var http = new HttpClient { BaseAddress = server.ControlUrl };

        using (var devices = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/v1/devices", UriKind.Relative))))
        {
            devices.RootElement.EnumerateArray().Select(d => d.GetProperty("id").GetString()).Should().Equal("lobby-1", "lobby-2", "garage-1");
            devices.RootElement[2].GetProperty("profile").GetString().Should().Be("M3086-V");
            devices.RootElement[0].GetProperty("power").GetProperty("on").GetBoolean().Should().BeTrue();
            devices.RootElement[2].GetProperty("power").GetProperty("on").GetBoolean().Should().BeFalse("the group's power is off");
        }

        server.Output.Should().Contain("  lobby-1: P3265-LVE").And.Contain("  garage-1: M3086-V").And.NotContain("Chaos plan");
        (await http.GetAsync(new Uri("/api/v1/chaos", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound, "no chaos was asked for");
        (await server.StopAsync()).Should().Be(ExitCodes.Success, server.ToString());
    }

    [Fact]
    public async Task Chaos_seed_starts_a_plan_and_prints_it_for_replay()
    {
        await using var server = await RunningServer.StartAsync("serve", "--devices", "3", "--chaos-seed", "7", "--control-url", "http://127.0.0.1:0", "--device-base-port", "0", "--clock", "manual", "--ephemeral");
        using var http = new HttpClient { BaseAddress = server.ControlUrl };

        var response = await http.GetAsync(new Uri("/api/v1/chaos", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var chaos = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        chaos.RootElement.GetProperty("options").GetProperty("seed").GetInt32().Should().Be(7);
        chaos.RootElement.GetProperty("deviceCount").GetInt32().Should().Be(3);
        chaos.RootElement.GetProperty("actions").GetArrayLength().Should().BeGreaterThan(0, "the default rates are moderate, not zero");
        var text = chaos.RootElement.GetProperty("text").GetString()!;
        text.Should().StartWith(Core.Chaos.ChaosPlan.TextHeader);

        server.Output.Should().Contain("Chaos plan started (seed 7").And.Contain("--chaos-seed 7").And.Contain("POST /api/v1/chaos {\"seed\":7,");
        server.Output.Replace("\r\n", "\n", StringComparison.Ordinal).Should().Contain(text, "the printed plan is the one running");
        (await server.StopAsync()).Should().Be(ExitCodes.Success, server.ToString());
    }

    private static string SerialOf(string output, string device) =>
        Regex.Match(output, $@"  {device}: [^,]+, serial ([0-9A-F]{{12}})").Groups[1].Value;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<Uri> WaitForEndpointAsync(HttpClient http, string id)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            using var state = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/v1/devices/{id}", UriKind.Relative)));
            var network = state.RootElement.GetProperty("network");
            if (network.GetProperty("listening").GetBoolean()
                && network.TryGetProperty("endpoint", out var endpoint) && endpoint.ValueKind == JsonValueKind.String)
            {
                var uri = new Uri(endpoint.GetString()!);
                try
                {
                    using var probe = new TcpClient();
                    await probe.ConnectAsync(uri.Host, uri.Port);
                    return uri;
                }
                catch (SocketException)
                {
                    // Reported before the socket opened: look again.
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{id} never reported an open VAPIX endpoint");
    }

    /// <summary>The CLI's serve running on a background task, with its output captured.</summary>
    private sealed partial class RunningServer : IAsyncDisposable
    {
        private readonly StringWriter _output = new();
        private readonly StringWriter _error = new();
        private readonly CancellationTokenSource _stop = new();
        private Task<int>? _run;

        public Uri ControlUrl { get; private set; } = null!;

        public string Output
        {
            get { lock (_output) { return _output.ToString(); } }
        }

        public string Error
        {
            get { lock (_error) { return _error.ToString(); } }
        }

        public static async Task<RunningServer> StartAsync(params string[] args)
        {
            var server = new RunningServer();
            var output = TextWriter.Synchronized(new LockedWriter(server._output));
            var error = TextWriter.Synchronized(new LockedWriter(server._error));
            server._run = Task.Run(() => EmulatorCli.InvokeAsync(args, output, error, server._stop.Token));
            var deadline = DateTime.UtcNow + StartTimeout;
            while (DateTime.UtcNow < deadline)
            {
                if (ListeningLine().Match(server.Output) is { Success: true } match)
                {
                    server.ControlUrl = new Uri(match.Groups[1].Value);
                    return server;
                }

                if (server._run.IsCompleted)
                {
                    throw new InvalidOperationException($"serve ended early with {await server._run}: {server}");
                }

                await Task.Delay(20);
            }

            await server.DisposeAsync();
            throw new TimeoutException($"serve did not report its URL in {StartTimeout}: {server}");
        }

        public async Task<int> StopAsync()
        {
            await _stop.CancelAsync();
            return await _run!.WaitAsync(TimeSpan.FromSeconds(30));
        }

        public async ValueTask DisposeAsync()
        {
            if (_run is { IsCompleted: false })
            {
                await StopAsync();
            }

            _stop.Dispose();
            _output.Dispose();
            _error.Dispose();
        }

        public override string ToString() => $"--- output ---\n{Output}\n--- error ---\n{Error}";

        [GeneratedRegex(@"Control API listening on (http://127\.0\.0\.1:[1-9][0-9]*)")]
        private static partial Regex ListeningLine();

        /// <summary>Writes under the same lock the test reads with.</summary>
        private sealed class LockedWriter(StringWriter inner) : TextWriter
        {
            public override Encoding Encoding => inner.Encoding;

            public override void Write(char value)
            {
                lock (inner)
                {
                    inner.Write(value);
                }
            }

            public override void Write(string? value)
            {
                lock (inner)
                {
                    inner.Write(value);
                }
            }
        }
    }
}
