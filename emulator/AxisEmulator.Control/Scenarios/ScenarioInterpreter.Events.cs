using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events.Notifications;
using static AxisEmulator.Control.Scenarios.ScenarioTimes;

namespace AxisEmulator.Control.Scenarios;

/// <summary>expect-event: waits for an event the camera publishes, derived from its timeline as the VAPIX event stream derives it.</summary>
public sealed partial class ScenarioInterpreter
{
    private async Task<StepOutcome> ExpectEventAsync(ExpectEventStep step, CancellationToken cancellationToken)
    {
        var from = _devices.ToDictionary(d => d.Id, d => d.Timeline.LastSequence);
        var started = _clock.Elapsed;
        EventNotification? Seen(Device device) => device.Timeline.Since(from[device.Id])
            .SelectMany(e => EventNotifications.From(e, device.SystemTime.Offset))
            .FirstOrDefault(step.Matches);
        var end = await pacing.PassUntilAsync(() => _devices.All(d => Seen(d) is not null), step.Within.Value, cancellationToken).ConfigureAwait(false);
        var waited = Seconds(_clock.Elapsed - started);
        var missing = string.Join("; ", _devices.Where(d => Seen(d) is null).Select(d => Who(d) + "no such event"));
        return end switch
        {
            WaitEnd.ConditionHolds => StepOutcome.Pass("after " + waited),
            WaitEnd.DeadlinePassed => StepOutcome.Fail($"timed out after {waited} (at {Seconds(Now)}); {missing}"),
            _ => StepOutcome.Fail($"gave up after {Count(ManualPacing.MaxEventsPerWait)} simulation events in {waited}; {missing}"),
        };
    }
}
