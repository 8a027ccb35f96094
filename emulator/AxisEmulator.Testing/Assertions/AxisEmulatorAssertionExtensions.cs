using System.Diagnostics;

namespace AxisEmulator.Testing;

/// <summary>
/// Entry points of the domain assertions: <c>state.Should().HaveStatusLed(LedColor.Amber, LedPattern.Flashing)</c>,
/// <c>timeline.Should().ShowFactoryReset()</c>, <c>await camera.Should().ReachPhase("ready", within: TimeSpan.FromMinutes(2))</c>.
/// </summary>
[DebuggerNonUserCode]
public static class AxisEmulatorAssertionExtensions
{
    /// <summary>Assertions on one device state (no time passes).</summary>
    public static DeviceStateAssertions Should(this DeviceState state) => new(state);

    /// <summary>Assertions on a device's timeline.</summary>
    public static TimelineAssertions Should(this TimelinePage timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        return new TimelineAssertions(timeline.Entries, timeline.DeviceId);
    }

    /// <summary>Assertions on timeline entries (from the event stream, say).</summary>
    public static TimelineAssertions Should(this IEnumerable<TimelineEntry> entries) =>
        new(entries is null ? null! : [.. entries], null);

    /// <summary>Assertions that let simulated time pass: the device reaches (or never reaches) a state within a span.</summary>
    public static EmulatedDeviceAssertions Should(this EmulatedDevice device) => new(device);
}
