using AxisEmulator.Core.Clock;

namespace AxisEmulator.Control.Scenarios;

/// <summary>
/// Manual virtual time, as fast as possible: a wait advances the clock at once, a wait-for advances
/// it from event to event (or to the deadline) and asks after each. Captions take no time. The same
/// scenario on the same seed always takes the same path.
/// </summary>
public sealed class ManualPacing(SimulationClock clock) : IScenarioPacing
{
    /// <summary>A wait-for that runs this many events without its condition holding gives up (a runaway schedule).</summary>
    public const int MaxEventsPerWait = 5_000_000;

    public bool PausesForCaptions => false;

    public Task PassAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        clock.Advance(duration);
        return Task.CompletedTask;
    }

    public Task<WaitEnd> PassUntilAsync(Func<bool> holds, TimeSpan within, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(holds);
        var deadline = clock.Elapsed + within;
        for (var iteration = 0; ; iteration++)
        {
            if (holds())
            {
                return Task.FromResult(WaitEnd.ConditionHolds);
            }

            var now = clock.Elapsed;
            if (now >= deadline)
            {
                return Task.FromResult(WaitEnd.DeadlinePassed);
            }

            if (iteration % 4096 == 4095)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (iteration >= MaxEventsPerWait)
            {
                return Task.FromResult(WaitEnd.GaveUp);
            }

            var target = clock.NextEventDue is { } due && due - clock.Epoch < deadline ? due - clock.Epoch : deadline;
            clock.Advance(target > now ? target - now : TimeSpan.Zero);
        }
    }

    public Task PauseForCaptionAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
