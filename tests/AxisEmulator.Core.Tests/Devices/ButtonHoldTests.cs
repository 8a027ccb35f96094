using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Tests.Support;

namespace AxisEmulator.Core.Tests.Devices;

/// <summary>A timed hold of the control button: pressed now, released later on the simulation clock.</summary>
public class ButtonHoldTests
{
    private static IReadOnlyList<string> Presses(DeviceHarness h) =>
        [.. h.Entries(TimelineKind.Button).Where(e => e.Name is "press" or "release").Select(e => $"{e.Name}@{h.SecondsAt(e):0.###}")];

    [Fact]
    public void A_hold_presses_now_and_releases_after_its_duration_of_simulated_time()
    {
        using var h = new DeviceHarness();
        h.Advance(3);

        var releaseAt = h.Camera.HoldButton(TimeSpan.FromSeconds(22));

        releaseAt.Should().Be(h.Clock.Epoch + TimeSpan.FromSeconds(25));
        h.Camera.Snapshot().Button.Should().Match<ButtonSnapshot>(b => b.Held && b.ReleaseAt == releaseAt);
        h.Advance(21.999);
        h.Camera.Snapshot().Button.Held.Should().BeTrue("the release is due at 25 s");
        h.Advance(0.001);
        h.Camera.Snapshot().Button.Should().Match<ButtonSnapshot>(b => !b.Held && b.ReleaseAt == null);
        Presses(h).Should().Equal("press@3", "release@25");
    }

    [Fact]
    public void A_hold_through_power_on_is_the_reset_procedure()
    {
        using var h = new DeviceHarness();
        h.BootToReady();
        h.Camera.PowerOff();

        h.Camera.HoldButton(TimeSpan.FromSeconds(22));
        h.Camera.PowerOn(DeviceHarness.PoeClass3);
        h.Advance(30);

        h.Entries(TimelineKind.Boot, "reset-release").Single().Get<string>("outcome").Should().Be("factory-reset");
    }

    [Fact]
    public void A_press_keeps_the_button_down_past_the_hold_it_replaces()
    {
        using var h = new DeviceHarness();
        h.Camera.HoldButton(TimeSpan.FromSeconds(10));
        h.Advance(4);

        h.Camera.PressButton();
        h.Advance(20);

        h.Camera.Snapshot().Button.Should().Match<ButtonSnapshot>(b => b.Held && b.ReleaseAt == null);
        Presses(h).Should().Equal("press@0");
    }

    [Fact]
    public void A_release_ends_the_hold_now_and_nothing_is_released_later()
    {
        using var h = new DeviceHarness();
        h.Camera.HoldButton(TimeSpan.FromSeconds(10));
        h.Advance(4);

        h.Camera.ReleaseButton();
        h.Camera.PressButton();
        h.Advance(20);

        h.Camera.Snapshot().Button.Held.Should().BeTrue("the first hold's release was dropped");
        Presses(h).Should().Equal("press@0", "release@4", "press@4");
    }

    [Fact]
    public void A_new_hold_replaces_the_one_in_progress()
    {
        using var h = new DeviceHarness();
        h.Camera.HoldButton(TimeSpan.FromSeconds(10));
        h.Advance(4);

        var releaseAt = h.Camera.HoldButton(TimeSpan.FromSeconds(20));

        h.Camera.Snapshot().Button.ReleaseAt.Should().Be(releaseAt).And.Be(h.Clock.Epoch + TimeSpan.FromSeconds(24));
        h.Advance(30);
        Presses(h).Should().Equal("press@0", "release@24");
    }

    [Fact]
    public void A_retired_device_lets_no_hold_release_later()
    {
        using var h = new DeviceHarness();
        h.Camera.HoldButton(TimeSpan.FromSeconds(10));

        h.Camera.Retire();
        h.Advance(20);

        h.Camera.Snapshot().Button.ReleaseAt.Should().BeNull();
        Presses(h).Should().Equal("press@0");
    }

    [Fact]
    public void A_negative_hold_is_refused()
    {
        using var h = new DeviceHarness();
        var act = () => h.Camera.HoldButton(TimeSpan.FromSeconds(-1));
        act.Should().Throw<ArgumentOutOfRangeException>();
        h.Camera.Snapshot().Button.Held.Should().BeFalse();
    }
}
