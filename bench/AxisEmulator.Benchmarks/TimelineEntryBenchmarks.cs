using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Profiles;
using BenchmarkDotNet.Attributes;

namespace AxisEmulator.Benchmarks;

/// <summary>
/// What one timeline entry costs its writer: <see cref="RequestEntry"/> is what every VAPIX request
/// leaves on the heap (it outlives the request in the ring, so the GC copies it);
/// <see cref="ConfigChangedEntry"/> is an ordinary device event with a message, for scale.
/// </summary>
[MemoryDiagnoser]
public class TimelineEntryBenchmarks
{
    private Device _camera = null!;
    private SimulationClock _clock = null!;

    [GlobalSetup]
    public void Setup()
    {
        _clock = new SimulationClock(ClockMode.Manual);
        _camera = new Device(new DeviceOptions { Id = "bench", Profile = ProfileCatalog.LoadInstalled().Default, Seed = 1, Serial = "B8A44F000001" }, _clock);
    }

    [GlobalCleanup]
    public void Cleanup() => _clock.Dispose();

    [Benchmark(Baseline = true)]
    public long RequestEntry()
    {
        _camera.RecordHttp("GET", "/axis-cgi/param.cgi", "root", 200, 1.5);
        return _camera.Timeline.LastSequence;
    }

    [Benchmark]
    public long ConfigChangedEntry()
    {
        _camera.UpdateConfig(c => (c with { }, true), "bench");
        return _camera.Timeline.LastSequence;
    }
}
