using AxisEmulator.Core.Boot;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Core.Tests.Support;

namespace AxisEmulator.Core.Tests.Devices;

/// <summary>While the boot loader counts a hold, the device says what a release now would do, and until when.</summary>
public class ResetHoldVerdictTests
{
    private static DateTimeOffset At(DeviceHarness h, double seconds) => h.Clock.Epoch + TimeSpan.FromSeconds(seconds);

    [Fact]
    public void A_hold_through_power_on_is_judged_as_it_goes_on()
    {
        using var h = new DeviceHarness(TestProfiles.Dome(LateReleaseBehavior.Abort)); // window 15–30 s, strict
        h.Camera.PressButton();
        h.Advance(2);
        h.Camera.Snapshot().ResetHold.Should().BeNull("an unpowered unit counts nothing");

        h.Camera.PowerOn(DeviceHarness.PoeClass3);
        h.Advance(10);
        var early = h.Camera.Snapshot().ResetHold!;
        early.CountingSince.Should().Be(At(h, 2), "the hold counts from power-on");
        early.ReleaseNow.Should().Match<ResetOutcome>(o => o.Verdict == ResetVerdict.TooEarly && o.HeldSeconds == 10);
        early.VerdictHoldsUntil.Should().Be(At(h, 17));

        h.Advance(6);
        var inside = h.Camera.Snapshot().ResetHold!;
        inside.ReleaseNow.Verdict.Should().Be(ResetVerdict.FactoryReset);
        inside.ReleaseNow.Explain().Should().Be("held 16.0 s, window 15–30 s: factory reset (1.0 s inside the window)");
        inside.VerdictHoldsUntil.Should().Be(At(h, 32));

        h.Advance(15);
        h.Camera.Snapshot().ResetHold.Should().BeNull("the strict window closed and the unit boots on");
    }

    [Fact]
    public void Past_the_window_a_lenient_model_still_resets_and_the_verdict_stays()
    {
        using var h = new DeviceHarness(TestProfiles.Dome(LateReleaseBehavior.Reset));
        h.Camera.PressButton();
        h.Camera.PowerOn(DeviceHarness.PoeClass3);
        h.Advance(31);
        var late = h.Camera.Snapshot().ResetHold!;
        late.ReleaseNow.VerdictName.Should().Be("too-late-reset");
        late.VerdictHoldsUntil.Should().BeNull();
    }

    [Fact]
    public void A_held_button_on_a_running_unit_is_not_counted()
    {
        using var h = new DeviceHarness();
        h.BootToReady();
        h.Camera.PressButton();
        h.Advance(20);
        h.Camera.Snapshot().ResetHold.Should().BeNull();
    }

    [Fact]
    public void A_release_ends_the_count()
    {
        using var h = new DeviceHarness();
        h.Camera.HoldButton(TimeSpan.FromSeconds(20));
        h.Camera.PowerOn(DeviceHarness.PoeClass3);
        h.Advance(19);
        h.Camera.Snapshot().ResetHold.Should().NotBeNull();
        h.Advance(2);
        h.Camera.Snapshot().ResetHold.Should().BeNull();
    }

    [Theory]
    [InlineData(10, 15.0)]
    [InlineData(15, 30.0)]
    [InlineData(30, 30.0)]
    [InlineData(31, null)]
    public void A_verdict_holds_until_the_window_opens_or_closes(double held, double? until)
    {
        ResetOutcome.For(held, TestProfiles.Dome().Reset).VerdictHoldsUntilSeconds.Should().Be(until);
    }
}
