using AxisEmulator.Contracts;

namespace AxisEmulator.Control.Api;

/// <summary>
/// Core's enums ↔ the contracts' wire values. Core cannot see the contracts, so the kebab-case name is
/// the seam: <c>DevicePhase.NetworkUp</c> is <c>network-up</c> on both sides (WireValueMappingTests
/// checks that every Core value has its wire value, in order).
/// </summary>
public static class WireValues
{
    public static DevicePhase Of(Core.Devices.DevicePhase value) => Names<Core.Devices.DevicePhase, DevicePhase>.Wire(value);

    public static LedColor Of(Core.Leds.LedColor value) => Names<Core.Leds.LedColor, LedColor>.Wire(value);

    public static LedPattern Of(Core.Leds.LedPattern value) => Names<Core.Leds.LedPattern, LedPattern>.Wire(value);

    public static PowerStatus Of(Core.Power.PowerStatus value) => Names<Core.Power.PowerStatus, PowerStatus>.Wire(value);

    public static ButtonCondition Of(Core.Button.ButtonCondition value) => Names<Core.Button.ButtonCondition, ButtonCondition>.Wire(value);

    public static BootProtocol Of(Core.Config.BootProtocol value) => Names<Core.Config.BootProtocol, BootProtocol>.Wire(value);

    public static TimelineKind Of(Core.Events.TimelineKind value) => Names<Core.Events.TimelineKind, TimelineKind>.Wire(value);

    public static ClockMode Of(Core.Clock.ClockMode value) => Names<Core.Clock.ClockMode, ClockMode>.Wire(value);

    public static FormFactor Of(Core.Profiles.FormFactor value) => Names<Core.Profiles.FormFactor, FormFactor>.Wire(value);

    public static FirmwarePersonality Of(Core.Profiles.FirmwarePersonality value) => Names<Core.Profiles.FirmwarePersonality, FirmwarePersonality>.Wire(value);

    public static LateReleaseBehavior Of(Core.Profiles.LateReleaseBehavior value) => Names<Core.Profiles.LateReleaseBehavior, LateReleaseBehavior>.Wire(value);

    /// <summary>
    /// The Core value of a wire value the request reader has accepted (it accepts only known values);
    /// throws <see cref="ArgumentOutOfRangeException"/> for one Core does not have.
    /// </summary>
    public static TEnum ToCore<TEnum, TWire>(TWire value)
        where TEnum : struct, Enum
        where TWire : struct, IWireValue<TWire> => Names<TEnum, TWire>.Core(value);

    private static class Names<TEnum, TWire>
        where TEnum : struct, Enum
        where TWire : struct, IWireValue<TWire>
    {
        private static readonly Dictionary<TEnum, TWire> ToWire = Enum.GetValues<TEnum>().ToDictionary(v => v, v => TWire.FromWire(ControlJson.Name(v)));
        private static readonly Dictionary<string, TEnum> ByName = Enum.GetValues<TEnum>().ToDictionary(v => ControlJson.Name(v), v => v, StringComparer.OrdinalIgnoreCase);

        public static TWire Wire(TEnum value) => ToWire.TryGetValue(value, out var wire) ? wire : TWire.FromWire(ControlJson.Name(value));

        public static TEnum Core(TWire value) =>
            ByName.TryGetValue(value.Value ?? "", out var core)
                ? core
                : throw new ArgumentOutOfRangeException(nameof(value), value.Value, $"{typeof(TEnum).Name} has no value '{value.Value}'");
    }
}
