using System.Collections.Concurrent;
using AxisEmulator.Core.Clock;

namespace AxisEmulator.Core.Tests.Clock;

/// <summary>
/// <see cref="SimulationClock.PendingEvents"/> is what "idle" means to <c>RunUntilIdle</c> and to
/// the control API's advance-until-idle, so it must equal the events still waiting however many
/// threads schedule and cancel while another runs them.
/// </summary>
public class PendingEventCountTests
{
    private const int Schedulers = 4;
    private const int EventsPerScheduler = 20_000;

    [Fact]
    public async Task The_pending_count_equals_the_waiting_events_while_threads_schedule_cancel_and_advance_at_once()
    {
        using var clock = new SimulationClock();
        var scheduled = new ConcurrentQueue<ScheduledEvent>();
        using var start = new Barrier(Schedulers + 1);
        var stop = 0;

        var schedulers = Enumerable.Range(0, Schedulers).Select(worker => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                ScheduledEvent? previous = null;
                for (var i = 0; i < EventsPerScheduler; i++)
                {
                    var next = clock.Schedule(TimeSpan.FromTicks(1 + (i % 3)), () => { });
                    scheduled.Enqueue(next);

                    // Cancel some twice (from two threads at once, through the shared queue) and
                    // some while the advancing thread may be running them.
                    if (i % 2 == 0)
                    {
                        next.Cancel();
                    }

                    previous?.Cancel();
                    previous = i % 5 == 0 ? next : null;
                    if (scheduled.TryPeek(out var other) && i % 7 == 0)
                    {
                        other.Cancel();
                    }
                }
            },
            TaskCreationOptions.LongRunning)).ToArray();

        var advancer = Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                while (Volatile.Read(ref stop) == 0)
                {
                    clock.Advance(TimeSpan.FromTicks(1));
                }
            },
            TaskCreationOptions.LongRunning);

        await Task.WhenAll(schedulers).WaitAsync(TimeSpan.FromMinutes(1));
        Volatile.Write(ref stop, 1);
        await advancer.WaitAsync(TimeSpan.FromMinutes(1));

        var waiting = scheduled.Count(e => !e.IsCancelled && !e.HasRun);
        clock.PendingEvents.Should().Be(waiting, "every event scheduled is counted once and uncounted once, by running or by cancelling");
        clock.RunUntilIdle(TimeSpan.FromSeconds(1)).Should().BeTrue();
        clock.PendingEvents.Should().Be(0);
        scheduled.Should().OnlyContain(e => e.IsCancelled != e.HasRun, "an event either ran or was cancelled, never both");
    }
}
