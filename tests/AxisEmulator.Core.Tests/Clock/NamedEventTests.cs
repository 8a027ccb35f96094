using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Tests.Support;

namespace AxisEmulator.Core.Tests.Clock;

/// <summary>Every event on the clock says what it is for, in the debugger and wherever lateness is reported.</summary>
public class NamedEventTests
{
    [Fact]
    public void An_event_is_named_by_its_owner_and_what_it_does()
    {
        using var clock = new SimulationClock();
        var named = clock.Schedule(TimeSpan.FromSeconds(1), new EventName("cam-1", "boot: network-up"), () => { });
        var plain = clock.Schedule(TimeSpan.FromSeconds(2), "test: tick", () => { });
        var unnamed = clock.Schedule(TimeSpan.FromSeconds(3), () => { });

        named.Name.ToString().Should().Be("cam-1 boot: network-up");
        plain.Name.ToString().Should().Be("test: tick");
        unnamed.Name.Should().Be(SimulationClock.Unnamed);
    }

    [Fact]
    public void A_device_names_its_phase_timers_after_itself()
    {
        using var h = new DeviceHarness(id: "cam-1");
        h.Camera.PowerOn(DeviceHarness.PoeClass3);
        h.Clock.PendingInOrder().Select(e => e.Name.ToString()).Should().Contain("cam-1 boot: boot loader done");
        h.Clock.Advance(TimeSpan.FromSeconds(h.Camera.Profile.Boot.BootLoaderSeconds));
        h.Clock.PendingInOrder().Select(e => e.Name.ToString()).Should().Contain("cam-1 boot: network-up");
    }

    [Fact]
    public void The_debug_view_shows_mode_time_pending_count_and_the_next_event_by_name()
    {
        using var clock = new SimulationClock();
        clock.Schedule(TimeSpan.FromSeconds(30), new EventName("cam-2", "boot: ready"), () => { });
        clock.Schedule(TimeSpan.FromSeconds(5), new EventName("cam-1", "button: debounce settles"), () => { });
        clock.Advance(TimeSpan.FromSeconds(1));

        var view = typeof(SimulationClock).GetProperty("DebuggerView", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(clock);
        view.Should().Be("manual, +00:00:01, 2 pending, next: cam-1 button: debounce settles at 2026-01-01T00:00:05");
        clock.PendingInOrder().Select(e => e.Name.ToString()).Should().Equal("cam-1 button: debounce settles", "cam-2 boot: ready");
    }
}
