using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using AxisEmulator.Core.Devices;
using AxisEmulator.Vapix.Tests.Server;
using Xunit.Abstractions;

namespace AxisEmulator.Vapix.Tests.Hostile;

/// <summary>
/// The standing hostile-input run (issue 17, part 1, the bounded CI form): ten thousand seeded hostile
/// requests over raw sockets to every route of <see cref="WhoGetsInTests.Routes"/>, with two hundred idle
/// connections held open throughout. No answer is a 5xx, every answer is in its layer's format, the
/// devices keep serving during and after, and their stored configuration does not change.
/// </summary>
public class HostileInputTests(ITestOutputHelper output)
{
    private const int Requests = 10_000;
    private const int IdleConnections = 200;
    private const int Workers = 8;

    [Fact]
    public async Task Ten_thousand_hostile_requests_get_no_5xx_and_change_nothing()
    {
        await using var h = new ServerHarness();
        var routes = WhoGetsInTests.Routes.Select(row => (Profile: (string)row[0], Method: (string)row[1], Target: (string)row[2], Body: (string?)row[3])).ToList();
        var devices = new Dictionary<string, Device>();
        foreach (var profile in routes.Select(r => r.Profile).Distinct())
        {
            devices[profile] = await h.ReadyDeviceAsync(profile);
        }

        var before = devices.ToDictionary(d => d.Key, d => ServerHarness.StoredConfig(d.Value));
        var generator = new HostileRequests(seed: 17);
        var queue = new ConcurrentQueue<HostileRequest>(Enumerable.Range(0, Requests).Select(i =>
        {
            var route = routes[i % routes.Count];
            var endpoint = h.Endpoint(devices[route.Profile]);
            return generator.Next(route.Profile, route.Method, route.Target, route.Body, $"{endpoint.Host}:{endpoint.Port}");
        }));
        var idle = await OpenIdleAsync(h.Endpoint(devices["P3245-LVE"]));
        var rssBefore = Environment.WorkingSet;
        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<string, int>();
        var answered = 0;
        var normal = 0;
        var stopwatch = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async worker =>
        {
            var sent = 0;
            while (queue.TryDequeue(out var request))
            {
                var response = await SendAsync(h.Endpoint(devices[request.Profile]), request.Bytes);
                statuses.AddOrUpdate($"{request.Category}:{response?.Status}", 1, (_, n) => n + 1);
                var verdict = Judge(request, response);
                if (verdict is null)
                {
                    Interlocked.Increment(ref answered);
                }
                else
                {
                    failures.Add(verdict);
                }

                if (++sent % 250 == 0)
                {
                    await ShouldStillServe(h, devices[request.Profile]);
                    Interlocked.Increment(ref normal);
                }
            }
        }));

        stopwatch.Stop();
        foreach (var device in devices.Values)
        {
            await ShouldStillServe(h, device);
        }

        var rssAfter = Environment.WorkingSet;
        foreach (var socket in idle)
        {
            socket.Dispose();
        }

        output.WriteLine($"hostile: requests={Requests} answered={answered} failures={failures.Count} 5xx={failures.Count(f => f.StartsWith('5'))} kestrel-505={statuses.GetValueOrDefault("request-line:505")} crashes=0 "
            + $"idle={IdleConnections} normal-during={normal} rss-before={rssBefore / 1048576}MiB rss-after={rssAfter / 1048576}MiB elapsed={stopwatch.Elapsed.TotalSeconds:F1}s");
        output.WriteLine(string.Join(" ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}")));
        foreach (var kind in failures.GroupBy(f => f.Split(':')[0]).OrderByDescending(g => g.Count()).Take(30))
        {
            output.WriteLine($"{kind.Count()} x {kind.First()}");
        }

        failures.Distinct().Take(20).Should().BeEmpty();
        devices.ToDictionary(d => d.Key, d => ServerHarness.StoredConfig(d.Value)).Should().BeEquivalentTo(before);
        devices.Values.Should().OnlyContain(d => d.Phase == DevicePhase.Ready);
    }

    /// <summary>Why an answer is wrong, or null: no 5xx, and a JSON or SOAP answer must be well-formed JSON (or empty) or a SOAP envelope.</summary>
    private static string? Judge(HostileRequest request, RawResponse? response)
    {
        var where = $"[{request.Category}] {request.Profile} {request.Route}";
        if (response is null)
        {
            return $"no answer {where}";
        }

        if (response.Status == 505 && request.Category == "request-line")
        {
            return null; // Kestrel refuses an HTTP/9.9 request line itself, before the device's code (an open divergence: see bench/README.md)
        }

        if (request.Category == "oversized-header" && response.Status != 400)
        {
            return $"not Apache's 400: {response.Status} {where}";
        }

        if (response.Status >= 500)
        {
            return $"{response.Status} {where}: {response.Body[..Math.Min(200, response.Body.Length)]}";
        }

        var type = response.ContentType ?? "";
        if (type.Contains("json", StringComparison.Ordinal) && response.Body.Length > 0 && !IsJson(response.Body)) // a JSON CGI's 401 is empty, as captured
        {
            return $"json? {response.Status} {where}: {response.Body[..Math.Min(200, response.Body.Length)]}";
        }

        return type.Contains("soap", StringComparison.Ordinal) && !response.Body.Contains("Envelope", StringComparison.Ordinal)
            ? $"soap? {response.Status} {where}"
            : null;
    }

    private static bool IsJson(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Sends the bytes as they are and reads the answer to the server's close; null when the server closes without one.</summary>
    private static async Task<RawResponse?> SendAsync(Uri endpoint, byte[] bytes)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endpoint.Host, endpoint.Port);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        using var received = new MemoryStream();
        try
        {
            await stream.WriteAsync(bytes);
        }
        catch (IOException)
        {
            // The server may answer and close before a huge request is fully written; the answer is still there to read.
        }

        try
        {
            await stream.CopyToAsync(received).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (IOException)
        {
            // A reset after the answer (the server discarding the unread rest) leaves what was read.
        }

        return received.Length == 0 ? null : RawResponse.Parse(received.ToArray());
    }

    private static async Task<List<Socket>> OpenIdleAsync(Uri endpoint)
    {
        var sockets = new List<Socket>();
        for (var i = 0; i < IdleConnections; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(endpoint.Host, endpoint.Port);
            sockets.Add(socket);
        }

        return sockets;
    }

    private static async Task ShouldStillServe(ServerHarness h, Device camera)
    {
        using var client = h.Client(camera, user: null);
        using var response = await client.PostAsync("/axis-cgi/systemready.cgi", ServerHarness.Json("""{"apiVersion":"1","method":"systemready"}"""));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"systemready\"");
    }
}
