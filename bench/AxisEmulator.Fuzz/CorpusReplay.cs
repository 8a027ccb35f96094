namespace AxisEmulator.Fuzz;

/// <summary>What replaying a corpus found: inputs run per target, and every crash with its file.</summary>
public sealed record CorpusReport(IReadOnlyDictionary<string, int> Inputs, IReadOnlyList<string> Crashes)
{
    public string Summary => $"replayed {Inputs.Values.Sum()} inputs ({string.Join(", ", Inputs.Select(i => $"{i.Key} {i.Value}"))}), {Crashes.Count} crashes";
}

/// <summary>
/// The bounded form of fuzzing: every file of <c>corpus/TARGET/</c> through its target, and every
/// file of every folder through every other target too (a scenario is a fine hostile fleet file).
/// </summary>
public static class CorpusReplay
{
    public static CorpusReport Run(FuzzTargets targets, string corpus)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var inputs = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var crashes = new List<string>();
        foreach (var target in targets.All)
        {
            foreach (var file in inputs)
            {
                counts[target.Name] = counts.GetValueOrDefault(target.Name) + 1;
                if (target.Check(File.ReadAllBytes(file)) is { } crash)
                {
                    crashes.Add($"{target.Name} {Path.GetRelativePath(corpus, file)}: {crash.GetType().Name}: {crash.Message}");
                }
            }
        }

        return new CorpusReport(counts, crashes);
    }
}
