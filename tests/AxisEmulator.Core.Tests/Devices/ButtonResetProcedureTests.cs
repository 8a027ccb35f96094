using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Leds;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Core.Tests.Support;

namespace AxisEmulator.Core.Tests.Devices;

/// <summary>The factory-reset procedure with the control button, and each way of getting it wrong.</summary>
public class ButtonResetProcedureTests
{
    private static void Configure(DeviceHarness h)
    {
        h.Camera.UpdateConfig(c => (c with
        {
            Users = [UserAccount.Create("root", "secret", h.Camera.Identity.Realm, UserRole.Admin)],
            Parameters = new Dictionary<string, string> { ["Network.SSH.Enabled"] = "yes" },
            Network = c.Network with { BootProto = BootProtocol.None, IpAddress = "10.20.30.40" },
        }, 0));
    }

    /// <summary>Power off, press, power on, hold until <paramref name="holdSeconds"/> after power-on, release.</summary>
    private static void HoldThroughPowerOn(DeviceHarness h, double holdSeconds)
    {
        h.Camera.PowerOff();
        h.Camera.PressButton();
        h.Camera.PowerOn(DeviceHarness.PoeClass3);
        h.Advance(holdSeconds);
        h.Camera.ReleaseButton();
    }

    [Fact]
    public void Full_procedure_erases_config_and_ends_steady_green_in_setup_mode()
    {
        using var h = new DeviceHarness();
        h.BootToReady();
        Configure(h);
        h.Camera.PowerOff();
        var start = h.Now;

        h.Camera.PressButton();
        h.Camera.PowerOn(DeviceHarness.PoeClass3);
        h.Advance(1);
        h.Status.Should().Be(LedState.Steady(LedColor.Amber), "the boot loader shows amber at power-on");

        h.Advance(15);
        h.Camera.Phase.Should().Be(DevicePhase.ResetArmed);
        h.Status.Should().Be(LedState.Flashing(LedColor.Amber, 1), "inside the window the status LED flashes amber");
        var flashing = h.Entries(TimelineKind.Led).Last(e => e.Message.Contains("flashing amber", StringComparison.Ordinal));
        (h.SecondsAt(flashing) - start).Should().BeApproximately(15, 0.001, "the window opens 15 s after power-on");

        h.Advance(6); // 22 s held
        h.Camera.ReleaseButton();
        h.Advance(0.1);
        var release = h.Entries(TimelineKind.Boot, "reset-release").Single();
        release.Get<string>("outcome").Should().Be("factory-reset");
        release.Get<double>("heldSeconds").Should().BeApproximately(22.05, 0.01, "held from power-on to the debounced release");
        release.Get<double>("windowMin").Should().Be(15);
        release.Get<double>("windowMax").Should().Be(30);
        release.Get<double>("marginSeconds").Should().BeApproximately(7.05, 0.01);
        release.Message.Should().Contain("factory reset").And.Contain("window 15–30 s");

        h.Camera.Phase.Should().Be(DevicePhase.FactoryResetting);
        h.Advance(80); // 20 s restoring defaults, 55 s to ready, then green for 10 s
        h.Camera.Phase.Should().Be(DevicePhase.Ready);
        h.Status.Should().Be(LedState.Steady(LedColor.Green), "steady green when the reset is done");
        h.Phases().TakeLast(7).Should().Equal("bootloader", "reset-hold", "reset-armed", "factory-resetting", "booting", "network-up", "ready");

        var config = h.Config;
        config.Users.Should().BeEmpty();
        config.NeedsSetup.Should().BeTrue();
        config.Parameters.Should().BeEmpty();
        config.Network.Should().Be(NetworkSettings.FactoryDefault, "the button does a hard default: IP settings too");
        h.Camera.Snapshot().Firmware.NeedsSetup.Should().BeTrue();
    }

    [Fact]
    public void Status_led_sequence_is_amber_flashing_amber_amber_green_then_unlit()
    {
        using var h = new DeviceHarness();
        HoldThroughPowerOn(h, 20);
        h.Advance(200);
        h.StatusLed().Should().Equal("steady amber", "flashing amber @1 Hz", "steady amber", "steady green", "off");
    }

