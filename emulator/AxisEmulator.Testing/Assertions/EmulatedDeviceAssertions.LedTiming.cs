using System.Globalization;
using FluentAssertions;

namespace AxisEmulator.Testing;

/// <summary>
/// Renode-style LED checks in virtual time: "holds this state for 10 s", "blinks at 4 Hz". The emulator
/// reports a flashing LED as one state with a rate (DESIGN.md §5: a blink is not a stream of events),
/// so "blinks at" reads that rate rather than sampling on/off edges.
/// </summary>
public sealed partial class EmulatedDeviceAssertions
{
    /// <summary>
    /// The status LED shows <paramref name="color"/> with <paramref name="pattern"/> now and keeps
    /// showing it through <paramref name="duration"/> of simulated time; a change in between fails with
    /// the timeline's <c>led-changed</c> entry.
    /// </summary>
    [CustomAssertion]
    public async Task<AndWhichConstraint<EmulatedDeviceAssertions, DeviceState>> HoldStatusLed(LedColor color, LedPattern pattern, TimeSpan duration, string because = "", params object[] becauseArgs)
    {
        var what = pattern == LedPattern.Off ? "a dark status LED" : $"a {pattern} {color} status LED";
        var start = await Subject.GetStateAsync();
        if (!start.Leds.Status.Is(color, pattern))
        {
            return Fail("to hold", what, "for", duration, "it shows " + start.Leds.Status + " at the start", start.Describe(), start, because, becauseArgs);
        }

        try
        {
            return Which(await Subject.EnsureNeverAsync(s => !s.Leds.Status.Is(color, pattern), duration, conditionText: "the status LED changes"));
        }
        catch (AxisEmulatorUnexpectedStateException changed)
        {
            var state = changed.State!;
            var after = SimulatedTime.Format(state.Time - start.Time);
            var change = await LastEntryAsync(start.LastSequence, e => e.Event == "led-changed" && e.GetString("led") == "status");
            return Fail("to hold", what, "for", duration, $"after {after} it showed {state.Leds.Status}", change?.Describe() ?? state.Describe(), state, because, becauseArgs);
        }
    }

    /// <summary>
    /// Within <paramref name="within"/> of simulated time the status LED flashes <paramref name="color"/>
    /// at <paramref name="hz"/> (± <paramref name="toleranceHz"/>).
    /// </summary>
    [CustomAssertion]
    public async Task<AndWhichConstraint<EmulatedDeviceAssertions, DeviceState>> BlinkStatusLed(LedColor color, double hz, TimeSpan within, double toleranceHz = 0.05, string because = "", params object[] becauseArgs)
    {
        var what = string.Create(CultureInfo.InvariantCulture, $"a status LED flashing {color} at {hz:0.##} Hz");
        DeviceState state;
        try
        {
            state = await Subject.WaitForAsync(s => s.Leds.Status.IsFlashing(color), within, conditionText: $"flashing {color}");
        }
        catch (AxisEmulatorTimeoutException timeout)
        {
            return Fail("to show", what, "within", within, "it never flashed " + color, After(timeout.Message), timeout.LastState!, because, becauseArgs);
        }

        if (state.Leds.Status.Hz is not { } rate || Math.Abs(rate - hz) > toleranceHz)
        {
            var actual = state.Leds.Status.Hz is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r:0.##} Hz") : "no reported rate";
            return Fail("to show", what, "within", within, "it flashes at " + actual, state.Describe(), state, because, becauseArgs);
        }

        return Which(state);
    }

    /// <summary>The newest timeline entry after <paramref name="since"/> that matches, or null.</summary>
    private async Task<TimelineEntry?> LastEntryAsync(long since, Func<TimelineEntry, bool> match)
    {
        var page = await Subject.GetTimelineAsync(since);
        return page.Entries.LastOrDefault(match);
    }
}
