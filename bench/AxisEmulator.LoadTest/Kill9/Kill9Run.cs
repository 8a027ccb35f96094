using System.Diagnostics;
using System.Text.Json;

namespace AxisEmulator.LoadTest.Kill9;

/// <summary>How a kill -9 run goes: cameras, kills, the seed, the clock.</summary>
internal sealed record Kill9Options(string Dll, int Kills = 200, int Devices = 3, int Seed = 1, string Clock = "scaled:50", int MaxWritesBeforeKill = 30);

/// <summary>What a run measured. Lost, corrupt and start-up failures must all be 0.</summary>
internal sealed record Kill9Figures(
    int Kills, int KillsDuringBoot, int SavesCutShort, int AcknowledgedWrites, int InFlightAtKill, int FactoryDefaults, int Lost, int Corrupt, int StartupFailures, int UnexpectedAnswers,
    TimeSpan StartToReadyMean, TimeSpan StartToReadyMax, TimeSpan Elapsed, IReadOnlyList<string> Problems);

/// <summary>
/// Starts the emulator on a state directory, drives its cameras with writes, SIGKILLs it after a
/// seeded random number of acknowledged writes (while other writes are in flight) or while it
/// boots, checks every state file against what was acknowledged, restarts on the same directory;
/// repeats.
/// </summary>
internal sealed class Kill9Run
{
    private const int KillDuringBootOneIn = 6;
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);
    private readonly Kill9Options _options;
    private readonly Random _random;
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("axis-kill9-").FullName;
    private readonly Dictionary<string, CameraModel> _models = new(StringComparer.Ordinal);
    private readonly List<string> _problems = [];
    private readonly List<TimeSpan> _boots = [];
    private DateTime _lifeStarted;
    private int _kills, _killsDuringBoot, _savesCutShort, _inFlightAtKill, _acknowledged, _factoryDefaults, _lost, _corrupt, _startupFailures, _unexpected;

    private Kill9Run(Kill9Options options)
    {
        _options = options;
        _random = new Random(options.Seed);
    }

    /// <param name="options">What to run.</param>
    /// <param name="progress">A line every ten kills.</param>
    /// <param name="interrupt">Ends the run after the current life (killed and checked as any other), the state directory removed.</param>
    public static async Task<Kill9Figures> RunAsync(Kill9Options options, Action<string>? progress = null, CancellationToken interrupt = default)
    {
        var run = new Kill9Run(options);
        var total = Stopwatch.StartNew();
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromSeconds(30) }) { Timeout = TimeSpan.FromSeconds(60) }; // generous: a loaded CI machine, not a lost write
        try
        {
            while (run._kills < options.Kills && !interrupt.IsCancellationRequested && await run.StartDriveAndKillAsync(http, interrupt))
            {
                run.CheckStateFiles();
                if (run._kills % 10 == 0)
                {
                    progress?.Invoke($"{run._kills} kills, {run._acknowledged} acknowledged writes, {run._lost} lost, {run._corrupt} corrupt, {total.Elapsed.TotalSeconds:F0} s");
                }
            }
        }
        finally
        {
            try
            {
                Directory.Delete(run._stateDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        return new Kill9Figures(
            run._kills, run._killsDuringBoot, run._savesCutShort, run._acknowledged, run._inFlightAtKill, run._factoryDefaults, run._lost, run._corrupt, run._startupFailures, run._unexpected,
            run._boots.Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)run._boots.Average(b => b.Ticks)),
            run._boots.Count == 0 ? TimeSpan.Zero : run._boots.Max(),
            total.Elapsed,
            run._problems);
    }

    /// <summary>One life of the emulator, ended by SIGKILL; false when it did not start (a start-up failure).</summary>
    private async Task<bool> StartDriveAndKillAsync(HttpClient http, CancellationToken interrupt)
    {
        var boot = Stopwatch.StartNew();
        _lifeStarted = DateTime.UtcNow;
        StatefulEmulator emulator;
        try
        {
            emulator = await StatefulEmulator.StartAsync(_options.Dll, _stateDirectory, _options.Devices, _options.Clock, StartDeadline);
        }
        catch (StartupFailedException ex)
        {
            return StartupFailed(ex);
        }

        await using (emulator)
        {
            if (_random.Next(KillDuringBootOneIn) == 0)
            {
                // The banner is out; the cameras are booting from their state files.
                await emulator.KillAsync();
                _kills++;
                _killsDuringBoot++;
                return true;
            }

            IReadOnlyDictionary<string, Uri> ready;
            try
            {
                ready = await emulator.WaitReadyAsync(http, _options.Devices, StartDeadline);
            }
            catch (StartupFailedException ex)
            {
                return StartupFailed(ex);
            }

            _boots.Add(boot.Elapsed);
            await DriveAndKillAsync(emulator, ready, http, interrupt);
            return true;
        }
    }

    private async Task DriveAndKillAsync(StatefulEmulator emulator, IReadOnlyDictionary<string, Uri> ready, HttpClient http, CancellationToken interrupt)
    {
        var target = _random.Next(1, _options.MaxWritesBeforeKill + 1);
        var count = 0;
        var killNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnAcknowledged()
        {
            Interlocked.Increment(ref _acknowledged);
            if (Interlocked.Increment(ref count) >= target)
            {
                killNow.TrySetResult();
            }
        }

        using var stop = new CancellationTokenSource();
        var writers = new List<(CameraWriter Writer, Task Run)>();
        foreach (var (id, endpoint) in ready.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var model = _models.TryGetValue(id, out var known) ? known : _models[id] = new CameraModel();
            var writer = new CameraWriter(id, model, http, new Random(_random.Next()), async () => (await emulator.ReadyEndpointsAsync(http)).GetValueOrDefault(id), OnAcknowledged);
            writers.Add((writer, Task.Run(async () =>
            {
                // A camera in setup mode (new, or defaulted before the last kill) gets its admin first.
                await writer.RunAsync(endpoint, needsAdmin: model.Expected("user:root") is null, stop.Token);
            }, CancellationToken.None)));
        }

        var all = Task.WhenAll(writers.Select(w => w.Run));
        var first = await Task.WhenAny(killNow.Task, all, Task.Delay(TimeSpan.FromSeconds(60), interrupt));
        await emulator.KillAsync();
        _kills++;
        await stop.CancelAsync();
        try
        {
            await all;
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            _problems.Add($"kill {_kills}: {ex.Message}");
        }

        if (first != killNow.Task && !interrupt.IsCancellationRequested)
        {
            _problems.Add($"kill {_kills}: the writers stopped or stalled before {target} acknowledged writes");
        }

        _inFlightAtKill += writers.Count(w => w.Writer.InFlight);
        _unexpected += writers.Sum(w => w.Writer.Unexpected);
        _factoryDefaults += writers.Sum(w => w.Writer.FactoryDefaults);
    }

    /// <summary>Every camera's file parses and holds what was acknowledged; what it holds is where the next life starts.</summary>
    private void CheckStateFiles()
    {
        foreach (var (id, model) in _models)
        {
            var path = Path.Combine(_stateDirectory, id + ".json");
            if (File.Exists(path + ".tmp") && File.GetLastWriteTimeUtc(path + ".tmp") >= _lifeStarted)
            {
                // This life's kill fell inside a save, before its rename: the kills do land mid-write.
                // The file stays, as the next start finds it after a real crash.
                _savesCutShort++;
            }

            Dictionary<string, string?> actual;
            try
            {
                actual = CameraModel.ReadFile(path, [CameraWriter.NameParameter]);
            }
            catch (Exception ex) when (ex is JsonException or InvalidDataException or InvalidOperationException or KeyNotFoundException)
            {
                _corrupt++;
                _problems.Add($"kill {_kills}: {path} is corrupt: {ex.Message}");
                File.Move(path, path + $".corrupt-{_kills}");
                model.Adopt(new Dictionary<string, string?>());
                continue;
            }

            var missing = model.Lost(actual);
            _lost += missing.Count;
            foreach (var key in missing)
            {
                _problems.Add($"kill {_kills}: {id} {key} is {actual.GetValueOrDefault(key) ?? "absent"}, expected {model.Expected(key) ?? "absent"}");
            }

            model.Adopt(actual);
        }
    }

    private bool StartupFailed(StartupFailedException ex)
    {
        _startupFailures++;
        _problems.Add($"start {_kills + 1}: {ex.Message}");
        return false;
    }
}
