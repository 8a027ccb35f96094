using System.Globalization;
using System.Text.Json.Nodes;

namespace AxisEmulator.LoadTest;

/// <summary>Options every benchmark takes.</summary>
internal sealed record CommonOptions(string EmulatorDll, IReadOnlyDictionary<string, string> Environment, string? LogFile, bool GcStats)
{
    public static CommonOptions Read(CommandArgs args)
    {
        var dll = args.String("emulator") ?? EmulatorProcess.DefaultDll();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (args.Flag("quiet-log"))
        {
            environment["Logging__LogLevel__Default"] = "Warning";
        }

        // --emulator-env KEY=VALUE[,KEY=VALUE…]: runtime knobs for experiments (DOTNET_gcServer=0, DOTNET_PerfMapEnabled=1…).
        foreach (var pair in (args.String("emulator-env") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"--emulator-env takes KEY=VALUE pairs separated by commas (got '{pair}')");
            }

            environment[pair[..eq]] = pair[(eq + 1)..];
        }

        // --gc-stats: the emulator exports the runtime's meter, and each round reports its GCs (opt-in:
        // the meter itself costs the emulator something, see ControlOptions.RuntimeMetrics).
        var gcStats = args.Flag("gc-stats");
        if (gcStats)
        {
            environment["Emulator__RuntimeMetrics"] = "true";
        }

        var log = args.String("emulator-log");
        return new CommonOptions(Path.GetFullPath(dll), environment, log is null ? null : Path.GetFullPath(log), gcStats);
    }

    public Task<EmulatorProcess> StartAsync(params string[] serveArgs) => EmulatorProcess.StartAsync(EmulatorDll, serveArgs, Environment, LogFile);
}

/// <summary>The request-throughput comparisons: the emulator's VAPIX against servers that do nothing but answer.</summary>
internal static class HttpBenchmarks
{
    public static async Task<int> VapixVsBareAsync(CommandArgs args)
    {
        var common = CommonOptions.Read(args);
        var connections = args.Int("connections", 32, 1, 1024);
        var duration = TimeSpan.FromSeconds(args.Double("duration", 10, 1, 300));
        var warmup = TimeSpan.FromSeconds(args.Double("warmup", 3, 0, 60));
        var prime = TimeSpan.FromSeconds(args.Double("prime", 10, 0, 120));
        var rounds = args.Int("rounds", 3, 1, 10);
        args.EnsureAllRead();
        Report.Header("vapix-vs-bare", $"{connections} connections × {duration.TotalSeconds:F0} s (warm-up {warmup.TotalSeconds:F0} s), {rounds} round(s), GET {Vapix.ParamPath}");

        await using var emulator = await common.StartAsync("--devices", "1", "--clock", "manual", "--seed", "1");
        var devices = await Fleet.BootAndListAsync(emulator, 1);
        await Fleet.CreateAdminsAsync(devices, parallel: 1);
        var stub = await CaptureStubAsync(devices[0]);
        using var stubDir = new TempDir();
        stub.Save(stubDir.Path);
        await using var bare = await StubProcess.StartAsync("serve-bare", stubDir.Path);

        var vapix = new LoadSpec("vapix (digest)", _ => new Uri(devices[0], Vapix.ParamPath), connections, warmup, duration, (Vapix.User, Vapix.Password), stub.Body.Length);
        var plain = new LoadSpec("bare kestrel", _ => new Uri(bare.Url, Vapix.ParamPath), connections, warmup, duration, null, stub.Body.Length);
        var results = await RunRoundsAsync(rounds, prime, [(vapix, emulator.Pid, common.GcStats ? emulator : null), (plain, bare.Pid, null)]);
        Report.Ratios(results, "vapix (digest)", [("bare kestrel", 0.6, true)]);
        Console.WriteLine($"emulator: {emulator.OutputLines} log lines, RSS {ProcessInfo.ResidentBytes(emulator.Pid) / 1048576.0:F0} MiB at the end");
        return 0;
    }

