using AxisEmulator.Control.Scenarios;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Devices;
using Microsoft.Extensions.Logging;

namespace AxisEmulator.Control.Dashboard;

/// <summary>
/// One play of one scenario in presenter mode: runs the <see cref="ScenarioInterpreter"/> with its
/// <see cref="ScaledPacing"/> and, as its observer, keeps what <c>GET /api/v1/scenarios/play</c>
/// shows — the step in progress, each step's status, the captions. A step that does not hold is
/// noted and the show goes on.
/// </summary>
/// <param name="changed">Told after every change of what <see cref="Snapshot"/> shows.</param>
internal sealed class PresenterPlay(string file, Scenario scenario, IReadOnlyList<Device> devices, ScaledPacing pacing, SimulationClock clock, IScenarioVapixClient? vapix, ILogger logger, Action changed)
    : IScenarioObserver, IDisposable
{
    private readonly object _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly PresenterStep[] _steps = [.. scenario.Steps.Select((s, i) => new PresenterStep(i + 1, s.Line, s.Kind, s.Describe(), PresenterStepStatus.Pending, null, null))];
    private readonly List<PresenterCaption> _captions = [];

    // Only entries since the play started count: a live device has a history of its own.
    private readonly Dictionary<string, long> _startSequence = devices.ToDictionary(d => d.Id, d => d.Timeline.LastSequence, StringComparer.Ordinal);
    private PresenterOutcome _outcome = PresenterOutcome.Playing;
    private bool _mismatches;
    private int _stepIndex;
    private string? _caption;
    private bool _paused;

    public Task? Task { get; set; }

    public string? Message { get; set; }

    public bool Playing
    {
        get { lock (_gate) { return _outcome == PresenterOutcome.Playing; } }
    }

    public bool StopsAtFirstFailure => false;

    public void Cancel()
    {
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The play has already ended.
        }
    }

    public void Dispose() => _stop.Dispose();

    public PresenterState Snapshot(long version)
    {
        lock (_gate)
        {
            return new PresenterState(
                version,
                _outcome,
                _outcome == PresenterOutcome.Playing,
                file,
                scenario.Name,
                scenario.Description?.Trim(),
                [.. devices.Select(d => d.Id)],
                pacing.Scale,
                pacing.CaptionPause.TotalSeconds,
                _stepIndex,
                _steps.Length,
                _stepIndex > 0 ? _steps[_stepIndex - 1].Description : null,
                _caption,
                _paused,
                [.. _captions],
                [.. _steps],
                Message);
        }
    }

    public async Task RunAsync()
    {
        var token = _stop.Token;
        var outcome = PresenterOutcome.Finished;
        try
        {
            pacing.Start();
            await new ScenarioInterpreter(scenario, devices, clock, pacing, this, vapix, _startSequence).RunAsync(token).ConfigureAwait(false);
            outcome = _mismatches ? PresenterOutcome.FinishedWithMismatches : PresenterOutcome.Finished;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            outcome = PresenterOutcome.Stopped;
            Update(() => Message = Append(Message, "Stopped by the presenter."));
        }
        catch (Exception ex)
        {
            outcome = PresenterOutcome.Failed;
            logger.LogError(ex, "Presenter mode: {File} failed at step {Step}", file, _stepIndex);
            Update(() => Message = Append(Message, $"{ex.GetType().Name}: {ex.Message}"));
        }
        finally
        {
            pacing.Dispose();
            Update(() =>
            {
                _paused = false;
                _outcome = outcome;
            });
            Dispose();
        }
    }

    public void StepStarted(int index, ScenarioStep step) => Update(() =>
    {
        _stepIndex = index;
        _steps[index - 1] = _steps[index - 1] with { Status = PresenterStepStatus.Running, At = clock.GetUtcNow() };
    });

    public void StepFinished(ScenarioStepEnd end)
    {
        ArgumentNullException.ThrowIfNull(end);
        var status = end.Verdict switch
        {
            StepVerdict.Passed => PresenterStepStatus.Passed,
            StepVerdict.Failed => PresenterStepStatus.Failed,
            _ => PresenterStepStatus.Skipped,
        };
        Update(() =>
        {
            _mismatches |= status == PresenterStepStatus.Failed;
            _steps[end.Index - 1] = _steps[end.Index - 1] with { Status = status, Message = end.Message };
        });
    }

    public void CaptionShown(int index, CaptionStep caption) => Update(() =>
    {
        _caption = caption.Text;
        _captions.Add(new PresenterCaption(_captions.Count + 1, index, clock.GetUtcNow(), caption.Text));
    });

    public void CaptionPaused(bool paused) => Update(() => _paused = paused);

    private static string Append(string? existing, string text) => existing is null ? text : existing + " " + text;

    private void Update(Action change)
    {
        lock (_gate)
        {
            change();
        }

        changed();
    }
}
