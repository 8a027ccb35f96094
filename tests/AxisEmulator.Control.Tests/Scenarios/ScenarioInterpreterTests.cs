using AxisEmulator.Control.Scenarios;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Fleet;
using static AxisEmulator.Control.Tests.Scenarios.ScenarioFixtures;

namespace AxisEmulator.Control.Tests.Scenarios;

/// <summary>The one interpreter under its policies: what an observer hears, and where the timeline starts.</summary>
public sealed class ScenarioInterpreterTests : IDisposable
{
    private readonly Emulator _emulator = new(new EmulatorOptions { ClockMode = ClockMode.Manual }, Profiles);

    public void Dispose() => _emulator.Dispose();

    [Fact]
    public async Task A_show_notes_a_failed_step_and_goes_on()
    {
        var observer = new Recorder(stopsAtFirstFailure: false);
        await PlayAsync(observer, "power: on", "expect: { phase: ready }", "caption: still here", "wait: 2s", "vapix: { path: /axis-cgi/systemready.cgi }");

        observer.Ends.Select(e => e.Verdict).Should().Equal(StepVerdict.Passed, StepVerdict.Failed, StepVerdict.Passed, StepVerdict.Passed, StepVerdict.Skipped);
        observer.Ends[1].Message.Should().Be("phase is bootloader");
        observer.Ends[3].Should().Match<ScenarioStepEnd>(e => e.At == TimeSpan.Zero && e.Duration == TimeSpan.FromSeconds(2));
        observer.Ends[4].Message.Should().Be(ScenarioInterpreter.VapixUnavailable);
        observer.Captions.Should().Equal("3: still here");
        observer.Started.Should().Equal(1, 2, 3, 4, 5);
    }

    [Fact]
    public async Task A_test_stops_at_the_first_failed_step()
    {
        var observer = new Recorder(stopsAtFirstFailure: true);
        await PlayAsync(observer, "expect: { phase: ready }", "wait: 2s");

        observer.Ends.Should().ContainSingle().Which.Verdict.Should().Be(StepVerdict.Failed);
        _emulator.Clock.Elapsed.Should().Be(TimeSpan.Zero, "the wait never ran");
    }

    [Fact]
    public async Task Expect_timeline_counts_only_what_followed_the_start_it_is_given()
    {
        var device = _emulator.AddDevice("P3265-LVE", "live");
        device.PowerOn(Core.Power.DefaultPowerSource.For(device.Profile));
        _emulator.Clock.Advance(TimeSpan.FromMinutes(2));
        var observer = new Recorder(stopsAtFirstFailure: false);
        var steps = Parse("name: t\nsteps:\n  - expect-timeline: { kind: boot, event: bootloader-started, count: 0 }\n  - restart: {}\n  - wait: 1m\n  - expect-timeline: { kind: boot, event: bootloader-started, count: 1 }\n");

        await new ScenarioInterpreter(steps, [device], _emulator.Clock, new ManualPacing(_emulator.Clock), observer, null, new Dictionary<string, long> { ["live"] = device.Timeline.LastSequence })
            .RunAsync(CancellationToken.None);

        observer.Ends.Should().OnlyContain(e => e.Verdict == StepVerdict.Passed, "the first boot came before the start");
    }

    private async Task PlayAsync(IScenarioObserver observer, params string[] steps)
    {
        var scenario = Parse("name: t\nrequires: [vapix]\nsteps:\n" + string.Concat(steps.Select(s => "  - " + s + "\n")));
        var device = _emulator.AddDevice("P3265-LVE");
        await new ScenarioInterpreter(scenario, [device], _emulator.Clock, new ManualPacing(_emulator.Clock), observer, vapix: null).RunAsync(CancellationToken.None);
    }

    private sealed class Recorder(bool stopsAtFirstFailure) : IScenarioObserver
    {
        public List<int> Started { get; } = [];

        public List<ScenarioStepEnd> Ends { get; } = [];

        public List<string> Captions { get; } = [];

        public bool StopsAtFirstFailure => stopsAtFirstFailure;

        public void StepStarted(int index, ScenarioStep step) => Started.Add(index);

        public void StepFinished(ScenarioStepEnd end) => Ends.Add(end);

        public void CaptionShown(int index, CaptionStep caption) => Captions.Add($"{index}: {caption.Text}");
    }
}
