using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace AxisEmulator.LoadTest.Soak;

/// <summary>A soak: how many devices, for how long, how many pollers, how fast the clock runs.</summary>
internal sealed record SoakOptions(string Dll, int Devices = 1000, double Seconds = 600, int Pollers = 50, double Scale = 20, int Seed = 1, int RssLimitMib = 2048, IReadOnlyDictionary<string, string>? Environment = null, string? LogFile = null);

/// <summary>What a soak measured; <see cref="GoalsMet"/> when every goal of issue 17 part 4 is.</summary>
internal sealed record SoakFigures(SoakSummary Polls, int ChaosActions, IReadOnlyList<long> RssSamples, bool RssBounded, bool Healthy, TimeSpan Ran)
{
    public bool GoalsMet => Polls.Unexpected == 0 && Polls.SequenceFaults == 0 && RssBounded && Healthy;
}

/// <summary>
/// Issue 17 part 4: a fleet under a seeded chaos plan (reboots, brown-outs, network losses, mushy
/// buttons; no bricks, they never come back) while <see cref="SoakPoller"/>s use VAPIX and the
/// control API as monitoring and reset tools do; RSS sampled; at the end the plan is stopped and
/// every device must be ready and answering again.
/// </summary>
internal static class SoakRun
{
    public static async Task<SoakFigures> RunAsync(SoakOptions options, Action<string> log)
    {
        await using var emulator = await EmulatorProcess.StartAsync(options.Dll, ["--devices", Text($"{options.Devices}"), "--clock", Text($"scaled:{options.Scale}"), "--seed", Text($"{options.Seed}")], options.Environment, options.LogFile);
        var startup = Stopwatch.StartNew();
        var devices = await Fleet.WaitAllListeningAsync(emulator, options.Devices, TimeSpan.FromSeconds(300));
        var endpoints = devices.Select(Vapix.EndpointOf).ToArray();
        await Fleet.CreateAdminsAsync(endpoints, parallel: 32);
        log(Text($"{options.Devices} devices ready, listening and with an admin {startup.Elapsed.TotalSeconds:F1} s after start-up"));

        var actions = await StartChaosAsync(emulator, options, log);
        var rss = new List<long> { emulator.ResidentBytes() };
        using var poller = new SoakPoller(emulator, [.. devices.Select(d => d.Str("id"))], endpoints, options.Pollers, options.Seed);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds));
        var polling = poller.RunAsync(stop.Token);
        var run = Stopwatch.StartNew();
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, options.Seconds / 4)), CancellationToken.None);
            rss.Add(emulator.ResidentBytes());
            log(Text($"  {run.Elapsed.TotalSeconds,5:F0} s: {poller.Progress()}; RSS {Mib(rss[^1])} MiB; load {ProcessInfo.LoadAverage()}"));
        }

        await polling;
        var ran = run.Elapsed;
        using (var stopped = await emulator.Control.DeleteAsync("/api/v1/chaos"))
        {
            log($"DELETE /api/v1/chaos: {(int)stopped.StatusCode}");
        }

        var healthy = await HealthyAtTheEndAsync(emulator, options.Devices, log);
        var firstHalf = rss.Take(Math.Max(1, rss.Count / 2)).Max();
        var secondHalf = rss.Skip(rss.Count / 2).Max();
        var bounded = rss.Max() <= options.RssLimitMib * 1048576L && secondHalf <= firstHalf * 1.25;
        log($"emulator: {ProcessInfo.Threads(emulator.Pid)} threads, {emulator.OutputLines} log lines; load {ProcessInfo.LoadAverage()}");
        return new SoakFigures(poller.Summarise(), actions, rss, bounded, healthy, ran);
    }

    /// <summary>Each device rebooted about once, browned out and cut off the network about half a time per simulated hour.</summary>
    private static async Task<int> StartChaosAsync(EmulatorProcess emulator, SoakOptions options, Action<string> log)
    {
        var body = new JsonObject
        {
            ["seed"] = options.Seed,
            ["duration"] = Text($"{Math.Ceiling((options.Seconds * options.Scale) + 60)}s"),
            ["rebootsPerHour"] = options.Devices * 1.0,
            ["brownoutsPerHour"] = options.Devices * 0.5,
            ["networkLossesPerHour"] = options.Devices * 0.5,
            ["networkLossSeconds"] = 30,
            ["mushyButtonFraction"] = 0.05,
            ["brickedFraction"] = 0,
        };
        var state = await emulator.SendAsync(HttpMethod.Post, "/api/v1/chaos", body, expected: 201);
        var actions = state["actions"]?.AsArray().Count ?? 0;
        log($"chaos plan: {actions} actions, {body.ToJsonString()}");
        return actions;
    }

    private static async Task<bool> HealthyAtTheEndAsync(EmulatorProcess emulator, int count, Action<string> log)
    {
        try
        {
            var devices = await Fleet.WaitAllListeningAsync(emulator, count, TimeSpan.FromSeconds(300));
            using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
            var answered = 0;
            await Vapix.ForEachAsync(devices.Select(Vapix.EndpointOf), 16, async (endpoint, _) =>
            {
                if (await SoakPoller.SystemReadyAsync(client, endpoint, CancellationToken.None) == "yes")
                {
                    Interlocked.Increment(ref answered);
                }
            });
            using var health = await emulator.Control.GetAsync("/healthz");
            log(Text($"at the end: {devices.Count} ready and listening, {answered} answered systemready=yes, /healthz {(int)health.StatusCode}"));
            return answered == count && health.StatusCode == HttpStatusCode.OK;
        }
        catch (TimeoutException ex)
        {
            log("at the end: " + ex.Message);
            return false;
        }
    }

    internal static string Mib(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
