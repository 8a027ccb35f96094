using System.ComponentModel;

namespace AxisEmulator.Contracts;

/// <summary>
/// What feeds a device (a request body and part of <see cref="PowerState"/>): <c>kind</c> says which of
/// the other fields apply. Build one with <see cref="Poe"/>, <see cref="Passive"/> or <see cref="Dc"/>;
/// fields left null take the emulator's defaults.
/// </summary>
public sealed record PowerSource(
    [property: Description("poe (an 802.3 PSE), passive (a non-standard injector) or dc (an adapter).")] PowerSourceKind? Kind,
    [property: Description("poe: 802.3af, 802.3at or 802.3bt. Default: the lowest standard that supplies pseClass.")] string? Standard = null,
    [property: Description("poe: the highest class the PSE supplies, 0–8. Default: the device's own PoE class.")] int? PseClass = null,
    [property: Description("poe: cable length, metres (0–250). Default 10.")] double? CableMeters = null,
    [property: Description("poe: cat3, cat5, cat5e, cat6 or cat6a. Default cat5e.")] string? CableCategory = null,
    [property: Description("poe: PSE output voltage. Default 48 V for 802.3af, 53 V for 802.3at/bt.")] double? PseVolts = null,
    [property: Description("passive and dc: volts (required).")] double? Volts = null,
    [property: Description("dc: the adapter's current rating. Default: enough for the device's peak load.")] double? Amps = null)
{
    /// <summary>An 802.3 PSE port, e.g. <c>PowerSource.Poe(pseClass: 3, cableMeters: 100, cableCategory: "cat5")</c>.</summary>
    public static PowerSource Poe(int? pseClass = null, string? standard = null, double? cableMeters = null, string? cableCategory = null, double? pseVolts = null) =>
        new(PowerSourceKind.Poe, standard, pseClass, cableMeters, cableCategory, pseVolts);

    /// <summary>A non-standard passive injector: no detection, no classification.</summary>
    public static PowerSource Passive(double volts) => new(PowerSourceKind.Passive, Volts: volts);

    /// <summary>A DC adapter (amps default to enough for the device's peak load).</summary>
    public static PowerSource Dc(double volts, double? amps = null) => new(PowerSourceKind.Dc, Volts: volts, Amps: amps);
}
