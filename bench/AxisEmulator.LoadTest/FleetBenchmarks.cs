using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace AxisEmulator.LoadTest;

/// <summary>The fleet-scale benchmarks: many devices in one emulator process.</summary>
internal static class FleetBenchmarks
{
    public static async Task<int> Scale1000Async(CommandArgs args)
    {
        var common = CommonOptions.Read(args);
        var count = args.Int("devices", 1000, 1, 5000);
        var parallel = args.Int("parallel", 8, 1, 256);
        var profileCount = args.Int("profiles", 10, 1, 50);
        args.EnsureAllRead();
        Report.Header("scale-1000", $"{count} devices added through POST /api/v1/devices ({parallel} at a time), booted in manual time");

        var profiles = await ProbeProfilesAsync(common, profileCount);
        Console.WriteLine($"profiles (boot to ready on their default power, checked in a separate emulator): {string.Join(", ", profiles)}");

        await using var emulator = await common.StartAsync("--devices", "0", "--clock", "manual", "--seed", "1");
        await Task.Delay(TimeSpan.FromSeconds(3)); // let start-up settle before the baseline
        var rssBefore = emulator.ResidentBytes();
        var threadsBefore = ProcessInfo.Threads(emulator.Pid);
        var cpuBefore = ProcessInfo.CpuSeconds(emulator.Pid);
        Console.WriteLine($"before: RSS {Mib(rssBefore)} MiB, {threadsBefore} threads, load {ProcessInfo.LoadAverage()}");

        var clock = Stopwatch.StartNew();
        await AddDevicesAsync(emulator, count, profiles, parallel, powerOn: true);
        var added = clock.Elapsed;
        var advance = await emulator.AdvanceUntilIdleAsync(600);
        var advanced = clock.Elapsed;
        var states = await emulator.DevicesAsync();
        var phaseReady = states.Count(d => d!.Str("phase") == "ready");
        var phasesChecked = clock.Elapsed;
        var listening = await Fleet.WaitAllListeningAsync(emulator, count, TimeSpan.FromSeconds(120));
        var allListening = clock.Elapsed;
        var rssAfter = emulator.ResidentBytes();
        var threadsAfter = ProcessInfo.Threads(emulator.Pid);
        var cpu = ProcessInfo.CpuSeconds(emulator.Pid) - cpuBefore;

        Console.WriteLine(Invariant($"adds: {count} POSTs in {added.TotalSeconds:F2} s ({count / added.TotalSeconds:F0}/s)"));
        Console.WriteLine(Invariant($"advance until idle: {(advanced - added).TotalSeconds:F2} s wall, {advance.Get("eventsRun")} events, {advance.Get("advancedSeconds")} s simulated, idle {advance.Get("idle")}"));
        Console.WriteLine(Invariant($"phase ready: {phaseReady}/{count} at {phasesChecked.TotalSeconds:F2} s from the first add"));
        Console.WriteLine(Invariant($"ready and listening (VAPIX socket open): {listening.Count}/{count} at {allListening.TotalSeconds:F2} s from the first add (goal ≤ 10 s: {(allListening.TotalSeconds <= 10 && listening.Count == count ? "met" : "MISSED")})"));
        Console.WriteLine(Invariant($"after: RSS {Mib(rssAfter)} MiB (goal ≤ 1536 MiB: {(rssAfter <= 1536L * 1048576 ? "met" : "MISSED")}), {threadsAfter} threads; per device {(rssAfter - rssBefore) / (double)count / 1024:F0} KiB; emulator CPU {cpu:F1} s; {emulator.OutputLines} log lines; load {ProcessInfo.LoadAverage()}"));
        await Task.Delay(TimeSpan.FromSeconds(5));
        Console.WriteLine($"after 5 s idle: RSS {Mib(emulator.ResidentBytes())} MiB, {ProcessInfo.Threads(emulator.Pid)} threads");
        return phaseReady == count && listening.Count == count ? 0 : 1;
    }

