using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Timeline;

namespace AxisEmulator.Core.Tests.Timeline;

public class DeviceTimelineTests
{
    [Fact]
    public void Entries_carry_increasing_sequence_numbers_and_simulated_time()
    {
        using var clock = new SimulationClock();
        var timeline = new DeviceTimeline("cam", clock);
        timeline.Append(TimelineKind.Power, "power-on", "on");
        clock.Advance(TimeSpan.FromSeconds(3));
        var second = timeline.Append(TimelineKind.Led, "led-changed", "amber");
        second.Sequence.Should().Be(2);
        second.Time.Should().Be(SimulationClock.DefaultEpoch.AddSeconds(3));
        timeline.Since(1).Should().ContainSingle().Which.Should().Be(second);
    }

    [Fact]
    public void The_ring_is_bounded_and_keeps_the_newest_entries()
    {
        using var clock = new SimulationClock();
        var timeline = new DeviceTimeline("cam", clock, capacity: 3);
        for (var i = 1; i <= 5; i++)
        {
            timeline.Append(TimelineKind.Http, "request", $"#{i}");
        }

        timeline.Count.Should().Be(3);
        timeline.Since(0).Select(e => e.Sequence).Should().Equal(3, 4, 5);
        timeline.LastSequence.Should().Be(5);
    }

    [Fact]
    public void Appended_is_raised_for_each_entry()
    {
        using var clock = new SimulationClock();
        var timeline = new DeviceTimeline("cam", clock);
        var seen = new List<long>();
        timeline.Appended += e => seen.Add(e.Sequence);
        timeline.Append(TimelineKind.Boot, "a", "a");
        timeline.Append(TimelineKind.Boot, "b", "b");
        seen.Should().Equal(1, 2);
    }
}
