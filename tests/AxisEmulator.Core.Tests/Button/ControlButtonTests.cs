using AxisEmulator.Core.Button;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Leds;

namespace AxisEmulator.Core.Tests.Button;

public class ControlButtonTests
{
    [Fact]
    public void Firmware_sees_a_press_only_after_the_debounce_window()
    {
        using var clock = new SimulationClock();
        var button = new ControlButton(clock, TimeSpan.FromMilliseconds(50), new Random(1));
        var changes = new List<bool>();
        button.DebouncedChanged += changes.Add;
        button.Press();
        button.ContactClosed.Should().BeTrue();
        button.IsPressed.Should().BeFalse();
        clock.Advance(TimeSpan.FromMilliseconds(50));
        button.IsPressed.Should().BeTrue();
        button.Release();
        clock.Advance(TimeSpan.FromMilliseconds(10));
        button.Press();
        clock.Advance(TimeSpan.FromMilliseconds(100));
        changes.Should().Equal(true);
    }

    [Fact]
    public void Reset_returns_to_a_healthy_idle_button()
    {
        using var clock = new SimulationClock();
        var button = new ControlButton(clock, TimeSpan.FromMilliseconds(50), new Random(1));
        button.SetFault(new ButtonFault(ButtonCondition.Stuck));
        clock.Advance(TimeSpan.FromSeconds(1));
        button.IsPressed.Should().BeTrue();
        button.Reset();
        button.IsPressed.Should().BeFalse();
        button.Fault.Should().Be(ButtonFault.Healthy);
        clock.PendingEvents.Should().Be(0);
    }
}

public class LedTests
{
    [Fact]
    public void Changed_is_raised_only_on_a_real_change()
    {
        var led = new Led(LedName.Status);
        var changes = 0;
        led.Changed += (_, _, _) => changes++;
        led.Show(LedState.Flashing(LedColor.Amber, 1)).Should().BeTrue();
        led.Show(LedState.Flashing(LedColor.Amber, 1)).Should().BeFalse();
        led.Reset();
        changes.Should().Be(2);
    }

    [Theory]
    [InlineData(LedColor.Green, LedPattern.Steady, 0, LedColor.Off, "steady green")]
    [InlineData(LedColor.Amber, LedPattern.Flashing, 1, LedColor.Off, "flashing amber @1 Hz")]
    [InlineData(LedColor.Amber, LedPattern.Alternating, 2, LedColor.Red, "alternating amber/red @2 Hz")]
    [InlineData(LedColor.Off, LedPattern.Off, 0, LedColor.Off, "off")]
    public void States_describe_themselves(LedColor color, LedPattern pattern, double hz, LedColor alternate, string text) =>
        new LedState(color, pattern, hz, alternate).ToString().Should().Be(text);
}