    public static async Task<int> Throughput100Async(CommandArgs args)
    {
        var common = CommonOptions.Read(args);
        var deviceCount = args.Int("devices", 100, 1, 1000);
        var connections = args.Int("connections", deviceCount, 1, 4096);
        var duration = TimeSpan.FromSeconds(args.Double("duration", 10, 1, 300));
        var warmup = TimeSpan.FromSeconds(args.Double("warmup", 3, 0, 60));
        var prime = TimeSpan.FromSeconds(args.Double("prime", 10, 0, 120));
        var rounds = args.Int("rounds", 3, 1, 10);
        var requestLog = args.Int("wiremock-request-log", 0, 0, 1_000_000);
        args.EnsureAllRead();
        Report.Header("throughput-100", $"{deviceCount} devices, {connections} connections (connection n → device n mod {deviceCount}) × {duration.TotalSeconds:F0} s (warm-up {warmup.TotalSeconds:F0} s), {rounds} round(s), GET {Vapix.ParamPath}");

        await using var emulator = await common.StartAsync("--devices", deviceCount.ToString(CultureInfo.InvariantCulture), "--clock", "manual", "--seed", "1");
        var devices = await Fleet.BootAndListAsync(emulator, deviceCount);
        await Fleet.CreateAdminsAsync(devices, parallel: 16);
        var stub = await CaptureStubAsync(devices[0]);
        using var stubDir = new TempDir();
        stub.Save(stubDir.Path);
        await using var bare = await StubProcess.StartAsync("serve-bare", stubDir.Path);
        await using var wiremock = await StubProcess.StartAsync("serve-wiremock", stubDir.Path, "--request-log", requestLog.ToString(CultureInfo.InvariantCulture));

        var vapix = new LoadSpec("vapix (digest)", n => new Uri(devices[n % devices.Count], Vapix.ParamPath), connections, warmup, duration, (Vapix.User, Vapix.Password), stub.Body.Length);
        var plain = new LoadSpec("bare kestrel", _ => new Uri(bare.Url, Vapix.ParamPath), connections, warmup, duration, null, stub.Body.Length);
        var mock = new LoadSpec("wiremock.net", _ => new Uri(wiremock.Url, Vapix.ParamPath), connections, warmup, duration, null, stub.Body.Length);
        var results = await RunRoundsAsync(rounds, prime, [(vapix, emulator.Pid, common.GcStats ? emulator : null), (plain, bare.Pid, null), (mock, wiremock.Pid, null)]);
        Report.Ratios(results, "vapix (digest)", [("bare kestrel", 0.6, true), ("wiremock.net", 1.0, false)]);
        Console.WriteLine($"emulator: {emulator.OutputLines} log lines, RSS {ProcessInfo.ResidentBytes(emulator.Pid) / 1048576.0:F0} MiB at the end");
        return 0;
    }

    /// <summary>
    /// Primes every target once (unmeasured: the JIT's tiering and the GC's heap sizing settle in
    /// the first seconds of load, which otherwise fell on each target's first round), then runs every
    /// target once per round, rotating the order each round so drift in machine load is shared.
    /// </summary>
    internal static async Task<List<LoadResult>> RunRoundsAsync(int rounds, TimeSpan prime, IReadOnlyList<(LoadSpec Spec, int Pid, EmulatorProcess? Emulator)> targets)
    {
        if (prime > TimeSpan.Zero)
        {
            foreach (var (spec, pid, _) in targets)
            {
                var primed = await LoadRunner.RunAsync(spec with { Warmup = TimeSpan.Zero, Duration = prime }, pid);
                Console.WriteLine($"priming (not counted): {primed}");
            }
        }

        var results = new List<LoadResult>();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < targets.Count; i++)
            {
                var (spec, pid, emulator) = targets[(i + round) % targets.Count];
                var before = emulator is null ? null : await emulator.GcTallyAsync();
                var result = await LoadRunner.RunAsync(spec, pid);
                Console.WriteLine($"round {round + 1}: {result}");
                if (emulator is not null && before is not null)
                {
                    Console.WriteLine($"round {round + 1}: emulator {(await emulator.GcTallyAsync()).Since(before, result, spec.Warmup)}");
                }
                results.Add(result);
            }
        }

        return results;
    }

    /// <summary>The device's answer to the measured request: body bytes and content type, for the stubs to repeat.</summary>
    private static async Task<StubResponse> CaptureStubAsync(Uri device)
    {
        using var client = LoadRunner.NewConnection(TimeSpan.FromSeconds(30));
        using var response = await Vapix.DigestGetAsync(client, new Uri(device, Vapix.ParamPath), new DigestSession(Vapix.User, Vapix.Password));
        var body = await response.Content.ReadAsByteArrayAsync();
        if ((int)response.StatusCode != 200)
        {
            throw new InvalidOperationException($"{device}{Vapix.ParamPath} answered {(int)response.StatusCode}");
        }

        var contentType = response.Content.Headers.ContentType?.ToString() ?? "text/plain";
        var framing = response.Headers.TransferEncodingChunked == true ? "chunked" : $"Content-Length {response.Content.Headers.ContentLength}";
        Console.WriteLine($"measured answer: {body.Length} bytes of {contentType} ({framing}), first line {System.Text.Encoding.UTF8.GetString(body).Split('\n')[0]}");
        return new StubResponse("/axis-cgi/param.cgi", contentType, body, StubResponse.DeviceHeaders);
    }
}

internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("axis-loadtest-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
