using System.Diagnostics;
using System.Text.Json;

namespace AxisEmulator.LoadTest.Kill9;

/// <summary>How a kill -9 run goes: cameras, kills, the seed, the clock.</summary>
internal sealed record Kill9Options(string Dll, int Kills = 200, int Devices = 3, int Seed = 1, string Clock = "scaled:50", int MaxWritesBeforeKill = 30);

/// <summary>What a run measured. Lost, corrupt and start-up failures must all be 0.</summary>
internal sealed record Kill9Figures(int Kills, int AcknowledgedWrites, int FactoryDefaults, int Lost, int Corrupt, int StartupFailures, int UnexpectedAnswers, TimeSpan StartToReadyMean, TimeSpan StartToReadyMax, TimeSpan Elapsed, IReadOnlyList<string> Problems);

/// <summary>
/// Starts the emulator on a state directory, drives its cameras with writes, SIGKILLs it after a
/// seeded random number of acknowledged writes (while other writes are in flight), checks every
/// state file against what was acknowledged, restarts on the same directory; repeats.
/// </summary>
internal static class Kill9Run
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);

    public static async Task<Kill9Figures> RunAsync(Kill9Options options, Action<string>? progress = null)
    {
        var stateDirectory = Directory.CreateTempSubdirectory("axis-kill9-").FullName;
        var random = new Random(options.Seed);
        var models = new Dictionary<string, CameraModel>(StringComparer.Ordinal);
        var problems = new List<string>();
        var boots = new List<TimeSpan>();
        int kills = 0, acknowledged = 0, factoryDefaults = 0, lost = 0, corrupt = 0, startupFailures = 0, unexpected = 0;
        var total = Stopwatch.StartNew();
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromSeconds(30) }) { Timeout = TimeSpan.FromSeconds(20) };
        try
        {
            while (kills < options.Kills)
            {
                var boot = Stopwatch.StartNew();
                StatefulEmulator emulator;
                IReadOnlyDictionary<string, Uri> ready;
                try
                {
                    emulator = await StatefulEmulator.StartAsync(options.Dll, stateDirectory, options.Devices, options.Clock, StartDeadline);
                }
                catch (StartupFailedException ex)
                {
                    startupFailures++;
                    problems.Add($"start {kills + 1}: {ex.Message}");
                    break;
                }

                await using (emulator)
                {
                    try
                    {
                        ready = await emulator.WaitReadyAsync(http, options.Devices, StartDeadline);
                    }
                    catch (StartupFailedException ex)
                    {
                        startupFailures++;
                        problems.Add($"start {kills + 1}: {ex.Message}");
                        break;
                    }

                    boots.Add(boot.Elapsed);
                    var target = random.Next(1, options.MaxWritesBeforeKill + 1);
                    var count = 0;
                    var killNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    void OnAcknowledged()
                    {
                        Interlocked.Increment(ref acknowledged);
                        if (Interlocked.Increment(ref count) >= target)
                        {
                            killNow.TrySetResult();
                        }
                    }

                    using var stop = new CancellationTokenSource();
                    var writers = new List<(CameraWriter Writer, Task Run)>();
                    foreach (var (id, endpoint) in ready.OrderBy(d => d.Key, StringComparer.Ordinal))
                    {
                        var model = models.TryGetValue(id, out var known) ? known : models[id] = new CameraModel();
                        var writer = new CameraWriter(id, model, http, new Random(random.Next()), async () => (await emulator.ReadyEndpointsAsync(http)).GetValueOrDefault(id), OnAcknowledged);
                        writers.Add((writer, Task.Run(async () =>
                        {
                            var device = model.Expected("user:root") is null ? await writer.CreateAdminAsync(stop.Token) ?? endpoint : endpoint;
                            await writer.RunAsync(device, stop.Token);
                        })));
                    }

                    var all = Task.WhenAll(writers.Select(w => w.Run));
                    var first = await Task.WhenAny(killNow.Task, all, Task.Delay(TimeSpan.FromSeconds(60)));
                    await emulator.KillAsync();
                    kills++;
                    await stop.CancelAsync();
                    try
                    {
                        await all;
                    }
                    catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
                    {
                        problems.Add($"kill {kills}: {ex.Message}");
                    }

                    if (first != killNow.Task)
                    {
                        problems.Add($"kill {kills}: the writers stopped or stalled before {target} acknowledged writes");
                    }

                    unexpected += writers.Sum(w => w.Writer.Unexpected);
                    factoryDefaults += writers.Sum(w => w.Writer.FactoryDefaults);
                }

                foreach (var (id, model) in models)
                {
                    var path = Path.Combine(stateDirectory, id + ".json");
                    Dictionary<string, string?> actual;
                    try
                    {
                        actual = CameraModel.ReadFile(path, [CameraWriter.NameParameter]);
                    }
                    catch (Exception ex) when (ex is JsonException or InvalidDataException or InvalidOperationException or KeyNotFoundException)
                    {
                        corrupt++;
                        problems.Add($"kill {kills}: {path} is corrupt: {ex.Message}");
                        File.Move(path, path + $".corrupt-{kills}");
                        model.Adopt(new Dictionary<string, string?>());
                        continue;
                    }

                    var missing = model.Lost(actual);
                    lost += missing.Count;
                    foreach (var key in missing)
                    {
                        problems.Add($"kill {kills}: {id} {key} is {actual.GetValueOrDefault(key) ?? "absent"}, expected {model.Expected(key) ?? "absent"}");
                    }

                    model.Adopt(actual);
                }

                if (kills % 10 == 0)
                {
                    progress?.Invoke($"{kills} kills, {acknowledged} acknowledged writes, {lost} lost, {corrupt} corrupt, {total.Elapsed.TotalSeconds:F0} s");
                }
            }
        }
        finally
        {
            try
            {
                Directory.Delete(stateDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        return new Kill9Figures(
            kills, acknowledged, factoryDefaults, lost, corrupt, startupFailures, unexpected,
            boots.Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)boots.Average(b => b.Ticks)),
            boots.Count == 0 ? TimeSpan.Zero : boots.Max(),
            total.Elapsed,
            problems);
    }
}