    public static async Task<int> RebootStormAsync(CommandArgs args)
    {
        var common = CommonOptions.Read(args);
        var count = args.Int("devices", 1000, 1, 1000);
        var scale = args.Double("scale", 20, 1, 1000);
        var pollers = args.Int("pollers", 64, 1, 1024);
        var timeout = TimeSpan.FromSeconds(args.Double("timeout", 180, 10, 900));
        args.EnsureAllRead();
        Report.Header("reboot-storm", Invariant($"{count} devices, clock scaled:{scale}, restart.cgi (Digest) on every device at once, {pollers} pollers on systemready.cgi (a new connection per poll)"));

        await using var emulator = await common.StartAsync("--devices", count.ToString(CultureInfo.InvariantCulture), "--clock", Invariant($"scaled:{scale}"), "--seed", "1");
        var boot = Stopwatch.StartNew();
        var before = await Fleet.WaitAllListeningAsync(emulator, count, timeout);
        Console.WriteLine(Invariant($"{count} devices ready and listening {boot.Elapsed.TotalSeconds:F1} s after start-up"));
        var devices = before.Select(d => (Id: d.Str("id"), Endpoint: Vapix.EndpointOf(d), BootId: d.Str("firmware.bootId"), BootCount: d.Get("bootCount")!.GetValue<int>())).ToList();
        var admins = Stopwatch.StartNew();
        await Fleet.CreateAdminsAsync([.. devices.Select(d => d.Endpoint)], parallel: 32);
        Console.WriteLine(Invariant($"admins created on {count} devices in {admins.Elapsed.TotalSeconds:F1} s"));

        using var poll = new StormPoller(devices.Select(d => d.Endpoint).ToArray(), devices.Select(d => d.BootId).ToArray(), pollers);
        using var stop = new CancellationTokenSource(timeout + TimeSpan.FromSeconds(30));
        var polling = poll.RunAsync(stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(2)); // polls of running devices first: a baseline without restarts
        var baselineErrors = poll.UnexpectedErrors;

        var storm = Stopwatch.StartNew();
        var restartResults = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 1, ConnectTimeout = TimeSpan.FromSeconds(10) }) { Timeout = TimeSpan.FromSeconds(60) })
        {
            poll.StormStarted = true;
            var answeredAfter = new double[devices.Count];
            var outcomes = await Task.WhenAll(devices.Select(async (d, i) =>
            {
                try
                {
                    using var response = await Vapix.DigestGetAsync(client, new Uri(d.Endpoint, "/axis-cgi/restart.cgi"), new DigestSession(Vapix.User, Vapix.Password));
                    var text = await response.Content.ReadAsStringAsync();
                    return response.StatusCode == HttpStatusCode.OK && text.Contains("restartMessage", StringComparison.Ordinal) ? "ok" : "http-" + (int)response.StatusCode;
                }
                catch (Exception ex)
                {
                    return LoadRunner.ErrorKind(ex);
                }
                finally
                {
                    answeredAfter[i] = storm.Elapsed.TotalSeconds;
                }
            }));
            Array.Sort(answeredAfter);
            Console.WriteLine(Invariant($"restart.cgi answered after (s): p50 {answeredAfter[answeredAfter.Length / 2]:F2}, p90 {answeredAfter[answeredAfter.Length * 9 / 10]:F2}, p99 {answeredAfter[answeredAfter.Length * 99 / 100]:F2}, max {answeredAfter[^1]:F2}; over 1 s: {answeredAfter.Count(t => t > 1)}"));
            foreach (var outcome in outcomes)
            {
                restartResults[outcome] = restartResults.GetValueOrDefault(outcome) + 1;
            }
        }

        var restartsSent = storm.Elapsed;
        Console.WriteLine(Invariant($"restart.cgi answers in {restartsSent.TotalSeconds:F2} s: {string.Join(", ", restartResults.Select(r => $"{r.Key} {r.Value}"))}"));

        var allBack = await poll.WaitAllBackAsync(timeout);
        var backAfter = storm.Elapsed;
        await stop.CancelAsync();
        await polling;

        var after = await emulator.DevicesAsync();
        var byId = after.ToDictionary(d => d!.Str("id"), d => d!, StringComparer.Ordinal);
        var newBoot = devices.Count(d => byId.TryGetValue(d.Id, out var s) && s.Str("phase") == "ready" && s.Str("firmware.bootId") != d.BootId && s.Get("bootCount")!.GetValue<int>() == d.BootCount + 1);

        Console.WriteLine(Invariant($"all devices answered systemready=yes with a new bootid: {(allBack ? "yes" : "NO")}, {backAfter.TotalSeconds:F1} s after the storm started; {poll.BackCount}/{count} seen back over VAPIX"));
        Console.WriteLine(Invariant($"control API: {newBoot}/{count} ready with a new bootId and bootCount + 1"));
        Console.WriteLine(Invariant($"devices seen down (connection refused) by pollers: {poll.SeenDownCount}/{count}"));
        Console.WriteLine($"polls: {poll.Summary()}");
        var unexpected = poll.UnexpectedErrors + restartResults.Where(r => r.Key != "ok").Sum(r => r.Value);
        Console.WriteLine(Invariant($"errors other than connection refused: {unexpected} (baseline before the storm: {baselineErrors}) (goal 0: {(unexpected == 0 ? "met" : "MISSED")})"));
        Console.WriteLine($"emulator: RSS {Mib(emulator.ResidentBytes())} MiB, {ProcessInfo.Threads(emulator.Pid)} threads, {emulator.OutputLines} log lines; load {ProcessInfo.LoadAverage()}");
        return allBack && newBoot == count && unexpected == 0 ? 0 : 1;
    }

    public static async Task<int> TimingFidelityAsync(CommandArgs args)
    {
        var common = CommonOptions.Read(args);
        var count = args.Int("devices", 1000, 1, 5000);
        var seconds = args.Double("seconds", 150, 10, 900);
        var parallel = args.Int("parallel", 8, 1, 256);
        var profileCount = args.Int("profiles", 10, 1, 50);
        args.EnsureAllRead();
        Report.Header("timing-fidelity", Invariant($"{count} devices of mixed profiles booting in realtime; lateness of every clock event (at most {seconds:F0} s)"));

        var profiles = await ProbeProfilesAsync(common, profileCount);
        Console.WriteLine($"profiles: {string.Join(", ", profiles)}");
        await using var emulator = await common.StartAsync("--devices", "0", "--clock", "realtime", "--seed", "1");
        using (var reset = await emulator.Control.DeleteAsync("/api/v1/clock/lateness"))
        {
            if (reset.StatusCode != HttpStatusCode.NoContent)
            {
                throw new InvalidOperationException($"DELETE /api/v1/clock/lateness answered {(int)reset.StatusCode}: is this emulator built with the lateness endpoint?");
            }
        }

        var clock = Stopwatch.StartNew();
        await AddDevicesAsync(emulator, count, profiles, parallel, powerOn: true);
        Console.WriteLine(Invariant($"{count} devices added and powered in {clock.Elapsed.TotalSeconds:F1} s"));
        JsonNode state;
        var next = TimeSpan.FromSeconds(10);
        while (true)
        {
            state = await emulator.GetAsync("/api/v1/clock");
            var pending = state.Get("pendingEvents")!.GetValue<int>();
            if (clock.Elapsed >= next)
            {
                var l = await emulator.GetAsync("/api/v1/clock/lateness");
                Console.WriteLine(Invariant($"  {clock.Elapsed.TotalSeconds,5:F0} s: {pending} events pending; so far {l.Get("count")} events, p50 {l.Get("p50Ms")} ms, p99 {l.Get("p99Ms")} ms, max {l.Get("maxMs")} ms; load {ProcessInfo.LoadAverage()}"));
                next += TimeSpan.FromSeconds(10);
            }

            if (pending == 0 || clock.Elapsed.TotalSeconds >= seconds)
            {
                break;
            }

            await Task.Delay(500);
        }

        var lateness = await emulator.GetAsync("/api/v1/clock/lateness");
        var devices = await emulator.DevicesAsync();
        var ready = devices.Count(d => d!.Str("phase") == "ready");
        var p99 = lateness.Get("p99Ms")!.GetValue<double>();
        Console.WriteLine(Invariant($"after {clock.Elapsed.TotalSeconds:F0} s: {ready}/{count} ready, {state.Get("pendingEvents")} events pending, {state.Get("executedEvents")} run"));
        Console.WriteLine(Invariant($"lateness over {lateness.Get("count")} events: p50 {lateness.Get("p50Ms")} ms, p90 {lateness.Get("p90Ms")} ms, p99 {p99} ms, max {lateness.Get("maxMs")} ms, mean {lateness.Get("meanMs")} ms (goal p99 ≤ 10 ms: {(p99 <= 10 ? "met" : "MISSED")})"));
        foreach (var late in (lateness["latest"]?.AsArray() ?? []).OfType<JsonNode>().Take(3))
        {
            Console.WriteLine(Invariant($"  late: {late.Str("name")} (due {late.Str("due")}) {late.Get("lateMs")} ms"));
        }

        Console.WriteLine($"emulator: RSS {Mib(emulator.ResidentBytes())} MiB, {ProcessInfo.Threads(emulator.Pid)} threads, {emulator.OutputLines} log lines; load {ProcessInfo.LoadAverage()}");
        return ready == count && p99 <= 10 ? 0 : 1;
    }

    /// <summary>
    /// Up to <paramref name="wanted"/> shipped profiles that boot to ready on the default power the
    /// control API gives them, found in a throw-away emulator (so the measured one starts cold).
    /// </summary>
    private static async Task<List<string>> ProbeProfilesAsync(CommonOptions common, int wanted)
    {
        await using var probe = await common.StartAsync("--devices", "0", "--clock", "manual", "--seed", "1");
        var ids = (await probe.GetAsync("/api/v1/profiles")).AsArray().Select(p => p!.Str("id")).Order(StringComparer.Ordinal).ToList();
        var created = new List<string>();
        foreach (var id in ids)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/devices") { Content = Json.Text(CreateBody(id, "probe-" + id, powerOn: true), "application/json") };
            using var response = await probe.Control.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                created.Add(id);
            }
        }

        await probe.AdvanceUntilIdleAsync(600);
        var ready = (await probe.DevicesAsync()).Where(d => d!.Str("phase") == "ready").Select(d => d!.Str("profile")).ToHashSet(StringComparer.Ordinal);
        var booting = created.Where(ready.Contains).ToList();
        if (booting.Count == 0)
        {
            throw new InvalidOperationException("no profile boots to ready on its default power");
        }

        // Spread the pick over the (sorted) list so several families are in.
        var step = Math.Max(1.0, booting.Count / (double)wanted);
        return [.. Enumerable.Range(0, Math.Min(wanted, booting.Count)).Select(i => booting[(int)(i * step)]).Distinct()];
    }

    private static async Task AddDevicesAsync(EmulatorProcess emulator, int count, List<string> profiles, int parallel, bool powerOn)
    {
        var failures = 0;
        await Vapix.ForEachAsync(Enumerable.Range(1, count), parallel, async (n, token) =>
        {
            var body = CreateBody(profiles[(n - 1) % profiles.Count], Invariant($"dev-{n:D4}"), powerOn);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/devices") { Content = Json.Text(body, "application/json") };
            using var response = await emulator.Control.SendAsync(request, token);
            if (response.StatusCode != HttpStatusCode.Created && Interlocked.Increment(ref failures) <= 3)
            {
                Console.Error.WriteLine($"POST /api/v1/devices {body}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(token)}");
            }
        });
        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} of {count} adds failed");
        }
    }

    private static string CreateBody(string profile, string id, bool powerOn)
    {
        var body = new JsonObject { ["profile"] = profile, ["id"] = id };
        if (powerOn)
        {
            body["power"] = new JsonObject { ["on"] = true };
        }

        return body.ToJsonString();
    }

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Pollers of <c>systemready.cgi</c> over every device in turn, one new connection per poll (so a
    /// down device is a refused connection, not a dead pooled one). Tracks per device whether it was
    /// seen down and whether it came back ready with a boot id other than the one before the storm.
    /// </summary>
    private sealed class StormPoller(Uri[] endpoints, string[] oldBootIds, int pollers) : IDisposable
    {
        private const string SystemReadyCall = """{"apiVersion":"1","method":"systemready"}""";
        private readonly int[] _seenDown = new int[endpoints.Length];
        private readonly int[] _back = new int[endpoints.Length];
        private readonly Dictionary<string, long> _kinds = new(StringComparer.Ordinal);
        private readonly HttpClient _client = new(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(10), MaxConnectionsPerServer = 8 }) { Timeout = TimeSpan.FromSeconds(30) };
        private readonly TaskCompletionSource _allBack = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _next = -1;
        private int _backCount;
        private long _unexpected;

        public volatile bool StormStarted;

        public long UnexpectedErrors => Interlocked.Read(ref _unexpected);

        public int BackCount => Volatile.Read(ref _backCount);

        public int SeenDownCount => _seenDown.Count(x => x != 0);

        public void Dispose() => _client.Dispose();

        public Task RunAsync(CancellationToken stop) => Task.WhenAll(Enumerable.Range(0, pollers).Select(_ => Task.Run(() => PollLoopAsync(stop), CancellationToken.None)));

        public async Task<bool> WaitAllBackAsync(TimeSpan timeout)
        {
            var first = await Task.WhenAny(_allBack.Task, Task.Delay(timeout));
            return first == _allBack.Task;
        }

        public string Summary()
        {
            lock (_kinds)
            {
                return string.Join(", ", _kinds.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value}"));
            }
        }

        private async Task PollLoopAsync(CancellationToken stop)
        {
            for (var polls = 0; polls < 10_000_000 && !stop.IsCancellationRequested; polls++)
            {
                var i = (int)(Interlocked.Increment(ref _next) % endpoints.Length);
                if (Volatile.Read(ref _back[i]) != 0)
                {
                    // Back already: keep polling it now and then (it must stay up), mostly the others.
                    if (polls % 4 != 0)
                    {
                        continue;
                    }
                }

                var kind = await PollAsync(i, stop);
                Count(kind);
                if (kind == "socket-ConnectionRefused")
                {
                    Volatile.Write(ref _seenDown[i], 1);
                    await Task.Delay(5, CancellationToken.None);
                }
            }
        }

        private async Task<string> PollAsync(int i, CancellationToken stop)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoints[i], "/axis-cgi/systemready.cgi"))
                {
                    Content = new StringContent(SystemReadyCall, Encoding.UTF8, "application/json"),
                };
                request.Headers.ConnectionClose = true;
                using var response = await _client.SendAsync(request, stop);
                var text = await response.Content.ReadAsStringAsync(stop);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return Unexpected("http-" + (int)response.StatusCode);
                }

                var data = JsonNode.Parse(text)?["data"];
                var ready = data?["systemready"]?.GetValue<string>();
                var bootId = data?["bootid"]?.GetValue<string>();
                if (ready is null)
                {
                    return Unexpected("bad-json");
                }

                if (ready == "yes" && StormStarted && bootId is not null && bootId != oldBootIds[i] && Interlocked.Exchange(ref _back[i], 1) == 0
                    && Interlocked.Increment(ref _backCount) == endpoints.Length)
                {
                    _allBack.TrySetResult();
                }

                return "ok systemready=" + ready;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return "cancelled at the end";
            }
            catch (Exception ex)
            {
                var kind = LoadRunner.ErrorKind(ex);
                if (kind == "socket-ConnectionRefused")
                {
                    return kind;
                }

                // Where in the device's restart the failure fell: before the pollers saw it down (the
                // instant its listener closed), while it was down or booting, or after it was back.
                var when = Volatile.Read(ref _back[i]) != 0 ? "after it was back"
                    : Volatile.Read(ref _seenDown[i]) != 0 ? "while down or booting"
                    : StormStarted ? "as it went down" : "before the storm";
                return Unexpected($"{kind} ({when})");
            }
        }

        private string Unexpected(string kind)
        {
            Interlocked.Increment(ref _unexpected);
            return "UNEXPECTED " + kind;
        }

        private void Count(string kind)
        {
            lock (_kinds)
            {
                _kinds[kind] = _kinds.GetValueOrDefault(kind) + 1;
            }
        }
    }
}
