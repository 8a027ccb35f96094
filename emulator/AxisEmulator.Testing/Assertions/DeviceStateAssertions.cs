using System.Diagnostics;
using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;

namespace AxisEmulator.Testing;

/// <summary>What a device looks like right now: phase, LEDs, power, setup mode, boots.</summary>
[DebuggerNonUserCode]
public sealed class DeviceStateAssertions(DeviceState? subject) : ReferenceTypeAssertions<DeviceState?, DeviceStateAssertions>(subject)
{
    protected override string Identifier => "device";

    /// <summary>The status LED shows <paramref name="color"/> with <paramref name="pattern"/>.</summary>
    [CustomAssertion]
    public AndConstraint<DeviceStateAssertions> HaveStatusLed(LedColor color, LedPattern pattern, string because = "", params object[] becauseArgs) =>
        Check(s => s.Leds.Status.Is(color, pattern), $"status LED {Led(color, pattern)}", s => $"status LED {s.Leds.Status}", because, becauseArgs);

    /// <summary>The status LED is unlit.</summary>
    [CustomAssertion]
    public AndConstraint<DeviceStateAssertions> HaveStatusLedOff(string because = "", params object[] becauseArgs) =>
        Check(s => s.Leds.Status.IsOff, "status LED off", s => $"status LED {s.Leds.Status}", because, becauseArgs);

    /// <summary>The power LED (on models that have one) shows <paramref name="color"/> with <paramref name="pattern"/>.</summary>
    [CustomAssertion]
    public AndConstraint<DeviceStateAssertions> HavePowerLed(LedColor color, LedPattern pattern, string because = "", params object[] becauseArgs) =>
        Check(s => s.Leds.Power?.Is(color, pattern) == true, $"power LED {Led(color, pattern)}", s => s.Leds.Power is null ? "no power LED" : $"power LED {s.Leds.Power}", because, becauseArgs);

    /// <summary>The device is in <paramref name="phase"/> (it has reached it and is still there).</summary>
    [CustomAssertion]
    public AndConstraint<DeviceStateAssertions> HaveReachedPhase(DevicePhase phase, string because = "", params object[] becauseArgs) =>
        BeInPhase(phase, because, becauseArgs);

    /// <summary>The device is in <paramref name="phase"/>.</summary>
    [CustomAssertion]
    public AndConstraint<DeviceStateAssertions> BeInPhase(DevicePhase phase, string because = "", params object[] becauseArgs) =>
        Check(s => s.Phase == phase, $"phase {phase}", s => $"phase {s.Phase}", because, becauseArgs);

    /// <summary>Power is plugged in (whatever reaches the device).</summary>
    [CustomAssertion]
    public AndConstraint<DeviceStateAssertions> BePowered(string because = "", params object[] becauseArgs) =>
        Check(s => s.Power.On, "power plugged in", _ => "unpowered", because, becauseArgs);

    /// <summary>The power rail's status is <paramref name="status"/> (<c>ok</c>, <c>degraded</c>, <c>undervoltage</c>…).</summary>
    [CustomAssertion]
    public AndConstraint<DeviceStateAssertions> HavePowerStatus(PowerStatus status, string because = "", params object[] becauseArgs) =>
        Check(s => s.Power.Status == status, $"power status {status}", s => $"power status {s.Power.Status} ({s.Power.Message})", because, becauseArgs);

    /// <summary>No admin user exists: the device is in setup mode (<c>needsetup: yes</c>), as after a factory reset.</summary>
    [CustomAssertion]
    public AndConstraint<DeviceStateAssertions> BeInSetupMode(string because = "", params object[] becauseArgs) =>
        Check(s => s.Firmware.NeedsSetup, "to need setup (no admin user)", _ => "it has an admin user", because, becauseArgs);

    /// <summary>An admin user exists: the configuration survived.</summary>
    [CustomAssertion]
    public AndConstraint<DeviceStateAssertions> NotBeInSetupMode(string because = "", params object[] becauseArgs) =>
        Check(s => !s.Firmware.NeedsSetup, "not to need setup (an admin user)", _ => "it needs setup", because, becauseArgs);

    /// <summary>The device has started its boot loader exactly <paramref name="times"/> times since it was added.</summary>
    [CustomAssertion]
    public AndConstraint<DeviceStateAssertions> HaveBooted(int times, string because = "", params object[] becauseArgs) =>
        Check(s => s.BootCount == times, $"{times} boot(s)", s => $"{s.BootCount} boot(s)", because, becauseArgs);

    /// <summary>The device's HTTP listener should be open (network-up or ready, link up).</summary>
    [CustomAssertion]
    public AndConstraint<DeviceStateAssertions> BeListening(string because = "", params object[] becauseArgs) =>
        Check(s => s.Network.Listening, "its HTTP listener up", _ => "it down", because, becauseArgs);

    /// <summary>The control button's contact is in <paramref name="condition"/>.</summary>
    [CustomAssertion]
    public AndConstraint<DeviceStateAssertions> HaveButton(ButtonCondition condition, string because = "", params object[] becauseArgs) =>
        Check(s => s.Button.Condition == condition, $"a {condition} button", s => $"a {s.Button.Condition} button", because, becauseArgs);

    private AndConstraint<DeviceStateAssertions> Check(Func<DeviceState, bool> holds, string expected, Func<DeviceState, string> actual, string because, object[] becauseArgs)
    {
        if (Subject is null)
        {
            Execute.Assertion
                .BecauseOf(because, becauseArgs)
                .FailWith("Expected {context:device} to have " + Message.Escape(expected) + "{reason}, but the device state is <null>.");
        }
        else
        {
            Execute.Assertion
                .BecauseOf(because, becauseArgs)
                .ForCondition(holds(Subject))
                .FailWith("Expected {context:device} " + Message.Escape(Subject.Id) + " to have " + Message.Escape(expected) + "{reason}, but found " + Message.Escape(actual(Subject)) + ": {0}.", Subject.Describe());
        }

        return new AndConstraint<DeviceStateAssertions>(this);
    }

    private static string Led(LedColor color, LedPattern pattern) => pattern == LedPattern.Off ? "off" : $"{pattern} {color}";
}
