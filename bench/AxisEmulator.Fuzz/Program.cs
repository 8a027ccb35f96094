using AxisEmulator.Core.Profiles;
using AxisEmulator.Fuzz;
using SharpFuzz;

// AxisEmulator.Fuzz list | replay [CORPUS] | afl TARGET | libfuzzer TARGET (see bench/README.md, "Fuzzing").
var root = FindRoot();
using var targets = new FuzzTargets(ProfileCatalog.Load(Path.Combine(root, "hardware-profiles")));
var command = args.Length > 0 ? args[0] : "list";
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
    case "afl" when args.Length > 1:
        // Under afl-fuzz (the assemblies instrumented with the sharpfuzz tool): one input per stdin.
        var afl = targets[args[1]];
        Fuzzer.OutOfProcess.Run(stream => Crash(afl, ReadAll(stream)));
        return 0;
    case "libfuzzer" when args.Length > 1:
        var lib = targets[args[1]];
        Fuzzer.LibFuzzer.Run(span => Crash(lib, span.ToArray()));
        return 0;
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

static string FindRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "AxisEmulator.sln")))
        {
            return directory.FullName;
        }
    }

    throw new DirectoryNotFoundException($"No AxisEmulator.sln above {AppContext.BaseDirectory}.");
}
