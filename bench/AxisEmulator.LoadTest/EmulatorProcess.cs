using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AxisEmulator.LoadTest;

/// <summary>
/// The real emulator: <c>dotnet AxisEmulator.dll serve …</c> as a child process on ephemeral
/// loopback ports, its control URL read from the banner, its output drained (and counted).
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private const string ControlBanner = "Control API listening on ";
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private long _lines;
    private StreamWriter? _log;

    private EmulatorProcess(Process process)
    {
        _process = process;
    }

    public Uri ControlUrl { get; private set; } = null!;

    public HttpClient Control { get; private set; } = null!;

    public int Pid => _process.Id;

    /// <summary>Lines the emulator wrote (its log: one per timeline entry at the default level).</summary>
    public long OutputLines => Interlocked.Read(ref _lines);

    public static string DefaultDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AxisEmulator.sln")))
            {
                return Path.Combine(dir.FullName, "emulator", "AxisEmulator", "bin", "Release", "net10.0", "AxisEmulator.dll");
            }
        }

        throw new InvalidOperationException("AxisEmulator.sln not found above " + AppContext.BaseDirectory + "; pass --emulator PATH/AxisEmulator.dll");
    }

    /// <param name="dll">The built AxisEmulator.dll.</param>
    /// <param name="serveArgs">Arguments after <c>serve</c> (ports and --ephemeral are added).</param>
    /// <param name="environment">Extra environment (e.g. Logging__LogLevel__Default).</param>
    /// <param name="logFile">Where to keep every line the emulator writes (for diagnosis), or null.</param>
    /// <param name="startTimeout">How long the banner may take (default 120 s; a large network lab takes longer to build).</param>
    public static async Task<EmulatorProcess> StartAsync(string dll, IEnumerable<string> serveArgs, IReadOnlyDictionary<string, string>? environment = null, string? logFile = null, TimeSpan? startTimeout = null)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} not found: build it first (dotnet build -c Release emulator/AxisEmulator) or pass --emulator", dll);
        }

        var workDir = Directory.CreateTempSubdirectory("axis-loadtest-");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workDir.FullName,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("serve");
        foreach (var arg in serveArgs)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var arg in new[] { "--ephemeral", "--control-url", "http://127.0.0.1:0", "--device-base-port", "0" })
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the emulator");
        var emulator = new EmulatorProcess(process) { _log = logFile is null ? null : new StreamWriter(logFile, append: false) { AutoFlush = true } };
        var found = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => emulator.OnLine(e.Data, found);
        process.ErrorDataReceived += (_, e) => emulator.OnLine(e.Data, null);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(found.Task, exited, Task.Delay(startTimeout ?? TimeSpan.FromSeconds(120)));
        if (first != found.Task)
        {
            var tail = emulator.Tail();
            await emulator.DisposeAsync();
            throw new InvalidOperationException($"the emulator did not print its control URL ({(first == exited ? "it exited" : "timed out")}):\n{tail}");
        }

        emulator.ControlUrl = found.Task.Result;
        emulator.Control = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 64 })
        {
            BaseAddress = emulator.ControlUrl,
            Timeout = TimeSpan.FromMinutes(10),
        };
        return emulator;
    }

    public string Tail()
    {
        lock (_tail)
        {
            return string.Join('\n', _tail);
        }
    }

    /// <summary>The runtime's GC tallies from the emulator's own <c>/metrics</c> (the System.Runtime meter).</summary>
    public async Task<GcTally> GcTallyAsync()
    {
        var text = await Control.GetStringAsync("/metrics");
        double Sum(string prefix, string? label = null) => text.Split('\n')
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal) && (label is null || line.Contains(label, StringComparison.Ordinal)))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        return new GcTally(
            (long)Sum("dotnet_gc_collections_total{", "\"gen0\""),
            (long)Sum("dotnet_gc_collections_total{", "\"gen1\""),
            (long)Sum("dotnet_gc_collections_total{", "\"gen2\""),
            Sum("dotnet_gc_pause_time_seconds_total{"),
            (long)Sum("dotnet_gc_heap_total_allocated_bytes_total{"));
    }

    /// <summary>Resident memory of the emulator (VmRSS of /proc/PID/status), bytes.</summary>
    public long ResidentBytes() => ProcessInfo.ResidentBytes(Pid);

    public async Task<JsonNode> GetAsync(string path)
    {
        using var response = await Control.GetAsync(path);
        return await ReadAsync(response, 200, "GET " + path);
    }

    public async Task<JsonNode> SendAsync(HttpMethod method, string path, object body, int expected = 200)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        using var response = await Control.SendAsync(request);
        return await ReadAsync(response, expected, $"{method} {path}");
    }

    /// <summary>Manual time: runs events until idle (bounded by <paramref name="maxSeconds"/> simulated).</summary>
    public Task<JsonNode> AdvanceUntilIdleAsync(double maxSeconds = 600) =>
        SendAsync(HttpMethod.Post, "/api/v1/clock/advance", new { untilIdle = true, maxSeconds });

    public Task<JsonNode> AdvanceAsync(double seconds) =>
        SendAsync(HttpMethod.Post, "/api/v1/clock/advance", new { seconds });

    /// <summary>Every device's state.</summary>
    public async Task<JsonArray> DevicesAsync() => (await GetAsync("/api/v1/devices")).AsArray();

    public async ValueTask DisposeAsync()
    {
        Control?.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                // SIGTERM via kill(1) would be gentler, but the emulator keeps nothing (--ephemeral).
                _process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
        }

        _process.Dispose();
        lock (_tail)
        {
            _log?.Dispose();
            _log = null;
        }
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response, int expected, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{what}: HTTP {(int)response.StatusCode}, expected {expected}: {text}");
        }

        return JsonNode.Parse(text) ?? throw new InvalidOperationException($"{what}: empty answer");
    }

    private void OnLine(string? line, TaskCompletionSource<Uri>? found)
    {
        if (line is null)
        {
            return;
        }

        Interlocked.Increment(ref _lines);
        lock (_tail)
        {
            _log?.WriteLine(line);
            _tail.Enqueue(line);
            if (_tail.Count > 40)
            {
                _tail.Dequeue();
            }
        }

        if (found is not null && line.StartsWith(ControlBanner, StringComparison.Ordinal))
        {
            var url = line[ControlBanner.Length..];
            var end = url.IndexOf(' ', StringComparison.Ordinal);
            found.TrySetResult(new Uri(end < 0 ? url : url[..end]));
        }
    }
}

