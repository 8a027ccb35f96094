using AxisEmulator.LoadTest.Kill9;
using Xunit.Abstractions;

namespace AxisEmulator.Tests;

/// <summary>
/// Issue 17 §2, CI form of <c>AxisEmulator.LoadTest kill-9</c>: the real emulator on a state
/// directory, SIGKILLed 30 times under param.cgi, pwdgrp.cgi and factorydefault.cgi writes and
/// restarted; an OK the client saw is on disk, no file is corrupt, every start succeeds.
/// </summary>
public sealed class KillNineTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Thirty_kills_under_writes_lose_no_acknowledged_write_and_corrupt_no_state_file()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AxisEmulator.dll");
        var figures = await Kill9Run.RunAsync(new Kill9Options(dll, Kills: 30, Devices: 3, Seed: 17, MaxWritesBeforeKill: 20), output.WriteLine);

        output.WriteLine($"kills {figures.Kills} ({figures.KillsDuringBoot} while booting, {figures.InFlightAtKill} writes in flight, {figures.SavesCutShort} inside a save), acknowledged writes {figures.AcknowledgedWrites} (factory defaults {figures.FactoryDefaults}), lost {figures.Lost}, corrupt {figures.Corrupt}, start-up failures {figures.StartupFailures}, unexpected answers {figures.UnexpectedAnswers}, {figures.Elapsed.TotalSeconds:F1} s");
        figures.Problems.Should().BeEmpty();
        figures.Kills.Should().Be(30);
        figures.Lost.Should().Be(0);
        figures.Corrupt.Should().Be(0);
        figures.StartupFailures.Should().Be(0);
        figures.UnexpectedAnswers.Should().Be(0);
        figures.AcknowledgedWrites.Should().BeGreaterThan(30);
    }
}
