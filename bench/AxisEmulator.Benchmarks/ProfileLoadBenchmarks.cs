using AxisEmulator.Core.Profiles;
using BenchmarkDotNet.Attributes;

namespace AxisEmulator.Benchmarks;

/// <summary>
/// Reading the shipped hardware profiles from disk, as the host does at start-up: every file of
/// <c>hardware-profiles/</c> parsed, checked and merged along its <c>extends</c> chain. Each call
/// throws unless every profile loaded, so the figure is a clean load.
/// </summary>
[MemoryDiagnoser]
public class ProfileLoadBenchmarks
{
    private string _directory = "";
    private string _versionFile = "";

    [GlobalSetup]
    public void Setup()
    {
        _directory = HardwareProfilesDirectory.Find();
        _versionFile = Path.Combine(_directory, "P3245-LVE-10.12" + ProfileLoader.FileExtension);
        Console.WriteLine($"// {nameof(ProfileLoadBenchmarks)}: {LoadAllShipped()} profiles in {_directory}");
    }

    /// <summary>Every shipped profile (the catalog the host builds).</summary>
    [Benchmark(Baseline = true)]
    public int LoadAllShipped() => ProfileLoader.LoadDirectory(_directory).Count;

    /// <summary>One profile at the end of a three-file chain (version file → model file → _base).</summary>
    [Benchmark]
    public string LoadOneThreeLevelChain() => ProfileLoader.LoadFile(_versionFile).Id;
}
