using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events.Notifications;
using static AxisEmulator.Control.Scenarios.ScenarioTimes;

namespace AxisEmulator.Control.Scenarios;

/// <summary>
/// expect-event: waits for an event the camera publishes, derived from its timeline as the VAPIX
/// event stream derives it. Consecutive expect-event steps read one sequence: each looks from just
/// after the event the step before it matched, so two events published at the same instant (the
/// link-local and the fallback address at network-up) can be expected one after the other.
/// </summary>
public sealed partial class ScenarioInterpreter
{
    /// <summary>Where the last passed expect-event matched, per device: the entry's sequence and how many of its notifications were passed.</summary>
    private (int Step, Dictionary<string, (long Sequence, int Taken)> Matched)? _lastEvent;

    private async Task<StepOutcome> ExpectEventAsync(int index, ExpectEventStep step, CancellationToken cancellationToken)
    {
        var resume = _lastEvent is { } last && last.Step == index - 1 ? last.Matched : null;
        var from = _devices.ToDictionary(d => d.Id, d => resume?.GetValueOrDefault(d.Id) ?? (d.Timeline.LastSequence + 1, 0));
        var started = _clock.Elapsed;
        (long Sequence, int Taken)? Seen(Device device)
        {
            var (sequence, taken) = from[device.Id];
            foreach (var entry in device.Timeline.Since(sequence - 1))
            {
                var notifications = EventNotifications.From(entry, device.SystemTime.Offset);
                var skip = entry.Sequence == sequence ? taken : 0;
                for (var i = skip; i < notifications.Count; i++)
                {
                    if (step.Matches(notifications[i]))
                    {
                        return (entry.Sequence, i + 1);
                    }
                }
            }

            return null;
        }

        var end = await pacing.PassUntilAsync(() => _devices.All(d => Seen(d) is not null), step.Within.Value, cancellationToken).ConfigureAwait(false);
        var waited = Seconds(_clock.Elapsed - started);
        var missing = string.Join("; ", _devices.Where(d => Seen(d) is null).Select(d => Who(d) + "no such event"));
        if (end == WaitEnd.ConditionHolds)
        {
            _lastEvent = (index, _devices.ToDictionary(d => d.Id, d => Seen(d)!.Value));
        }

        return end switch
        {
            WaitEnd.ConditionHolds => StepOutcome.Pass("after " + waited),
            WaitEnd.DeadlinePassed => StepOutcome.Fail($"timed out after {waited} (at {Seconds(Now)}); {missing}"),
            _ => StepOutcome.Fail($"gave up after {Count(ManualPacing.MaxEventsPerWait)} simulation events in {waited}; {missing}"),
        };
    }
}
