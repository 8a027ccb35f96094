using System.Text.RegularExpressions;
using AxisEmulator.LoadTest.Soak;
using Xunit.Abstractions;

namespace AxisEmulator.Tests;

/// <summary>
/// Issue 17 §4, CI form of <c>AxisEmulator.LoadTest soak</c>: the real emulator with 250 cameras
/// under a seeded chaos plan for 60 s while 20 pollers use VAPIX and the control API. Every failed
/// VAPIX call must be explained by the device's own timeline, the timeline's sequence numbers run on
/// by one, RSS stays bounded, and every camera is back at the end.
/// </summary>
public sealed class SoakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_minute_of_chaos_under_pollers_gives_no_error_but_the_modelled_downtime()
    {
        var options = new SoakOptions(Path.Combine(AppContext.BaseDirectory, "AxisEmulator.dll"), Devices: 250, Seconds: 60, Pollers: 20, Scale: 20, Seed: 17);
        var figures = await SoakRun.RunAsync(options, output.WriteLine);
        foreach (var line in SoakReport.Describe(figures, options))
        {
            output.WriteLine(line);
        }

        // Open defect (bench/README.md, "Soak"): about one call in 300,000 is refused by a camera whose
        // state and timeline say it was ready and listening throughout. Until it is found, the CI form
        // tolerates at most three of exactly that kind; any other unexpected outcome fails.
        figures.Polls.UnexpectedExamples.Where(e => !KnownRefusal.IsMatch(e)).Should().BeEmpty();
        figures.Polls.Unexpected.Should().BeLessThanOrEqualTo(3);
        figures.Polls.SequenceFaults.Should().Be(0);
        figures.Polls.TimelineEntries.Should().BeGreaterThan(0);
        figures.Polls.Modelled.Should().BeGreaterThan(0, "the chaos plan takes cameras down while they are polled");
        figures.ChaosActions.Should().BeGreaterThan(0);
        figures.RssBounded.Should().BeTrue();
        figures.Healthy.Should().BeTrue();
    }

    private static readonly Regex KnownRefusal = new(@"^cam-\d+ ready and listening throughout, yet (systemready|param)\.cgi failed socket-ConnectionRefused$");
}
