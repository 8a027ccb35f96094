using System.Diagnostics;
using System.Runtime.CompilerServices;
using FluentAssertions;
using FluentAssertions.Execution;

namespace AxisEmulator.Testing;

/// <summary>
/// Assertions that let simulated time pass on a device: "the status LED flashes amber within 30 s",
/// "the device reaches ready within 2 minutes", "it never reaches ready within 5 minutes". In manual
/// time the clock is advanced event by event (nothing is missed, nothing waits on the wall clock); in
/// realtime or scaled time the device is polled. <c>Which</c> is the device's state at the end.
/// </summary>
/// <example>
/// <code>
/// var camera = fixture.Device("cam-1");
/// await camera.Should().ShowStatusLed(LedColor.Amber, LedPattern.Flashing, within: TimeSpan.FromSeconds(30));
/// await camera.Should().ReachPhase(DevicePhase.Ready, within: TimeSpan.FromMinutes(2));
/// </code>
/// </example>
[DebuggerNonUserCode]
public sealed partial class EmulatedDeviceAssertions
{
    public EmulatedDeviceAssertions(EmulatedDevice subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        Subject = subject;
    }

    public EmulatedDevice Subject { get; }

    /// <summary>Within <paramref name="within"/> of simulated time, the status LED shows <paramref name="color"/> with <paramref name="pattern"/>.</summary>
    [CustomAssertion]
    public Task<AndWhichConstraint<EmulatedDeviceAssertions, DeviceState>> ShowStatusLed(LedColor color, LedPattern pattern, TimeSpan within, string because = "", params object[] becauseArgs) =>
        ReachAsync(s => s.Leds.Status.Is(color, pattern), within, null, $"a {pattern} {color} status LED", because, becauseArgs);

    /// <summary>Within <paramref name="within"/> of simulated time, the device enters <paramref name="phase"/>.</summary>
    [CustomAssertion]
    public Task<AndWhichConstraint<EmulatedDeviceAssertions, DeviceState>> ReachPhase(DevicePhase phase, TimeSpan within, string because = "", params object[] becauseArgs) =>
        ReachAsync(s => s.Phase == phase, within, null, $"phase {phase}", because, becauseArgs);

    /// <summary>Within <paramref name="within"/> of simulated time, the device satisfies <paramref name="condition"/>.</summary>
    [CustomAssertion]
    public Task<AndWhichConstraint<EmulatedDeviceAssertions, DeviceState>> Satisfy(
        Func<DeviceState, bool> condition,
        TimeSpan within,
        TimeSpan? step = null,
        string because = "",
        [CallerArgumentExpression(nameof(condition))] string conditionText = "") =>
        ReachAsync(condition, within, step, "`" + conditionText + "`", because, []);

    /// <summary>Through <paramref name="within"/> of simulated time, the device never enters <paramref name="phase"/> (a boot loop never reaches ready).</summary>
    [CustomAssertion]
    public Task<AndWhichConstraint<EmulatedDeviceAssertions, DeviceState>> NeverReachPhase(DevicePhase phase, TimeSpan within, string because = "", params object[] becauseArgs) =>
        NeverAsync(s => s.Phase == phase, within, null, $"phase {phase}", because, becauseArgs);

    /// <summary>Through <paramref name="within"/> of simulated time, the device never satisfies <paramref name="condition"/>.</summary>
    [CustomAssertion]
    public Task<AndWhichConstraint<EmulatedDeviceAssertions, DeviceState>> NeverSatisfy(
        Func<DeviceState, bool> condition,
        TimeSpan within,
        TimeSpan? step = null,
        string because = "",
        [CallerArgumentExpression(nameof(condition))] string conditionText = "") =>
        NeverAsync(condition, within, step, "`" + conditionText + "`", because, []);

    private async Task<AndWhichConstraint<EmulatedDeviceAssertions, DeviceState>> ReachAsync(Func<DeviceState, bool> condition, TimeSpan within, TimeSpan? step, string what, string because, object[] becauseArgs)
    {
        try
        {
            return Which(await Subject.WaitForAsync(condition, within, step, what));
        }
        catch (AxisEmulatorTimeoutException timeout)
        {
            return Fail("to reach", what, within, "it did not", After(timeout.Message), timeout.LastState!, because, becauseArgs);
        }
    }

    private async Task<AndWhichConstraint<EmulatedDeviceAssertions, DeviceState>> NeverAsync(Func<DeviceState, bool> condition, TimeSpan within, TimeSpan? step, string what, string because, object[] becauseArgs)
    {
        try
        {
            return Which(await Subject.EnsureNeverAsync(condition, within, step, what));
        }
        catch (AxisEmulatorUnexpectedStateException unexpected)
        {
            return Fail("never to reach", what, within, "it did", unexpected.Message, unexpected.State!, because, becauseArgs);
        }
    }

    /// <summary>Fails (or, inside an assertion scope, records the failure) and hands on the device's state at the end.</summary>
    private AndWhichConstraint<EmulatedDeviceAssertions, DeviceState> Fail(string expectation, string what, TimeSpan within, string outcome, string detail, DeviceState state, string because, object[] becauseArgs) =>
        Fail(expectation, what, "within", within, outcome, detail, state, because, becauseArgs);

    /// <summary>"Expected device cam-1 {expectation} {what} {within|for} 10 s of simulated time, but {outcome}. {detail}"</summary>
    private AndWhichConstraint<EmulatedDeviceAssertions, DeviceState> Fail(string expectation, string what, string preposition, TimeSpan span, string outcome, string detail, DeviceState state, string because, object[] becauseArgs)
    {
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .FailWith(
                "Expected device " + Message.Escape(Subject.Id) + " " + expectation + " " + Message.Escape(what) + " " + preposition + " " + SimulatedTime.Format(span) + " of simulated time{reason}, but " + Message.Escape(outcome) + ". " +
                Message.Escape(detail));
        return Which(state);
    }

    private AndWhichConstraint<EmulatedDeviceAssertions, DeviceState> Which(DeviceState state) => new(this, state);

    /// <summary>The client's timeout message without its first sentence (the assertion says that part itself).</summary>
    private static string After(string message)
    {
        var marker = " of simulated time";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? message : message[(at + marker.Length)..].TrimStart(';', '.', ' ');
    }
}
