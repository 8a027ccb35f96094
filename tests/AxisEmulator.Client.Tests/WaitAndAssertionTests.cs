using AxisEmulator.Contracts;
using AxisEmulator.Testing;
using FluentAssertions.Execution;
using Xunit.Sdk;

namespace AxisEmulator.Client.Tests;

/// <summary>Waiting in simulated time, and what the domain assertions say when they fail.</summary>
public class WaitAndAssertionTests(InProcessEmulatorFixture emulator) : IClassFixture<InProcessEmulatorFixture>
{
    [Fact]
    public async Task Waiting_stops_at_the_event_that_makes_the_condition_true()
    {
        var camera = await emulator.AddDeviceAsync(id: "wait-exact", powerOn: true);
        var start = (await camera.GetStateAsync()).Time;

        var networkUp = await emulator.AdvanceUntilAsync(camera.Id, d => d.Phase == DevicePhase.NetworkUp, within: TimeSpan.FromMinutes(2));

        (networkUp.Time - start).Should().Be(TimeSpan.FromSeconds(35), "P3265-LVE answers HTTP 35 s after power-on");
        networkUp.Should().BeListening();
    }

    [Fact]
    public async Task Waiting_with_a_step_moves_in_whole_steps()
    {
        var camera = await emulator.AddDeviceAsync(id: "wait-step", powerOn: true);
        var start = (await camera.GetStateAsync()).Time;

        var ready = await camera.WaitForAsync(d => d.Phase == DevicePhase.Ready, within: TimeSpan.FromMinutes(2), step: TimeSpan.FromSeconds(20));

        (ready.Time - start).Should().Be(TimeSpan.FromSeconds(80), "ready comes at 70 s, seen at the next 20 s step");
    }

