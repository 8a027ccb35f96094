using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace AxisEmulator.Control.Tests.Hostile;

/// <summary>
/// The control API's hostile-input run (issue 17, part 1, the bounded CI form): ten thousand seeded
/// hostile requests over raw sockets to every <c>/api/*</c> operation of the OpenAPI document, on
/// Kestrel with the control port's own limits — broken, 10,000-level, huge and wrong-typed JSON,
/// wrong content types, bad ids and query values, wrong methods. No answer is a 5xx, every error is
/// a problem (<c>application/problem+json</c>), the emulator keeps serving, and nothing it stores changes.
/// </summary>
public class ControlHostileInputTests(ITestOutputHelper output)
{
    private const int Requests = 10_000;
    private const int Workers = 8;
    private static readonly string[] DeviceIds = ["cam-1", "cam-2"];

    [Fact]
    public async Task Ten_thousand_hostile_control_requests_get_problems_and_change_nothing()
    {
        await using var host = await EmulatorTestHost.StartAsync(new EmulatorTestHostOptions { Kestrel = true });
        foreach (var id in DeviceIds)
        {
            using var created = await host.Client.PostAsync("/api/v1/devices", Json("{\"id\":\"" + id + "\",\"power\":{\"on\":true}}"));
            created.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        using (var settled = await host.Client.PostAsync("/api/v1/clock/advance", Json("""{"untilIdle":true}""")))
        {
            settled.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // The device certificate is made (and stored) on first use: make it before the snapshot.
        (await host.Client.GetAsync("/api/v1/devices/cam-1/certificate")).Dispose();
        var before = await SnapshotAsync(host);
        var routes = ControlRoute.All();
        routes.Should().HaveCountGreaterThan(20).And.Contain(r => r.Path == "/api/v1/scenarios/run");
        var endpoint = host.BaseAddress;
        var generator = new ControlHostileRequests(seed: 17, deviceId: DeviceIds[0]);
        var queue = new ConcurrentQueue<ControlHostileRequest>(Enumerable.Range(0, Requests).Select(i => generator.Next(routes[i % routes.Count], endpoint.Authority)));
        var rssBefore = Process.GetCurrentProcess().WorkingSet64;
        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<string, int>();
        var normal = 0;
        var kestrelBare = 0;
        var stopwatch = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async _ =>
        {
            var sent = 0;
            while (queue.TryDequeue(out var request))
            {
                var answer = await RawHttp.SendAsync(endpoint.Host, endpoint.Port, request.Bytes);
                statuses.AddOrUpdate($"{request.Category}:{answer?.Status}", 1, (_, n) => n + 1);
                if (answer is { Status: 400, Body.Length: 0 })
                {
                    Interlocked.Increment(ref kestrelBare);
                }

                if (Judge(request, answer) is { } failure)
                {
                    failures.Add(failure);
                }

                if (++sent % 250 == 0)
                {
                    if (await ServesAsync(host) is { } down)
                    {
                        failures.Add($"[normal] after {request.Category} {request.Route.Method} {Shorten(request.Target)}: {down}");
                    }

                    Interlocked.Increment(ref normal);
                }
            }
        }));

        stopwatch.Stop();
        if (await ServesAsync(host) is { } downAfter)
        {
            failures.Add($"[normal] after the run: {downAfter}");
        }

        var rssAfter = Process.GetCurrentProcess().WorkingSet64;
        var after = await SnapshotAsync(host);

        var fiveHundreds = statuses.Where(s => s.Key.Split(':')[1].StartsWith('5')).Sum(s => s.Value);
        output.WriteLine($"control-hostile: requests={Requests} routes={routes.Count} failures={failures.Count} 5xx={fiveHundreds} kestrel-bare-400={kestrelBare} crashes=0 normal-during={normal} "
            + $"rss-before={rssBefore / 1048576}MiB rss-after={rssAfter / 1048576}MiB elapsed={stopwatch.Elapsed.TotalSeconds:F1}s");
        output.WriteLine(string.Join(" ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}")));
        foreach (var kind in failures.GroupBy(f => f[..f.IndexOf(']', StringComparison.Ordinal)]).OrderByDescending(g => g.Count()).Take(30))
        {
            output.WriteLine($"{kind.Count()} x {kind.First()}");
        }

