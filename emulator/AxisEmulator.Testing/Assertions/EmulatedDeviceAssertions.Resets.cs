using FluentAssertions;

namespace AxisEmulator.Testing;

/// <summary>
/// "Reboots within", "keeps its configuration", "loses its configuration": the questions a reset tool's
/// test asks. A failure quotes the device's own explanation from its timeline: the boot loader's
/// verdict on the button release (<c>reset-release</c>, ResetOutcome: held seconds against the model's
/// window, with the margin), the window closing, or a network factory default.
/// </summary>
public sealed partial class EmulatedDeviceAssertions
{
    /// <summary>Entries in which the boot loader explains its verdict on the button.</summary>
    private static readonly string[] Verdicts = ["reset-release", "reset-window-closed"];

    /// <summary>
    /// The device boots again (its boot count rises) and reaches ready within <paramref name="within"/>
    /// of simulated time. <c>Which</c> is its state when ready.
    /// </summary>
    [CustomAssertion]
    public async Task<AndWhichConstraint<EmulatedDeviceAssertions, DeviceState>> RebootWithin(TimeSpan within, string because = "", params object[] becauseArgs)
    {
        var start = await Subject.GetStateAsync();
        // A device on its way up (power just restored, a restart accepted) is in its new boot already.
        var booted = start.Phase == DevicePhase.Ready || start.Phase == DevicePhase.Off ? start.BootCount + 1 : Math.Max(start.BootCount, 1);
        try
        {
            return Which(await Subject.WaitForAsync(s => s.BootCount >= booted && s.Phase == DevicePhase.Ready, within, conditionText: "a new boot reaching ready"));
        }
        catch (AxisEmulatorTimeoutException timeout)
        {
            var state = timeout.LastState!;
            var outcome = state.BootCount < booted ? "it did not boot again" : $"boot #{state.BootCount} is still in phase {state.Phase}";
            return Fail("to reboot and reach", "phase ready", "within", within, outcome, await StoryAsync(0, state), state, because, becauseArgs);
        }
    }

    /// <summary>
    /// The device comes back to ready within <paramref name="within"/> with its configuration kept: no
    /// factory default since <paramref name="since"/> (a timeline sequence, e.g. the one the power-off
    /// returned; default: the device's last <c>system-ready</c> before this call).
    /// </summary>
    [CustomAssertion]
    public Task<AndWhichConstraint<EmulatedDeviceAssertions, DeviceState>> KeepConfig(TimeSpan within, long? since = null, string because = "", params object[] becauseArgs) =>
        ConfigAsync(keep: true, within, since, because, becauseArgs);

    /// <summary>
    /// The device restores its factory defaults and comes back to ready within <paramref name="within"/>:
    /// a <c>factory-reset</c> entry since <paramref name="since"/> (default: the device's last
    /// <c>system-ready</c> before this call).
    /// </summary>
    [CustomAssertion]
    public Task<AndWhichConstraint<EmulatedDeviceAssertions, DeviceState>> LoseConfig(TimeSpan within, long? since = null, string because = "", params object[] becauseArgs) =>
        ConfigAsync(keep: false, within, since, because, becauseArgs);

    private async Task<AndWhichConstraint<EmulatedDeviceAssertions, DeviceState>> ConfigAsync(bool keep, TimeSpan within, long? since, string because, object[] becauseArgs)
    {
        var expectation = keep ? "to keep" : "to lose";
        var from = since ?? await LastReadySequenceAsync();
        DeviceState state;
        try
        {
            state = await Subject.WaitForAsync(s => s.Phase == DevicePhase.Ready && s.LastSequence > from, within, conditionText: "ready again");
        }
        catch (AxisEmulatorTimeoutException timeout)
        {
            var last = timeout.LastState!;
            return Fail(expectation, "its configuration, back in phase ready,", "within", within, $"it is in phase {last.Phase}", await StoryAsync(from, last), last, because, becauseArgs);
        }

        var entries = (await Subject.GetTimelineAsync(from)).Entries;
        var reset = entries.FirstOrDefault(e => e.Event == "factory-reset");
        if (keep == (reset is null))
        {
            return Which(state);
        }

        // The boot loader's verdict when the button decided it, else the factory default itself (network).
        var explanation = entries.LastOrDefault(e => Verdicts.Contains(e.Event) && (reset is null || e.Sequence < reset.Sequence)) ?? reset;
        var outcome = keep ? "it restored its factory defaults" : "it kept it";
        var detail = explanation is null
            ? "No button release or factory default on its timeline since sequence " + from + ". " + state.Describe()
            : "The device says: " + explanation.Describe();
        return Fail(expectation, "its configuration, back in phase ready,", "within", within, outcome, detail, state, because, becauseArgs);
    }

    /// <summary>The sequence of the device's newest <c>system-ready</c> entry (0 when it has none).</summary>
    private async Task<long> LastReadySequenceAsync()
    {
        var ready = await LastEntryAsync(0, e => e.Event == "system-ready");
        return ready?.Sequence ?? 0;
    }

    /// <summary>What happened since <paramref name="since"/> (the latest boot and power entries), for a failure message.</summary>
    private async Task<string> StoryAsync(long since, DeviceState state)
    {
        var entries = (await Subject.GetTimelineAsync(since, [TimelineKind.Boot, TimelineKind.Power])).Entries;
        var lines = entries.TakeLast(12).Select(e => "  " + e.Describe());
        return state.Describe() + Environment.NewLine + (since > 0 ? "Timeline since sequence " + since + ":" : "Latest boot and power entries:") + Environment.NewLine + string.Join(Environment.NewLine, lines);
    }
}
