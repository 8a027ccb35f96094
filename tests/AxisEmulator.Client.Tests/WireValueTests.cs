using System.Text.Json;
using AxisEmulator.Contracts;

namespace AxisEmulator.Client.Tests;

/// <summary>Kebab-case wire values: known members, any text, case-insensitive equality, JSON strings.</summary>
public class WireValueTests
{
    [Fact]
    public void A_wire_value_equals_its_text_whatever_the_case()
    {
        DevicePhase phase = "network-up";

        (phase == DevicePhase.NetworkUp).Should().BeTrue();
        (phase == "Network-Up").Should().BeTrue();
        (phase != DevicePhase.Ready).Should().BeTrue();
        phase.GetHashCode().Should().Be(new DevicePhase("NETWORK-UP").GetHashCode());
        phase.ToString().Should().Be("network-up");
        phase.IsKnown.Should().BeTrue();
    }

    [Fact]
    public void A_value_this_client_does_not_know_still_reads_and_compares()
    {
        var phase = JsonSerializer.Deserialize<DevicePhase>("\"hibernating\"", ClientJson.Options);

        phase.Value.Should().Be("hibernating");
        phase.IsKnown.Should().BeFalse();
        (phase == "hibernating").Should().BeTrue();
        JsonSerializer.Serialize(phase, ClientJson.Options).Should().Be("\"hibernating\"");
    }

    [Fact]
    public void A_default_value_is_empty_text_and_a_number_is_not_a_wire_value()
    {
        default(LedColor).ToString().Should().BeEmpty();
        (default(LedColor) == LedColor.Off).Should().BeFalse();

        var act = () => JsonSerializer.Deserialize<LedColor>("3", ClientJson.Options);
        act.Should().Throw<JsonException>().WithMessage("*Expected a string for LedColor*");
    }

    [Fact]
    public void Wire_values_work_as_dictionary_keys_in_JSON()
    {
        var counts = new Dictionary<TimelineKind, int> { [TimelineKind.Led] = 2 };

        var json = JsonSerializer.Serialize(counts, ClientJson.Options);

        json.Should().Be("""{"led":2}""");
        JsonSerializer.Deserialize<Dictionary<TimelineKind, int>>(json, ClientJson.Options)!.Should().ContainKey("LED");
    }

    [Fact]
    public void LED_states_read_like_the_dashboard()
    {
        new LedState(LedColor.Amber, LedPattern.Flashing, 1, null).ToString().Should().Be("flashing amber @1 Hz");
        new LedState(LedColor.Amber, LedPattern.Alternating, 2, LedColor.Red).ToString().Should().Be("alternating amber/red @2 Hz");
        new LedState(LedColor.Green, LedPattern.Steady, null, null).ToString().Should().Be("steady green");
        new LedState(LedColor.Off, LedPattern.Off, null, null).ToString().Should().Be("off");
        new LedState(LedColor.Amber, LedPattern.Flashing, 1, null).IsFlashing(LedColor.Amber).Should().BeTrue();
        new LedState(LedColor.Off, LedPattern.Off, null, null).IsOff.Should().BeTrue();
    }

    [Fact]
    public void Simulated_times_are_shown_from_the_epoch()
    {
        SimulatedTime.Format(SimulatedTime.Epoch.AddMilliseconds(83_050)).Should().Be("00:01:23.050");
        SimulatedTime.Format(SimulatedTime.Epoch.AddDays(1).AddSeconds(1)).Should().Be("1.00:00:01.000");
        SimulatedTime.Format(TimeSpan.FromSeconds(30)).Should().Be("30 s");
        SimulatedTime.Format(TimeSpan.FromMinutes(2)).Should().Be("2 min");
        SimulatedTime.Format(TimeSpan.FromSeconds(90.5)).Should().Be("1 min 30.5 s");
    }
}
