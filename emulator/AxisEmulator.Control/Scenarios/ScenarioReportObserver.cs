using System.Globalization;
using System.Text;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Fleet;
using static AxisEmulator.Control.Scenarios.ScenarioTimes;

namespace AxisEmulator.Control.Scenarios;

/// <summary>
/// The test's view of a run: a log line per step with its simulated time (streamed to
/// <see cref="ScenarioRunOptions.Log"/>), optionally the timeline entries each step caused, and at
/// the end a <see cref="ScenarioReport"/>. Stops the run at the first failed step.
/// </summary>
internal sealed class ScenarioReportObserver : IScenarioObserver
{
    private readonly Scenario _scenario;
    private readonly Emulator _emulator;
    private readonly ScenarioRunOptions _options;
    private readonly TimeSpan _start;
    private readonly StringBuilder _log = new();
    private readonly List<ScenarioStepResult> _results = [];
    private readonly Dictionary<string, long> _printed = new(StringComparer.Ordinal);
    private readonly List<Device> _devices = [];
    private string? _failure;

    /// <summary>Prints the scenario's header.</summary>
    public ScenarioReportObserver(Scenario scenario, Emulator emulator, ScenarioRunOptions options)
    {
        _scenario = scenario;
        _emulator = emulator;
        _options = options;
        _start = emulator.Clock.Elapsed;
        Line($"Scenario: {scenario.Name}{(scenario.File is null ? "" : $" ({scenario.File})")}");
        if (scenario.Description is { } description)
        {
            foreach (var line in Wrap(description, 98))
            {
                Line("  " + line);
            }
        }
    }

    public bool StopsAtFirstFailure => true;

    /// <summary>The devices the steps act on, in order.</summary>
    public IReadOnlyList<Device> Devices => _devices;

    /// <summary>A device the steps act on, printed as it is added.</summary>
    public void Added(Device camera)
    {
        _devices.Add(camera);
        _printed[camera.Id] = camera.Timeline.LastSequence;
        Line($"Device: {camera.Id} ({camera.Profile.Id}, serial {camera.Serial}{(_scenario.Device.Admin is { } a ? $", admin {a.User}" : ", setup mode")})");
    }

    /// <summary>Every device is there: prints the seed they run with.</summary>
    public void SetUp() => Line(string.Create(CultureInfo.InvariantCulture, $"Seed: {_emulator.Seed}"));

    public void StepStarted(int index, ScenarioStep step)
    {
    }

    public void StepFinished(ScenarioStepEnd end)
    {
        ArgumentNullException.ThrowIfNull(end);
        var step = end.Step;
        // A step that cannot run here fails the test: it did not show what it should.
        var status = end.Verdict == StepVerdict.Passed ? ScenarioStepStatus.Passed : ScenarioStepStatus.Failed;
        var result = new ScenarioStepResult(end.Index, step.Line, step.Kind, step.Describe(), status, end.At, end.Duration, end.Message);
        _results.Add(result);
        Line(step is CaptionStep
            ? $"{Stamp(result.At)} {result.Description}"
            : $"{Stamp(result.At)} {result.Description} {(status == ScenarioStepStatus.Passed ? "✓" : "✗")}{(result.Message is null ? "" : " " + result.Message)}");
        EchoTimeline();
        if (status == ScenarioStepStatus.Failed)
        {
            var line = step.Line.ToString(CultureInfo.InvariantCulture);
            var where = _scenario.File is null ? $"line {line}" : $"{_scenario.File}:{line}";
            _failure = $"step {result.Index.ToString(CultureInfo.InvariantCulture)} ({where}) {result.Description}: {result.Message}";
        }
    }

    /// <summary>The report of the steps run so far: passed, or failed at the first failed step.</summary>
    public ScenarioReport Finish() => _failure is null
        ? Finish(ScenarioOutcome.Passed, null, "PASSED")
        : Finish(ScenarioOutcome.Failed, _failure, "FAILED at");

    /// <summary>The report of a run that ends before (or without) its steps; every step not run.</summary>
    public ScenarioReport Finish(ScenarioOutcome outcome, string? failure, string verdict)
    {
        var now = _emulator.Clock.Elapsed - _start;
        for (var i = _results.Count; i < _scenario.Steps.Count; i++)
        {
            var step = _scenario.Steps[i];
            _results.Add(new ScenarioStepResult(i + 1, step.Line, step.Kind, step.Describe(), ScenarioStepStatus.NotRun, now, TimeSpan.Zero));
        }

        var steps = _results.Count(r => r.Status != ScenarioStepStatus.NotRun).ToString(CultureInfo.InvariantCulture);
        Line(outcome == ScenarioOutcome.Passed ? $"{verdict}: {steps} steps in {Seconds(now)} of simulated time" : $"{verdict} {failure}");
        return new ScenarioReport
        {
            Name = _scenario.Name,
            Description = _scenario.Description,
            File = _scenario.File,
            Outcome = outcome,
            Steps = [.. _results],
            Failure = failure,
            SimulatedDuration = now,
            Seed = _emulator.Seed,
            Devices = [.. _devices.Select(d => d.Id)],
            Log = _log.ToString(),
        };
    }

    /// <summary>With <see cref="ScenarioRunOptions.ShowTimeline"/>, prints the entries the last step caused.</summary>
    private void EchoTimeline()
    {
        if (!_options.ShowTimeline)
        {
            return;
        }

        var order = _devices.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var entries = _devices
            .SelectMany(d => d.Timeline.Since(_printed[d.Id]))
            .OrderBy(e => e.Time)
            .ThenBy(e => order[e.DeviceId])
            .ThenBy(e => e.Sequence)
            .ToList();
        foreach (var entry in entries)
        {
            var at = entry.Time - _emulator.Clock.Epoch - _start;
            Line($"{Stamp(at)}     {(_devices.Count > 1 ? entry.DeviceId + " " : "")}{ScenarioNames.Kind(entry.Kind)} {entry.Name}: {entry.Message}");
            _printed[entry.DeviceId] = Math.Max(_printed[entry.DeviceId], entry.Sequence);
        }
    }

    private void Line(string text)
    {
        _log.Append(text).Append('\n');
        _options.Log?.Write(text + "\n");
    }

    /// <summary>Word-wraps <paramref name="text"/> (paragraphs kept) for the log header.</summary>
    private static IEnumerable<string> Wrap(string text, int width)
    {
        foreach (var paragraph in text.Trim().Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > width)
                {
                    yield return line.ToString();
                    line.Clear();
                }

                line.Append(line.Length > 0 ? " " : "").Append(word);
            }

            yield return line.ToString();
        }
    }
}
