using AxisEmulator.Core.Clock;
using Microsoft.Extensions.Time.Testing;

namespace AxisEmulator.Core.Tests.Clock;

public class SimulationClockTests
{
    [Fact]
    public void Manual_clock_starts_at_the_epoch_and_moves_only_when_advanced()
    {
        using var clock = new SimulationClock(ClockMode.Manual);
        clock.GetUtcNow().Should().Be(SimulationClock.DefaultEpoch);
        clock.Advance(TimeSpan.FromSeconds(90));
        clock.GetUtcNow().Should().Be(SimulationClock.DefaultEpoch.AddSeconds(90));
        clock.Elapsed.Should().Be(TimeSpan.FromSeconds(90));
    }

    [Fact]
    public void Events_run_in_due_order_then_insertion_order_with_now_at_their_due_time()
    {
        using var clock = new SimulationClock();
        var log = new List<string>();
        clock.Schedule(TimeSpan.FromSeconds(2), () => log.Add($"b@{clock.Elapsed.TotalSeconds}"));
        clock.Schedule(TimeSpan.FromSeconds(1), () => log.Add($"a@{clock.Elapsed.TotalSeconds}"));
        clock.Schedule(TimeSpan.FromSeconds(2), () => log.Add($"c@{clock.Elapsed.TotalSeconds}"));
        clock.Advance(TimeSpan.FromSeconds(5)).Should().Be(3);
        log.Should().Equal("a@1", "b@2", "c@2");
    }

    [Fact]
    public void Events_scheduled_by_events_run_within_the_same_advance()
    {
        using var clock = new SimulationClock();
        var fired = 0;
        clock.Schedule(TimeSpan.FromSeconds(1), () => clock.Schedule(TimeSpan.FromSeconds(1), () => fired++));
        clock.Advance(TimeSpan.FromSeconds(2));
        fired.Should().Be(1);
    }

    [Fact]
    public void Cancelled_events_never_run_and_do_not_count_as_pending()
    {
        using var clock = new SimulationClock();
        var ran = false;
        var scheduled = clock.Schedule(TimeSpan.FromSeconds(1), () => ran = true);
        clock.PendingEvents.Should().Be(1);
        scheduled.Cancel();
        clock.PendingEvents.Should().Be(0);
        clock.RunUntilIdle(TimeSpan.FromHours(1)).Should().BeTrue();
        ran.Should().BeFalse();
    }

    [Fact]
    public void Run_until_idle_stops_at_its_bound_when_events_keep_coming()
    {
        using var clock = new SimulationClock();
        void Loop() => clock.Schedule(TimeSpan.FromSeconds(10), Loop);
        Loop();
        clock.RunUntilIdle(TimeSpan.FromMinutes(1)).Should().BeFalse();
        clock.Elapsed.Should().Be(TimeSpan.FromSeconds(60));
        clock.ExecutedEvents.Should().Be(6);
    }

    [Fact]
    public async Task Timers_and_Task_Delay_on_the_clock_follow_simulated_time()
    {
        using var clock = new SimulationClock();
        var ticks = 0;
        using var timer = clock.CreateTimer(_ => ticks++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        var delay = Task.Delay(TimeSpan.FromSeconds(3), clock);
        clock.Advance(TimeSpan.FromSeconds(2.5));
        ticks.Should().Be(2);
        delay.IsCompleted.Should().BeFalse();
        clock.Advance(TimeSpan.FromSeconds(1));
        ticks.Should().Be(3);
        await delay.WaitAsync(TimeSpan.FromSeconds(10));
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromSeconds(10));
        ticks.Should().Be(3);
    }

    [Fact]
    public void Advancing_a_clock_that_is_not_manual_is_refused()
    {
        using var clock = new SimulationClock(ClockMode.Realtime, wallClock: new FakeTimeProvider());
        var act = () => clock.Advance(TimeSpan.FromSeconds(1));
        act.Should().Throw<InvalidOperationException>().WithMessage("*Realtime mode*");
    }

    [Fact]
    public void Scaled_time_runs_N_times_faster_than_the_wall_clock()
    {
        var wall = new FakeTimeProvider();
        using var clock = new SimulationClock(ClockMode.Scaled, 50, wallClock: wall);
        wall.Advance(TimeSpan.FromSeconds(2));
        clock.Elapsed.Should().Be(TimeSpan.FromSeconds(100));
        clock.SetMode(ClockMode.Manual);
        wall.Advance(TimeSpan.FromSeconds(2));
        clock.Elapsed.Should().Be(TimeSpan.FromSeconds(100), "switching to manual freezes time where it was");
    }

    [Fact]
    public void The_wall_clock_it_paces_by_is_the_one_it_hands_on_to_sockets_and_captions()
    {
        var wall = new FakeTimeProvider();
        using var faked = new SimulationClock(ClockMode.Scaled, 50, wallClock: wall);
        using var real = new SimulationClock();

        faked.Wall.Should().BeSameAs(wall);
        real.Wall.Should().BeSameAs(TimeProvider.System, "without one the clock paces by the system's");
    }

    [Fact]
    public async Task Scaled_clock_fires_due_events_on_its_driver_thread()
    {
        using var clock = new SimulationClock(ClockMode.Scaled, 100_000);
        var fired = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        clock.Schedule(TimeSpan.FromSeconds(30), () => fired.SetResult(clock.Elapsed));
        var at = await fired.Task.WaitAsync(TimeSpan.FromSeconds(10));
        at.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Invalid_scales_are_refused(double scale)
    {
        using var clock = new SimulationClock();
        var act = () => clock.SetMode(ClockMode.Scaled, scale);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Scale must be greater than 0*");
    }
}
