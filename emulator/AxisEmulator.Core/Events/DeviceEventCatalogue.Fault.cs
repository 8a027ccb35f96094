using AxisEmulator.Core.Button;
using AxisEmulator.Core.Chaos;

namespace AxisEmulator.Core.Events;

public static partial class DeviceEventCatalogue
{
    private static IEnumerable<DeviceEventSpec> FaultEvents()
    {
        var loss = new ChaosAction(TimeSpan.FromMinutes(12), "cam-1", ChaosActionKind.NetworkLoss, 30);
        (string, string)[] chaos =
        [
            ("action", "brownout, reboot, mushy-button, brick or network-loss"),
            ("seconds", "how long a brownout or network-loss lasts; absent for the others"),
        ];

        return
        [
            DeviceEventSpec.For(
                "button-condition",
                TimelineKind.Fault,
                "The control button's contact is made healthy, mushy, stuck or broken.",
                new ButtonConditionSet(new ButtonFault(ButtonCondition.Mushy)),
                e => $"control button is now {Lower(e.Fault.Condition)}",
                e => Data(
                    ("condition", Lower(e.Fault.Condition)),
                    ("dropoutsPerSecond", e.Fault.Condition == ButtonCondition.Mushy ? e.Fault.DropoutsPerSecond : null),
                    ("dropoutMs", e.Fault.Condition == ButtonCondition.Mushy ? e.Fault.DropoutMilliseconds : null)),
                ("condition", "healthy, mushy, stuck or broken"),
                ("dropoutsPerSecond", "a mushy contact's mean dropouts per second held; absent otherwise"),
                ("dropoutMs", "a mushy contact's mean dropout length, milliseconds; absent otherwise")),
            DeviceEventSpec.For("bricked", TimelineKind.Fault, "The unit is bricked from outside (a fault, chaos): it shows no LED and never reaches the network.", new UnitBricked(), _ => "unit bricked"),
            DeviceEventSpec.For("repaired", TimelineKind.Fault, "A bricked unit is repaired: it boots again if powered.", new UnitRepaired(), _ => "unit repaired"),
            DeviceEventSpec.For("link-down", TimelineKind.Fault, "The network cable is pulled: the listener closes, the status LED alternates amber/red.", new LinkLost(), _ => "network link lost"),
            DeviceEventSpec.For("link-up", TimelineKind.Fault, "The network cable is plugged back.", new LinkRestored(), _ => "network link restored"),
            DeviceEventSpec.For(
                "chaos",
                TimelineKind.Fault,
                "A chaos plan's action reaches the device, just before it is applied (or skipped, saying why).",
                new ChaosApplied(loss),
                e => e.Aside is null ? "chaos: " + e.Action.Describe() : $"chaos: {e.Action.Describe()} ({e.Aside})",
                e => Chaos(e.Action),
                chaos),
            DeviceEventSpec.For(
                "chaos-end",
                TimelineKind.Fault,
                "A chaos brown-out or network loss is undone: power restored, link up.",
                new ChaosEnded(loss),
                e => e.Action.Kind == ChaosActionKind.Brownout
                    ? Invariant($"chaos: power restored after {e.Action.Seconds} s")
                    : Invariant($"chaos: network link restored after {e.Action.Seconds} s"),
                e => Chaos(e.Action),
                chaos),
        ];
    }

    private static TimelineDataDictionary Chaos(ChaosAction action) =>
        Data(("action", action.Kind.ToWireString()), ("seconds", action.Kind.HasDuration() ? action.Seconds : null));
}
