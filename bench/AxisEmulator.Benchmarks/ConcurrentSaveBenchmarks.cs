using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Profiles;
using BenchmarkDotNet.Attributes;

namespace AxisEmulator.Benchmarks;

/// <summary>
/// <see cref="Devices"/> devices, each with its own client, make one acknowledged configuration
/// change at the same moment (as <c>param.cgi</c> updates to N cameras would): each call changes a
/// parameter and returns once the change is on disk. File store in a temporary directory, so the
/// figure includes the real flushes to disk.
/// </summary>
[MemoryDiagnoser]
public class ConcurrentSaveBenchmarks
{
    private string _directory = null!;
    private SimulationClock _clock = null!;
    private Device[] _cameras = null!;
    private int _round;

    [Params(1, 16)]
    public int Devices { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "axis-emulator-bench", Guid.NewGuid().ToString("N"));
        var store = new FileDeviceStateStore(_directory);
        var profile = ProfileCatalog.LoadInstalled().Default;
        _clock = new SimulationClock(ClockMode.Manual);
        _cameras = [.. Enumerable.Range(0, Devices).Select(i => new Device(new DeviceOptions { Id = $"cam-{i}", Profile = profile, Seed = 1, Store = store }, _clock))];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _clock.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public void AcknowledgedWriteOnEveryDevice()
    {
        var value = (++_round).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Parallel.For(0, _cameras.Length, new ParallelOptions { MaxDegreeOfParallelism = _cameras.Length }, i =>
        {
            var camera = _cameras[i];
            camera.UpdateConfig(c => (c with { Parameters = new Dictionary<string, string>(c.Parameters) { ["Bench.Round"] = value } }, 0), "bench");
            Acknowledge(camera);
        });
    }

    /// <summary>Waits until the change is on disk, as a VAPIX answer does before it says OK.</summary>
    private static void Acknowledge(Device camera) => camera.FlushConfigAsync().GetAwaiter().GetResult();
}
