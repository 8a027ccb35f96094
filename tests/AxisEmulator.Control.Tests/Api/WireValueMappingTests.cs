using System.Text.Json;
using AxisEmulator.Contracts;
using AxisEmulator.Control.Api;

namespace AxisEmulator.Control.Tests.Api;

/// <summary>
/// Core's enums and the contracts' wire values meet by kebab-case name (Core cannot see the contracts):
/// every Core value has its wire value, in the same order, and the server reads only known values.
/// </summary>
public class WireValueMappingTests
{
    public static TheoryData<Type, Type> Pairs => new()
    {
        { typeof(Core.Devices.DevicePhase), typeof(DevicePhase) },
        { typeof(Core.Leds.LedColor), typeof(LedColor) },
        { typeof(Core.Leds.LedPattern), typeof(LedPattern) },
        { typeof(Core.Power.PowerStatus), typeof(PowerStatus) },
        { typeof(Core.Button.ButtonCondition), typeof(ButtonCondition) },
        { typeof(Core.Config.BootProtocol), typeof(BootProtocol) },
        { typeof(Core.Events.TimelineKind), typeof(TimelineKind) },
        { typeof(Core.Clock.ClockMode), typeof(ClockMode) },
        { typeof(Core.Profiles.FormFactor), typeof(FormFactor) },
        { typeof(Core.Profiles.FirmwarePersonality), typeof(FirmwarePersonality) },
        { typeof(Core.Profiles.LateReleaseBehavior), typeof(LateReleaseBehavior) },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Every_core_value_has_its_wire_value_in_order(Type core, Type wire)
    {
        ControlJson.Names(wire).Should().Equal(ControlJson.Names(core), $"{wire.Name}.Known lists {core.FullName}'s values by their wire names");
    }

    [Fact]
    public void A_core_value_and_its_wire_value_convert_both_ways()
    {
        WireValues.Of(Core.Devices.DevicePhase.NetworkUp).Should().Be(DevicePhase.NetworkUp);
        WireValues.Of(Core.Power.PowerStatus.NoPower).Value.Should().Be("no-power");
        WireValues.ToCore<Core.Clock.ClockMode, ClockMode>(ClockMode.Scaled).Should().Be(Core.Clock.ClockMode.Scaled);
        WireValues.ToCore<Core.Button.ButtonCondition, ButtonCondition>("MUSHY").Should().Be(Core.Button.ButtonCondition.Mushy);
    }

    [Fact]
    public void The_server_reads_a_known_value_whatever_the_case_and_refuses_any_other()
    {
        JsonSerializer.Deserialize<ButtonRequest>("""{"action":"Hold","seconds":3}""", ControlJson.RequestOptions)!.Action.Should().Be(ButtonAction.Hold);

        var unknown = () => JsonSerializer.Deserialize<ButtonRequest>("""{"action":"tap"}""", ControlJson.RequestOptions);
        var number = () => JsonSerializer.Deserialize<ButtonRequest>("""{"action":1}""", ControlJson.RequestOptions);

        unknown.Should().Throw<JsonException>().Which.Path.Should().Be("$.action");
        number.Should().Throw<JsonException>();
        RequestBody.Parse<ButtonRequest>("""{"action":"tap"}"""u8, "{}").Problem.Should().NotBeNull();
    }

    [Fact]
    public void A_wire_value_is_written_as_its_text()
    {
        JsonSerializer.Serialize(new LedState(LedColor.Amber, LedPattern.Flashing, 4, null), ControlJson.Options)
            .Should().Be("""{"color":"amber","pattern":"flashing","hz":4}""");
    }
}