    [Fact]
    public void Release_before_the_window_boots_normally_and_keeps_config()
    {
        using var h = new DeviceHarness();
        h.BootToReady();
        Configure(h);

        HoldThroughPowerOn(h, 10);
        h.Advance(0.1);
        var release = h.Entries(TimelineKind.Boot, "reset-release").Single();
        release.Get<string>("outcome").Should().Be("too-early");
        release.Get<double>("marginSeconds").Should().BeApproximately(-4.95, 0.01);
        release.Message.Should().Contain("too early").And.Contain("configuration kept");
        h.Advance(120);
        h.Camera.Phase.Should().Be(DevicePhase.Ready);
        h.Config.Users.Should().ContainSingle(u => u.Name == "root");
        h.Config.Network.IpAddress.Should().Be("10.20.30.40");
        h.Entries(TimelineKind.Led).Should().NotContain(e => e.Message.Contains("flashing amber", StringComparison.Ordinal));
    }

    [Fact]
    public void Held_past_the_window_on_a_lenient_profile_still_resets()
    {
        using var h = new DeviceHarness(TestProfiles.Dome(LateReleaseBehavior.Reset));
        h.BootToReady();
        Configure(h);

        HoldThroughPowerOn(h, 45);
        h.Advance(0.1);
        var release = h.Entries(TimelineKind.Boot, "reset-release").Single();
        release.Get<string>("outcome").Should().Be("too-late-reset");
        release.Get<double>("marginSeconds").Should().BeApproximately(-15.05, 0.01);
        h.Entries(TimelineKind.Boot, "reset-window-closed").Should().ContainSingle();
        h.Advance(120);
        h.Camera.Phase.Should().Be(DevicePhase.Ready);
        h.Config.NeedsSetup.Should().BeTrue();
    }

    [Fact]
    public void Held_past_the_window_on_a_strict_profile_aborts_and_keeps_config()
    {
        using var h = new DeviceHarness(TestProfiles.Dome(LateReleaseBehavior.Abort));
        h.BootToReady();
        Configure(h);

        HoldThroughPowerOn(h, 45);
        var closed = h.Entries(TimelineKind.Boot, "reset-window-closed").Single();
        closed.Get<string>("outcome").Should().Be("too-late-abort");
        closed.Message.Should().Contain("reset aborted");
        h.Advance(120);
        h.Camera.Phase.Should().Be(DevicePhase.Ready);
        h.Config.Users.Should().ContainSingle();
        h.Entries(TimelineKind.Boot, "factory-reset").Should().BeEmpty();
    }

    [Fact]
    public void Power_lost_mid_hold_resets_nothing()
    {
        using var h = new DeviceHarness();
        h.BootToReady();
        Configure(h);
        h.Camera.PowerOff();
        h.Camera.PressButton();
        h.Camera.PowerOn(DeviceHarness.PoeClass3);
        h.Advance(20);
        h.Camera.Phase.Should().Be(DevicePhase.ResetArmed);

        h.Camera.PowerOff();
        h.Camera.Phase.Should().Be(DevicePhase.Off);
        h.Camera.Leds.All.Should().OnlyContain(l => l.State == LedState.Off);
        h.Camera.ReleaseButton();
        h.Advance(10);
        h.Entries(TimelineKind.Boot, "reset-release").Should().BeEmpty("the boot loader was not running when the finger let go");

        h.Camera.PowerOn(DeviceHarness.PoeClass3);
        h.Advance(120);
        h.Camera.Phase.Should().Be(DevicePhase.Ready);
        h.Config.Users.Should().ContainSingle();
    }

    [Fact]
    public void A_press_while_running_does_nothing()
    {
        using var h = new DeviceHarness();
        h.BootToReady();
        Configure(h);
        h.Camera.PressButton();
        h.Advance(40);
        h.Camera.ReleaseButton();
        h.Advance(40);
        h.Camera.Phase.Should().Be(DevicePhase.Ready);
        h.Config.Users.Should().ContainSingle();
        h.Entries(TimelineKind.Button, "debounced-press").Should().ContainSingle();
    }
}