        failures.Distinct().Take(20).Should().BeEmpty();
        after.Should().BeEquivalentTo(before, "no hostile request may change what the emulator stores");
    }

    /// <summary>Why an answer is wrong, or null: no 5xx, every error a problem with its status and a detail, every success JSON or an event stream.</summary>
    private static string? Judge(ControlHostileRequest request, RawHttpAnswer? answer)
    {
        var where = $"[{request.Category}] {request.Route.Method} {request.Route.Path} as {Shorten(request.Target)}";
        if (answer is null)
        {
            return $"{where}: no answer";
        }

        if (answer.Status < 300 && request.Route.Method == "DELETE" && request.Route.HasId && !request.Target.Contains(ControlHostileRequests.UnknownId, StringComparison.Ordinal))
        {
            return $"{where}: a hostile delete of a real device succeeded ({answer.Status})";
        }

        var type = answer.ContentType ?? "";
        if (answer.Status == 400 && answer.Body.Length == 0 && request.Target.Contains("%00", StringComparison.Ordinal) && !request.Target.Contains('?', StringComparison.Ordinal))
        {
            return null; // Kestrel refuses a NUL in the path itself, before any middleware (an open divergence: see bench/README.md)
        }

        if (answer.Status >= 500 || (answer.Status >= 400 && !type.StartsWith("application/problem+json", StringComparison.Ordinal)))
        {
            return $"{where}: {answer.Status} {type} {Shorten(answer.Body)}";
        }

        if (answer.Status >= 400)
        {
            try
            {
                var problem = JsonNode.Parse(answer.Body)!;
                if (problem["status"]?.GetValue<int>() != answer.Status || string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()))
                {
                    return $"{where}: problem without its status or a detail: {Shorten(answer.Body)}";
                }
            }
            catch (JsonException)
            {
                return $"{where}: problem that is not JSON: {Shorten(answer.Body)}";
            }

            return null;
        }

        return type.StartsWith("application/json", StringComparison.Ordinal) || type.StartsWith("text/event-stream", StringComparison.Ordinal)
            || type.StartsWith("application/x-pem-file", StringComparison.Ordinal) || answer.Status == 204
            ? null
            : $"{where}: success that is not JSON: {answer.Status} {type}";
    }

    /// <summary>What must not change: each device's stored configuration and state, the device list and the clock.</summary>
    private static async Task<Dictionary<string, string>> SnapshotAsync(EmulatorTestHost host)
    {
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in DeviceIds)
        {
            var present = host.Emulator.TryGet(id, out var device) && device is not null;
            snapshot["config:" + id] = present ? device!.ReadConfig(c => JsonSerializer.Serialize(c)) : "absent";
            snapshot["phase:" + id] = present ? device!.Phase.ToString() : "absent";
        }

        var devices = JsonNode.Parse(await host.Client.GetStringAsync("/api/v1/devices"))!.AsArray();
        snapshot["devices"] = string.Join(",", devices.Select(d => d!["id"]!.GetValue<string>()));
        var clock = JsonNode.Parse(await host.Client.GetStringAsync("/api/v1/clock"))!;
        snapshot["clock"] = $"{clock["mode"]} {clock["now"]}";
        using var chaos = await host.Client.GetAsync("/api/v1/chaos");
        snapshot["chaos"] = chaos.IsSuccessStatusCode ? await chaos.Content.ReadAsStringAsync() : $"{(int)chaos.StatusCode}"; // a problem carries a fresh traceId
        return snapshot;
    }

    /// <summary>Null when a normal request is answered as before (the device, ready); else what was wrong.</summary>
    private static async Task<string?> ServesAsync(EmulatorTestHost host)
    {
        using var response = await host.Client.GetAsync("/api/v1/devices/cam-1");
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK && JsonNode.Parse(body)!["phase"]?.GetValue<string>() == "ready"
            ? null
            : $"{(int)response.StatusCode} {Shorten(body)}";
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
