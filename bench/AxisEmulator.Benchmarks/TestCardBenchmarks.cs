using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Media;
using BenchmarkDotNet.Attributes;

namespace AxisEmulator.Benchmarks;

/// <summary>
/// One frame of jpg/image.cgi and mjpg/video.cgi: the cached test card drawn at a resolution, the
/// clock and phase overlaid, JPEG-encoded (SkiaSharp) at the default compression 30.
/// </summary>
[MemoryDiagnoser]
public class TestCardBenchmarks
{
    private Device _camera = null!;
    private SimulationClock _clock = null!;

    [Params("1920x1080", "640x480")]
    public string Resolution { get; set; } = "1920x1080";

    [GlobalSetup]
    public void Setup()
    {
        _clock = new SimulationClock(ClockMode.Manual);
        _camera = new Device(new DeviceOptions { Id = "bench", Profile = ProfileCatalog.LoadInstalled().Default, Seed = 1, Serial = "B8A44F000001" }, _clock);
        Console.WriteLine($"// a {Resolution} frame is {Frame().Length} bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => _clock.Dispose();

    [Benchmark]
    public byte[] Frame()
    {
        var size = Resolution.Split('x');
        return ImageCgi.Frame(_camera, new ImageRequest(int.Parse(size[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(size[1], System.Globalization.CultureInfo.InvariantCulture), 1, 30));
    }
}
