using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;

namespace AxisEmulator.Core.Tests.Events;

public class DeviceTimelineTests
{
    [Fact]
    public void Entries_carry_increasing_sequence_numbers_and_simulated_time()
    {
        using var clock = new SimulationClock();
        var timeline = new DeviceTimeline("cam", clock);
        timeline.Append(new ButtonPressed());
        clock.Advance(TimeSpan.FromSeconds(3));
        var second = timeline.Append(new ButtonReleased());
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
            timeline.Append(new ConfigChanged($"#{i}"));
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
        timeline.Append(new RestartRequested());
        timeline.Append(new RestartRequested());
        seen.Should().Equal(1, 2);
    }

    [Fact]
    public void An_entry_keeps_its_typed_event_and_reads_its_wire_shape_from_the_catalogue()
    {
        using var clock = new SimulationClock();
        var entry = new DeviceTimeline("cam", clock).Append(new PhaseChanged(DevicePhase.Off, DevicePhase.Bootloader));

        entry.Event.Should().Be(new PhaseChanged(DevicePhase.Off, DevicePhase.Bootloader));
        entry.Kind.Should().Be(TimelineKind.Phase);
        entry.Name.Should().Be("phase-changed");
        entry.Message.Should().Be("off → bootloader");
        entry.Data.Should().Equal(new Dictionary<string, object?> { ["from"] = "off", ["to"] = "bootloader" });
        entry.Get<string>("to").Should().Be("bootloader");
    }
}
