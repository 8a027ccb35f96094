using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using AxisEmulator.Contracts;
using AxisEmulator.Testing;
using Xunit.Abstractions;

namespace AxisEmulator.Client.Tests;

/// <summary>
/// The control API answers only once the listeners agree with the devices: against the real
/// emulator process, with every core of the machine kept busy, a TCP connect made right after each
/// control answer reaches the camera exactly when the answer (or, after a clock advance, the next
/// state read) says it listens, and is refused exactly when it says it does not.
/// </summary>
public class ListenerSettleOverHttpTests(ITestOutputHelper output)
{
    private const int Steps = 300;
    private static readonly string[] Devices = ["cam-1", "cam-2", "cam-3"];

    [Fact]
    public async Task A_connect_right_after_each_control_answer_finds_what_the_answer_reported()
    {
        await using var emulator = await ProcessEmulatorFixture.StartAsync(new ProcessEmulatorOptions { Devices = Devices.Length });
        using var control = new HttpClient { BaseAddress = emulator.ControlUrl, Timeout = TimeSpan.FromSeconds(30) };
        using var load = BusyCores.Start(Environment.ProcessorCount);
        var random = new Random(11);
        var mismatches = new List<string>();
        var seen = new Dictionary<bool, int> { [true] = 0, [false] = 0 };
        var worstSettleMs = 0.0;

        // Every camera boots once, so each endpoint (kept across reopenings) is known before the walk.
        (await control.PostAsync("/api/v1/clock/advance", Json("""{"seconds":120}"""))).EnsureSuccessStatusCode();
        var endpoints = new Dictionary<string, Uri>();
        foreach (var id in Devices)
        {
            var network = JsonDocument.Parse(await control.GetStringAsync($"/api/v1/devices/{id}")).RootElement.GetProperty("network");
            endpoints[id] = new Uri(network.GetProperty("endpoint").GetString()!);
        }

        for (var step = 0; step < Steps; step++)
        {
            var device = Devices[random.Next(Devices.Length)];
            var (action, answer) = await ActAsync(control, device, random);
            worstSettleMs = Math.Max(worstSettleMs, SettleMilliseconds(answer));
            var body = await answer.Content.ReadAsStringAsync();
            answer.IsSuccessStatusCode.Should().BeTrue($"{action} on {device} should succeed: {body}");

            // A clock advance answers the clock; the devices' states are read after the connect (nothing moves in manual time meanwhile).
            var reported = body.Contains("\"network\"", StringComparison.Ordinal) ? body : null;
            foreach (var id in reported is null ? Devices : [device])
            {
                var connected = await ConnectsAsync(endpoints[id]);
                var state = reported ?? await control.GetStringAsync($"/api/v1/devices/{id}");
                var network = JsonDocument.Parse(state).RootElement.GetProperty("network");
                var listening = network.GetProperty("listening").GetBoolean();
                var listenerOpen = network.GetProperty("listenerOpen").GetBoolean();
                seen[listening]++;
                if (connected != listening || listenerOpen != listening)
                {
                    mismatches.Add($"step {step}, {action} on {device}: {id} reported listening={listening}, listenerOpen={listenerOpen}; a connect right after {(connected ? "succeeded" : "was refused")}");
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Steps} control calls under load on {Environment.ProcessorCount} busy cores: {seen[true]} listening and {seen[false]} down states checked by a connect, {mismatches.Count} mismatches, worst settle wait {worstSettleMs:0.###} ms"));
        mismatches.Should().BeEmpty($"what the control API reports must be what a client connecting right after finds (emulator output:\n{emulator.Output})");
        seen[true].Should().BeGreaterThan(Steps / 10, "the walk should find listening cameras often");
        seen[false].Should().BeGreaterThan(Steps / 10, "the walk should find cameras down often");
        worstSettleMs.Should().BeLessThan(ControlPlaneSettleBoundMs, "no answer should have waited out the settle bound");
    }

    /// <summary>The control plane's bound on the wait (ControlPlane.SettleBound): an answer that waited this long gave up.</summary>
    private const double ControlPlaneSettleBoundMs = 10_000;

    /// <summary>One control call that can open or close a listener, chosen at random.</summary>
    private static async Task<(string Action, HttpResponseMessage Answer)> ActAsync(HttpClient control, string device, Random random)
    {
        // Weighted towards what brings a camera up, so the walk sees it listening about as often as down.
        var (action, method, path, json) = random.Next(11) switch
        {
            0 => ("power off", HttpMethod.Put, $"/api/v1/devices/{device}/power", """{"on":false}"""),
            1 or 2 => ("power on", HttpMethod.Put, $"/api/v1/devices/{device}/power", """{"on":true}"""),
            3 => ("cable out", HttpMethod.Put, $"/api/v1/devices/{device}/faults", """{"networkLink":false}"""),
            4 or 5 => ("cable in", HttpMethod.Put, $"/api/v1/devices/{device}/faults", """{"networkLink":true}"""),
            6 => ("button press", HttpMethod.Post, $"/api/v1/devices/{device}/button", """{"action":"press"}"""),
            7 => ("button release", HttpMethod.Post, $"/api/v1/devices/{device}/button", """{"action":"release"}"""),
            _ => ("advance", HttpMethod.Post, "/api/v1/clock/advance", string.Create(CultureInfo.InvariantCulture, $$"""{"seconds":{{random.Next(1, 90)}}}""")),
        };
        using var request = new HttpRequestMessage(method, path) { Content = Json(json) };
        return (action, await control.SendAsync(request));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>The wait the answer reports in <c>Server-Timing: settle;dur=…</c>.</summary>
    private static double SettleMilliseconds(HttpResponseMessage answer)
    {
        answer.Headers.TryGetValues("Server-Timing", out var values).Should().BeTrue("every control call that can change a listener reports its settle wait");
        var entry = values!.Single(v => v.StartsWith("settle;", StringComparison.Ordinal));
        entry.Should().NotContain("desc=", "the listeners should have settled within the bound");
        var duration = entry.Split(';').Single(p => p.StartsWith("dur=", StringComparison.Ordinal))[4..];
        return double.Parse(duration, CultureInfo.InvariantCulture);
    }

    /// <summary>True when a TCP connect succeeds, false when it is refused; anything else (a hang) fails the test.</summary>
    private static async Task<bool> ConnectsAsync(Uri endpoint)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(endpoint.Host), endpoint.Port), timeout.Token);
            return true;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return false;
        }
    }

    /// <summary>Threads that spin until disposed, so the emulator competes for every core.</summary>
    private sealed class BusyCores : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Thread[] _threads;

        private BusyCores(int count)
        {
            _threads = [.. Enumerable.Range(0, count).Select(_ => new Thread(Spin) { IsBackground = true })];
            foreach (var thread in _threads)
            {
                thread.Start();
            }
        }

        public static BusyCores Start(int count) => new(count);

        public void Dispose()
        {
            _stop.Cancel();
            foreach (var thread in _threads)
            {
                thread.Join();
            }

            _stop.Dispose();
        }

        private void Spin()
        {
            var x = 0UL;
            while (!_stop.IsCancellationRequested)
            {
                x = (x * 6364136223846793005UL) + 1442695040888963407UL;
            }

            GC.KeepAlive(x);
        }
    }
}
