using AxisEmulator.Fuzz;

namespace AxisEmulator.Tests;

/// <summary>
/// The bounded CI form of the fuzzing (issue 17, part 1): every input of <c>bench/AxisEmulator.Fuzz/corpus/</c>
/// through every fuzz target; none may throw anything but its parser's documented error. The corpus
/// keeps what earlier runs found (the inputs that once crashed a parser stay in it).
/// </summary>
public class FuzzCorpusTests
{
    private static readonly string Corpus = Path.Combine(RepositoryPaths.Root, "bench", "AxisEmulator.Fuzz", "corpus");

    [Fact]
    public void Every_corpus_input_through_every_target_ends_in_a_result_or_the_documented_error()
    {
        using var targets = new FuzzTargets(ShippedProfiles.Catalog);
        Directory.GetDirectories(Corpus).Select(Path.GetFileName).Should().BeEquivalentTo(targets.All.Select(t => t.Name), "each target has its corpus folder");

        var report = CorpusReplay.Run(targets, Corpus);

        report.Crashes.Should().BeEmpty(report.Summary);
        report.Inputs.Values.Should().OnlyContain(count => count >= 20);
    }
}