/// <summary>Facts about processes and the machine from /proc.</summary>
internal static class ProcessInfo
{
    public static long ResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kb * 1024;
            }
        }

        return 0;
    }

    public static int Threads(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("Threads:", StringComparison.Ordinal))
            {
                return int.Parse(line[8..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    /// <summary>User + system CPU seconds the process has used (fields 14 and 15 of /proc/PID/stat, in clock ticks of 1/100 s).</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After the command name: field 3 is state (index 0), so utime (14) is index 11, stime (15) index 12.
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();

    public static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";

    public static string MachineLine() =>
        string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {CpuModel()}, .NET {Environment.Version}, load average {LoadAverage()}");
}

internal static class Json
{
    public static string Str(this JsonNode node, string path) => Get(node, path)?.GetValue<string>() ?? throw new KeyNotFoundException(path);

    public static string? StrOrNull(this JsonNode node, string path) => Get(node, path) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static JsonNode? Get(this JsonNode node, string path)
    {
        JsonNode? current = node;
        foreach (var part in path.Split('.'))
        {
            current = current is JsonObject obj && obj.TryGetPropertyValue(part, out var next) ? next : null;
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    public static StringContent Text(string text, string contentType) => new(text, Encoding.UTF8, contentType);
}

/// <summary>Cumulative GC figures of a process: collections by generation, pause time, bytes allocated.</summary>
internal sealed record GcTally(long Gen0, long Gen1, long Gen2, double PauseSeconds, long AllocatedBytes)
{
    /// <summary>What happened between <paramref name="before"/> and this tally, per request where it helps.</summary>
    public string Since(GcTally before, LoadResult round, TimeSpan warmup)
    {
        // The tallies span the warm-up too, at about the measured rate.
        var seconds = round.Seconds + warmup.TotalSeconds;
        var requests = Math.Max(1, (round.Ok + round.Challenges) * seconds / round.Seconds);
        var pause = PauseSeconds - before.PauseSeconds;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"GCs gen0 {Gen0 - before.Gen0}, gen1 {Gen1 - before.Gen1}, gen2 {Gen2 - before.Gen2}; paused {pause * 1000:F0} ms ({pause * 100 / seconds:F1} % of the round); {(AllocatedBytes - before.AllocatedBytes) / (double)requests:F0} bytes allocated per request");
    }
}
