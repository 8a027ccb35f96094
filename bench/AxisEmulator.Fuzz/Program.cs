using AxisEmulator.Core.Profiles;
using AxisEmulator.Fuzz;
using SharpFuzz;

// AxisEmulator.Fuzz list | replay [CORPUS] | afl TARGET | libfuzzer TARGET (see bench/README.md, "Fuzzing").
var root = FindRoot();
var command = args.Length > 0 ? args[0] : "list";
if (command is "afl" or "libfuzzer" && args.Length > 1)
{
    // Instrumented code may only run inside the fuzzer's loop (before it, the coverage map is not
    // mapped yet), so the targets and the profile catalog are made on the first input.
    FuzzTargets? fuzzing = null;
    void One(byte[] input)
    {
        fuzzing ??= new FuzzTargets(ProfileCatalog.Load(Path.Combine(root, "hardware-profiles")));
        Crash(fuzzing[args[1]], input);
    }

    if (command == "afl")
    {
        Fuzzer.OutOfProcess.Run(stream => One(ReadAll(stream)));
    }
    else
    {
        Fuzzer.LibFuzzer.Run(span => One(span.ToArray()));
    }

    return 0;
}

using var targets = new FuzzTargets(ProfileCatalog.Load(Path.Combine(root, "hardware-profiles")));
switch (command)
{
    case "list":
        foreach (var target in targets.All)
        {
            Console.WriteLine($"{target.Name,-10} {target.Feeds}");
        }

        return 0;
    case "replay":
        var corpus = args.Length > 1 ? args[1] : Path.Combine(root, "bench", "AxisEmulator.Fuzz", "corpus");
        var report = CorpusReplay.Run(targets, corpus);
        Console.WriteLine(report.Summary);
        foreach (var crash in report.Crashes)
        {
            Console.WriteLine(crash);
        }

        return report.Crashes.Count == 0 ? 0 : 1;
    default:
        Console.Error.WriteLine("usage: AxisEmulator.Fuzz list | replay [CORPUS] | afl TARGET | libfuzzer TARGET");
        return 2;
}

// A documented error is a normal outcome; anything else is rethrown so the fuzzer records a crash.
static void Crash(FuzzTarget target, byte[] input)
{
    if (target.Check(input) is { } crash)
    {
        throw new InvalidOperationException($"{target.Name} crashed", crash);
    }
}

static byte[] ReadAll(Stream stream)
{
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    return copy.ToArray();
}

// The repository (for the shipped profiles and the corpus): AXIS_EMULATOR_ROOT when set (a published copy under afl), else above the binaries.
static string FindRoot()
{
    if (Environment.GetEnvironmentVariable("AXIS_EMULATOR_ROOT") is { Length: > 0 } configured)
    {
        return configured;
    }

    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "AxisEmulator.sln")))
        {
            return directory.FullName;
        }
    }

    throw new DirectoryNotFoundException($"No AxisEmulator.sln above {AppContext.BaseDirectory}.");
}
