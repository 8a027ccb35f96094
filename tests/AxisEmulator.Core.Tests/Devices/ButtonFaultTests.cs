using AxisEmulator.Core.Button;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Tests.Support;

namespace AxisEmulator.Core.Tests.Devices;

/// <summary>Mushy, stuck and broken control buttons.</summary>
public class ButtonFaultTests
{
    private static readonly ButtonFault Mushy = new(ButtonCondition.Mushy, DropoutsPerSecond: 0.1, DropoutMilliseconds: 60);

    /// <summary>Runs the textbook procedure (release at 22 s) with a mushy button; returns the verdict and the timeline.</summary>
    private static (string Outcome, IReadOnlyList<string> Timeline) MushyReset(int seed)
    {
        using var h = new DeviceHarness(seed: seed);
        h.Camera.SetButtonFault(Mushy);
        h.Camera.PressButton();
        h.Camera.PowerOn(DeviceHarness.PoeClass3);
        h.Advance(22);
        h.Camera.ReleaseButton();
        h.Advance(0.1);
        var outcome = h.Entries(TimelineKind.Boot, "reset-release")[0].Get<string>("outcome")!;
        var timeline = h.Entries().Select(e => $"{h.SecondsAt(e):0.000} {e.Name} {e.Message}").ToList();
        return (outcome, timeline);
    }

    [Fact]
    public void Mushy_button_fails_some_resets_and_not_others_across_seeds()
    {
        var outcomes = Enumerable.Range(1, 40).Select(seed => MushyReset(seed).Outcome).ToList();
        outcomes.Should().Contain("factory-reset");
        outcomes.Should().Contain("too-early", "a long dropout reads as an early release");
    }

    [Fact]
    public void Same_seed_gives_the_same_timeline()
    {
        for (var seed = 1; seed <= 5; seed++)
        {
            MushyReset(seed).Timeline.Should().Equal(MushyReset(seed).Timeline);
        }
    }

    [Fact]
    public void Short_dropouts_are_swallowed_by_the_debouncer()
    {
        using var h = new DeviceHarness();
        h.Camera.SetButtonFault(new ButtonFault(ButtonCondition.Mushy, 5, 0.5));
        h.Camera.PressButton();
        h.Camera.PowerOn(DeviceHarness.PoeClass3);
        h.Advance(22);
        h.Entries(TimelineKind.Button, "dropout").Should().HaveCountGreaterThan(10);
        h.Entries(TimelineKind.Button, "debounced-release").Should().BeEmpty();
        h.Camera.Phase.Should().Be(DevicePhase.ResetArmed);
    }

    [Fact]
    public void Stuck_button_sends_every_boot_into_reset_hold()
    {
        using var h = new DeviceHarness();
        h.BootToReady();
        h.Camera.SetButtonFault(new ButtonFault(ButtonCondition.Stuck));
        h.Camera.Restart().Should().BeTrue();
        h.Advance(60);
        h.Camera.Phase.Should().Be(DevicePhase.ResetArmed, "the boot loader sees the button held and waits");
        h.Camera.Snapshot().Button.Pressed.Should().BeTrue();
        h.Camera.Snapshot().Button.Held.Should().BeFalse("no finger is on it");
        h.Clock.RunUntilIdle(TimeSpan.FromHours(1)).Should().BeTrue();
        h.Camera.Phase.Should().Be(DevicePhase.ResetArmed, "amber flashing forever: the classic stuck-button symptom");
    }

    [Fact]
    public void Broken_button_never_starts_a_reset()
    {
        using var h = new DeviceHarness();
        h.Camera.SetButtonFault(new ButtonFault(ButtonCondition.Broken));
        h.Camera.PressButton();
        h.Camera.PowerOn(DeviceHarness.PoeClass3);
        h.Advance(22);
        h.Camera.ReleaseButton();
        h.Advance(100);
        h.Camera.Phase.Should().Be(DevicePhase.Ready);
        h.Entries(TimelineKind.Boot, "reset-hold").Should().BeEmpty();
        h.Entries(TimelineKind.Button, "press").Should().ContainSingle("the finger still pressed it");
    }

    [Fact]
    public void Mushy_parameters_are_validated()
    {
        using var h = new DeviceHarness();
        var act = () => h.Camera.SetButtonFault(new ButtonFault(ButtonCondition.Mushy, -1, 0));
        act.Should().Throw<ArgumentException>().WithMessage("*dropoutsPerSecond*dropoutMs*");
    }
}
