using AxisEmulator.Core.Power;

namespace AxisEmulator.Core.Events;

public static partial class DeviceEventCatalogue
{
    private static IEnumerable<DeviceEventSpec> PowerEvents()
    {
        var poe = new PoeSource(PoeStandard.At, 4, 10, CableCategory.Cat5e);
        var ok = new PowerReading(PowerStatus.Ok, 52.71, 7.5, 25.5, 0.04, 0.142, false, "802.3at class-4 PSE at 53 V over 10 m of cat5e (2 Ω loop): 7.5 W at 52.71 V, 0.142 A, 0.04 W lost in the cable; class-4 budget 25.5 W (ok)");
        var degraded = new PowerReading(PowerStatus.Degraded, 47.87, 4.8, 12.95, 0.01, 0.1, true, "802.3af class-3 PSE at 48 V over 10 m of cat5e (1.25 Ω loop): class-4 PD granted class 3 (budget 12.95 W) runs degraded, heater/IR limited with a power warning; 4.8 W at 47.87 V, 0.1 A, 0.01 W lost in the cable (degraded)");
        var brownOut = new PowerReading(PowerStatus.Undervoltage, 40.37, 25.5, 25.5, 0, 0, false, "802.3at class-4 PSE at 53 V over 160 m of cat5e (20 Ω loop): 25.5 W leaves 40.37 V at the device, below the 42.5 V a Type 2 (802.3at) PD needs: the PD drops out (undervoltage)");
        var none = new PowerReading(PowerStatus.NoPower, 0, 0, 0, 0, 0, false, "24 V passive injector: below the 37 V a PoE PD needs to turn on; nothing lights");
        (string, string)[] figures =
        [
            ("status", "the rail's verdict: ok, degraded, overload, undervoltage or no-power"),
            ("volts", "volts at the device's input"),
            ("watts", "watts drawn"),
            ("budgetWatts", "watts the source grants (0: no budget, a passive injector)"),
        ];

        return
        [
            DeviceEventSpec.For("power-on", TimelineKind.Power, "A power source is plugged into an unpowered device.", new PoweredOn(poe), e => Describe(e.Source), e => Data(("source", Describe(e.Source))), ("source", "the source, described")),
            DeviceEventSpec.For("source-changed", TimelineKind.Power, "The source is changed while the device has one (cable length, class, voltage); the rail is evaluated again.", new PowerSourceChanged(poe), e => Describe(e.Source), e => Data(("source", Describe(e.Source))), ("source", "the new source, described")),
            DeviceEventSpec.For("power-off", TimelineKind.Power, "The device loses power: the plug is pulled (\"power removed\") or the rail gives nothing (\"power lost\"). Not after a brown-out, which has its own entries.", new PoweredOff(Unplugged: true), e => e.Unplugged ? "power removed" : "power lost"),
            DeviceEventSpec.For("no-power", TimelineKind.Power, "A source is plugged in that gives nothing usable (wrong input, too few volts): the device never starts. No data.", new NoPowerAtPlugIn(none), e => e.Reading.Explanation),
            DeviceEventSpec.For("power-ok", TimelineKind.Power, "On entering a powered phase the rail carries its load, and did not before (first evaluation, or recovered).", new PowerOk(ok), e => e.Reading.Explanation, e => Figures(e.Reading), figures),
            DeviceEventSpec.For("power-warning", TimelineKind.Power, "On entering a powered phase the rail carries its load only degraded (a lower PoE class granted: heater/IR limited); recorded when the status changes.", new PowerWarning(degraded), e => e.Reading.Explanation, e => Figures(e.Reading), figures),
            DeviceEventSpec.For("no-power", TimelineKind.Power, "On entering a powered phase the rail gives nothing: the device goes off.", new NoPower(none), e => e.Reading.Explanation, e => Figures(e.Reading), figures),
            DeviceEventSpec.For("brownout", TimelineKind.Power, "On entering a powered phase the rail cannot carry the phase's load (overload or undervoltage): the PSE cuts power and the device enters the brownout phase.", new BrownOut(brownOut), e => e.Reading.Explanation, e => Figures(e.Reading), figures),
            DeviceEventSpec.For(
                "pse-retry-scheduled",
                TimelineKind.Power,
                "After a brown-out: the PSE will retry after the profile's pseRetrySeconds, giving a boot loop while the condition lasts.",
                new PseRetryScheduled(1, TimeSpan.FromSeconds(5)),
                e => Invariant($"power cut ({e.BootLoopCount} in a row); the PSE retries in {e.Retry.TotalSeconds:0.#} s"),
                e => Data(("bootLoopCount", e.BootLoopCount), ("retrySeconds", e.Retry.TotalSeconds)),
                ("bootLoopCount", "brown-outs in a row since the last boot that reached ready"),
                ("retrySeconds", "seconds until the PSE tries again")),
        ];
    }

    private static TimelineDataDictionary Figures(PowerReading reading) => Data(
        ("status", Kebab(reading.Status)),
        ("volts", Math.Round(reading.VoltsAtDevice, 2)),
        ("watts", Math.Round(reading.Watts, 2)),
        ("budgetWatts", Math.Round(reading.BudgetWatts, 2)));

    /// <summary>"PoE 802.3at class 4, 10 m cat5e, 53 V".</summary>
    private static string Describe(PowerSource source) => source switch
    {
        PoeSource poe => Invariant($"PoE {poe.Standard.ToWireString()} class {poe.PseClass}, {poe.CableMeters:0.#} m {poe.Cable.ToString().ToLowerInvariant()}, {poe.EffectivePseVolts:0.#} V"),
        PassiveSource passive => Invariant($"passive injector {passive.Volts:0.#} V"),
        DcSource dc => Invariant($"DC adapter {dc.Volts:0.#} V {dc.Amps:0.#} A"),
        _ => source.ToString(),
    };
}
