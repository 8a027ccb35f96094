using System.Globalization;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Control.Scenarios;

/// <summary>
/// The one interpreter of scenario steps: what each step does to the devices and when it holds. How
/// time passes is the <see cref="IScenarioPacing"/>'s business (manual time as fast as possible, or
/// scaled playback with caption pauses); who hears about each step is the
/// <see cref="IScenarioObserver"/>'s (a test report, the presenter's live state).
/// </summary>
/// <remarks>
/// A step that throws fails with the exception's message; cancellation throws
/// <see cref="OperationCanceledException"/>. Times are relative to when the interpreter was made.
/// </remarks>
/// <param name="timelineFrom">
/// Per device id, the timeline sequence after which <c>expect-timeline</c> counts entries (a live
/// device has a history of its own); null counts the devices' whole timelines.
/// </param>
public sealed partial class ScenarioInterpreter(
    Scenario scenario,
    IReadOnlyList<Device> devices,
    SimulationClock clock,
    IScenarioPacing pacing,
    IScenarioObserver observer,
    IScenarioVapixClient? vapix,
    IReadOnlyDictionary<string, long>? timelineFrom = null)
{
    private readonly IReadOnlyList<Device> _devices = devices ?? throw new ArgumentNullException(nameof(devices));
    private readonly SimulationClock _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    private readonly TimeSpan _start = clock.Elapsed;

    /// <summary>Why a <c>vapix</c> step cannot run without an <see cref="IScenarioVapixClient"/>.</summary>
    public const string VapixUnavailable = "VAPIX steps need a running listener (serve mode or the CLI run command)";

    /// <summary>Simulated time since the interpreter was made.</summary>
    public TimeSpan Now => _clock.Elapsed - _start;

    /// <summary>Plays every step in order (up to the first failure, if the observer stops there).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < scenario.Steps.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = scenario.Steps[i];
            var at = Now;
            observer.StepStarted(i + 1, step);
            StepOutcome outcome;
            try
            {
                outcome = await ExecuteAsync(i + 1, step, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or UnknownProfileException)
            {
                outcome = StepOutcome.Fail(ex.Message);
            }
            catch (Exception ex)
            {
                // A bug rather than bad input, but a report beats a crash: name the exception.
                outcome = StepOutcome.Fail($"{ex.GetType().Name}: {ex.Message}");
            }

            observer.StepFinished(new ScenarioStepEnd(i + 1, step, outcome.Verdict, outcome.Message, at, Now - at));
            if (outcome.Verdict == StepVerdict.Failed && observer.StopsAtFirstFailure)
            {
                return;
            }
        }
    }

    private async Task<StepOutcome> ExecuteAsync(int index, ScenarioStep step, CancellationToken cancellationToken)
    {
        switch (step)
        {
            case CaptionStep caption:
                await ShowCaptionAsync(index, caption, cancellationToken).ConfigureAwait(false);
                return StepOutcome.Pass();
            case ButtonStep button:
                await ButtonAsync(button, cancellationToken).ConfigureAwait(false);
                return StepOutcome.Pass();
            case WaitStep wait:
                await pacing.PassAsync(wait.Duration.Value, cancellationToken).ConfigureAwait(false);
                return StepOutcome.Pass();
            case WaitForStep waitFor:
                return await WaitForAsync(waitFor, cancellationToken).ConfigureAwait(false);
            case VapixStep vapix:
                return await VapixAsync(vapix, cancellationToken).ConfigureAwait(false);
            case PowerStep power:
                return Power(power);
            case ExpectStep expect:
                return Expect(expect.Condition);
            case ExpectTimelineStep timeline:
                return ExpectTimeline(timeline.Expectation);
            case FaultStep fault:
                return Fault(fault);
            case RestartStep:
                return Each(d => d.Restart() ? null : $"cannot restart while {d.Phase.ToKebab()} (a restart needs a running unit: network-up or ready)");
            case FactoryDefaultStep defaults:
                return Each(d => d.FactoryDefault(defaults.Mode) ? null : $"cannot factory-default while {d.Phase.ToKebab()} (it needs a running unit: network-up or ready)");
            case UpgradeStep upgrade:
                return Upgrade(upgrade);
            case ExpectEventStep expectEvent:
                return await ExpectEventAsync(index, expectEvent, cancellationToken).ConfigureAwait(false);
            default:
                return StepOutcome.Skip($"no interpreter for '{step.Kind}' steps");
        }
    }

    private async Task ShowCaptionAsync(int index, CaptionStep caption, CancellationToken cancellationToken)
    {
        observer.CaptionShown(index, caption);
        if (!pacing.PausesForCaptions)
        {
            return;
        }

        observer.CaptionPaused(true);
        try
        {
            await pacing.PauseForCaptionAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            observer.CaptionPaused(false);
        }
    }

    private string Who(Device device) => _devices.Count > 1 ? device.Id + ": " : "";

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private readonly record struct StepOutcome(StepVerdict Verdict, string? Message)
    {
        public static StepOutcome Pass(string? note = null) => new(StepVerdict.Passed, note);

        public static StepOutcome Fail(string message) => new(StepVerdict.Failed, message);

        public static StepOutcome Skip(string reason) => new(StepVerdict.Skipped, reason);
    }
}
