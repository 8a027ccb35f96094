namespace AxisEmulator.Core.Events;

public static partial class DeviceEventCatalogue
{
    private static IEnumerable<DeviceEventSpec> ButtonEvents() =>
    [
        DeviceEventSpec.For("press", TimelineKind.Button, "A finger presses the control button (the contact closes unless it is broken).", new ButtonPressed(), _ => "control button pressed"),
        DeviceEventSpec.For("release", TimelineKind.Button, "The finger lets go of the control button.", new ButtonReleased(), _ => "control button released"),
        DeviceEventSpec.For("debounced-press", TimelineKind.Button, "The firmware reads the button as pressed: the contact stayed closed for the profile's debounce window.", new DebouncedPress(), _ => "firmware reads the button as pressed"),
        DeviceEventSpec.For("debounced-release", TimelineKind.Button, "The firmware reads the button as released; during the boot loader's reset check a reset-release follows.", new DebouncedRelease(), _ => "firmware reads the button as released"),
        DeviceEventSpec.For(
            "dropout",
            TimelineKind.Button,
            "A mushy contact opens for a moment under a held finger (seeded random dropouts).",
            new ContactDroppedOut(TimeSpan.FromMilliseconds(120)),
            e => Invariant($"contact dropped out for {e.Length.TotalMilliseconds:0} ms"),
            e => Data(("ms", Math.Round(e.Length.TotalMilliseconds, 1))),
            ("ms", "how long the contact stayed open, milliseconds")),
    ];
}