    [Fact]
    public async Task A_wait_that_runs_out_says_what_it_waited_for_and_how_the_device_was()
    {
        var camera = await emulator.AddDeviceAsync(id: "wait-timeout", powerOn: true);

        var act = () => emulator.AdvanceUntilAsync(camera.Id, d => d.Leds.Status.Pattern == "flashing", within: TimeSpan.FromSeconds(30));

        var timeout = (await act.Should().ThrowAsync<AxisEmulatorTimeoutException>()).Which;
        timeout.Message.Should().Be(
            "wait-timeout did not reach `d => d.Leds.Status.Pattern == \"flashing\"` within 30 s of simulated time; phases on the way: bootloader → booting. " +
            $"Last state: {timeout.LastState!.Describe()}.");
        timeout.LastState.Phase.Should().Be(DevicePhase.Booting);
        timeout.Within.Should().Be(TimeSpan.FromSeconds(30));
        timeout.Waited.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Ensuring_something_never_happens_fails_at_the_first_state_where_it_does()
    {
        var camera = await emulator.AddDeviceAsync(id: "never", powerOn: true);

        var act = () => camera.EnsureNeverAsync(d => d.Phase == DevicePhase.Ready, within: TimeSpan.FromMinutes(5));

        var error = (await act.Should().ThrowAsync<AxisEmulatorUnexpectedStateException>()).Which;
        error.State!.Phase.Should().Be(DevicePhase.Ready);
        error.Message.Should().StartWith("never was not expected to reach `d => d.Phase == DevicePhase.Ready` within 5 min of simulated time, but it did after 1 min 10 s; phases on the way: bootloader → booting → network-up → ready");
    }

    [Fact]
    public async Task A_failed_wait_assertion_reads_like_the_domain()
    {
        var camera = await emulator.AddDeviceAsync(id: "assert-wait", powerOn: true);

        var act = () => camera.Should().ShowStatusLed(LedColor.Amber, LedPattern.Flashing, within: TimeSpan.FromSeconds(30), "the button is {0}", "held");

        (await act.Should().ThrowAsync<XunitException>()).Which.Message.Should()
            .StartWith("Expected device assert-wait to reach a flashing amber status LED within 30 s of simulated time because the button is held, but it did not.")
            .And.Contain("phases on the way: bootloader → booting")
            .And.Contain("Last state: assert-wait (P3265-LVE)");
    }

    [Fact]
    public async Task Wait_assertions_collect_inside_an_assertion_scope()
    {
        var camera = await emulator.AddDeviceAsync(id: "scoped", powerOn: true);

        var act = async () =>
        {
            using var scope = new AssertionScope();
            var reached = await camera.Should().ReachPhase("ready", within: TimeSpan.FromSeconds(5));
            reached.Which.Phase.Should().Be(DevicePhase.Bootloader, "the failed wait hands back the last state");
            await camera.Should().NeverReachPhase(DevicePhase.Ready, within: TimeSpan.FromMinutes(2));
        };

        (await act.Should().ThrowAsync<XunitException>()).Which.Message.Should()
            .Contain("to reach phase ready within 5 s")
            .And.Contain("never to reach phase ready within 2 min of simulated time, but it did.");
    }

    [Fact]
    public async Task Satisfy_and_never_satisfy_name_the_condition()
    {
        var camera = await emulator.AddDeviceAsync(id: "satisfy", powerOn: true);

        var ready = await camera.Should().Satisfy(d => d.Firmware.BootId != null && d.Phase == DevicePhase.Ready, within: TimeSpan.FromMinutes(2));
        ready.Which.Firmware.UptimeSeconds.Should().Be(70);

        var act = () => camera.Should().NeverSatisfy(d => d.Leds.Status.IsOff, within: TimeSpan.FromMinutes(1));
        (await act.Should().ThrowAsync<XunitException>()).Which.Message.Should().Contain("never to reach `d => d.Leds.Status.IsOff`");
    }

    [Fact]
    public async Task A_failed_state_assertion_shows_the_device()
    {
        var state = await emulator.Client.CreateDeviceAsync(id: "assert-state");

        var act = () => state.Should().HaveStatusLed(LedColor.Green, LedPattern.Steady, "it is {0}", "unplugged");

        act.Should().Throw<XunitException>().Which.Message.Should()
            .StartWith("Expected device assert-state to have status LED steady green because it is unplugged, but found status LED off: \"assert-state (P3265-LVE) at ")
            .And.Contain("phase off");
        ((Action)(() => state.Should().BePowered())).Should().Throw<XunitException>().WithMessage("*to have power plugged in, but found unpowered*");
        ((Action)(() => state.Should().HaveReachedPhase("ready"))).Should().Throw<XunitException>().WithMessage("*to have phase ready, but found phase off*");
        ((Action)(() => ((DeviceState?)null)!.Should().BeInSetupMode())).Should().Throw<XunitException>().WithMessage("*but the device state is <null>*");
        state.Should().BeInSetupMode().And.HaveBooted(0).And.HaveStatusLedOff().And.HaveButton(ButtonCondition.Healthy);
    }

    [Fact]
    public async Task A_failed_timeline_assertion_lists_the_timeline()
    {
        var camera = await emulator.AddDeviceAsync(id: "assert-timeline", powerOn: true);
        emulator.Advance(TimeSpan.FromMinutes(2));
        var timeline = await camera.GetTimelineAsync();

        timeline.Should().ShowPhases(DevicePhase.Bootloader, DevicePhase.Booting, DevicePhase.NetworkUp, DevicePhase.Ready)
            .And.HaveCountGreaterThan(5, "it is a collection assertion too");
        timeline.Should().ShowEvent("system-ready").Which.GetNumber("uptimeSeconds").Should().Be(70);

        ((Action)(() => timeline.Should().ShowFactoryReset("the button was {0}", "held"))).Should().Throw<XunitException>().Which.Message.Should()
            .StartWith("Expected timeline of assert-timeline to show factory-reset because the button was held, but there is no factory-reset entry.")
            .And.Contain("The timeline:")
            .And.Contain("assert-timeline boot/system-ready: system ready after 70 s");
        ((Action)(() => timeline.Should().ShowPhases("ready", "bootloader"))).Should().Throw<XunitException>()
            .WithMessage("*bootloader does not follow ready; the phases were bootloader → booting → network-up → ready*");
        ((Action)(() => timeline.Should().ShowResetRelease("factory-reset"))).Should().Throw<XunitException>().WithMessage("*no release was judged*");
        ((Action)(() => timeline.Should().ShowBrownouts())).Should().Throw<XunitException>().WithMessage("*at least 1 brown-out(s), but it shows 0*");
        ((Action)(() => timeline.Should().NotShowEvent("system-ready"))).Should().Throw<XunitException>().WithMessage("*not to show system-ready, but it does: *");
    }

    [Fact]
    public async Task Waiting_polls_when_the_clock_runs_by_itself()
    {
        await using var scaled = await InProcessEmulatorFixture.StartAsync();
        await scaled.Client.SetClockModeAsync(ClockMode.Scaled, scale: 1000);
        var camera = await scaled.AddDeviceAsync(id: "scaled", powerOn: true);

        var ready = await camera.WaitForAsync(d => d.Phase == DevicePhase.Ready, within: TimeSpan.FromMinutes(5));

        ready.Should().HaveReachedPhase(DevicePhase.Ready);
        var advance = () => scaled.Client.AdvanceAsync(TimeSpan.FromSeconds(1));
        (await advance.Should().ThrowAsync<AxisEmulatorApiException>()).Which.Title.Should().Be("Conflict");
    }
}
