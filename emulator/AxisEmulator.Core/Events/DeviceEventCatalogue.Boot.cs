using AxisEmulator.Core.Boot;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;

namespace AxisEmulator.Core.Events;

public static partial class DeviceEventCatalogue
{
    private static IEnumerable<DeviceEventSpec> BootEvents()
    {
        (string, string)[] window = [("windowMin", "the profile's reset window opens, seconds held"), ("windowMax", "the window closes, seconds held")];
        (string, string)[] outcome =
        [
            ("heldSeconds", "seconds the button was held, counted from power-on or the boot loader's sample"),
            ("windowMin", "the profile's reset window opens, seconds held"),
            ("windowMax", "the window closes, seconds held"),
            ("outcome", "too-early, factory-reset, too-late-reset or too-late-abort"),
            ("marginSeconds", "to the nearest edge of the window: positive inside, negative outside"),
        ];
        var version = ("version", "the firmware version that now boots");

        return
        [
            DeviceEventSpec.For(
                "bootloader-started",
                TimelineKind.Boot,
                "Power reaches the boot loader (power-on, PSE retry, restart): a new boot with a new boot id.",
                new BootloaderStarted(1, "0918681c-3b78-4a6f-9e23-5d0526222bb2"),
                e => $"boot #{e.BootCount}, boot id {e.BootId}",
                e => Data(("bootCount", e.BootCount), ("bootId", e.BootId)),
                ("bootCount", "boots since the device was created"),
                ("bootId", "the new boot's UUID (VAPIX bootid)")),
            DeviceEventSpec.For(
                "reset-hold",
                TimelineKind.Boot,
                "The boot loader samples the control button and finds it held: it waits for the reset window.",
                new ResetHoldSeen(15, 30),
                e => Invariant($"boot loader sees the control button held; reset window opens at {e.WindowMin:0.##} s"),
                e => Data(("windowMin", e.WindowMin), ("windowMax", e.WindowMax)),
                window),
            DeviceEventSpec.For(
                "reset-window-open",
                TimelineKind.Boot,
                "The button has been held for the window's start: the status LED flashes amber and a release now resets the unit.",
                new ResetWindowOpened(15, 30),
                e => Invariant($"status LED flashes amber: release now for a factory reset (until {e.WindowMax:0.##} s)"),
                e => Data(("windowMin", e.WindowMin), ("windowMax", e.WindowMax)),
                window),
            DeviceEventSpec.For(
                "reset-window-closed",
                TimelineKind.Boot,
                "The window closes with the button still held. A strict profile gives up (the outcome, too-late-abort, is the data); a lenient one still resets on release (no data).",
                new ResetWindowClosed(new ResetOutcome(31, 15, 30, ResetVerdict.LateAbort, -1)),
                e => e.Abort is { } abort
                    ? "window closed with the button still held: " + abort.Explain()
                    : "window closed with the button still held; this model still resets on release",
                e => e.Abort?.ToData(),
                outcome),
            DeviceEventSpec.For(
                "reset-release",
                TimelineKind.Boot,
                "The button is released during the boot loader's reset check: judged against the profile's window (ResetOutcome), the message explains the verdict with its margin.",
                new ResetReleased(new ResetOutcome(22, 15, 30, ResetVerdict.FactoryReset, 7)),
                e => e.Outcome.Explain(),
                e => e.Outcome.ToData(),
                outcome),
            DeviceEventSpec.For(
                "factory-reset",
                TimelineKind.Boot,
                "A factory default starts, from the button (a release inside the window) or over the network (VAPIX); a config-changed entry says what was erased.",
                new FactoryResetStarted(FactoryDefaultMode.Hard, FactoryResetSource.Button),
                e => e.Source == FactoryResetSource.Button ? "restoring factory defaults" : $"{Lower(e.Mode)} factory default requested",
                e => Data(("mode", Lower(e.Mode)), ("source", e.Source.ToWireString())),
                ("mode", "soft (network settings kept) or hard (everything erased)"),
                ("source", "button or network")),
            DeviceEventSpec.For(
                "system-ready",
                TimelineKind.Boot,
                "The boot reaches ready: systemready answers yes, the status LED turns green.",
                new SystemReady(TimeSpan.FromSeconds(100)),
                e => Invariant($"system ready after {e.Uptime.TotalSeconds:0.#} s"),
                e => Data(("uptimeSeconds", Math.Round(e.Uptime.TotalSeconds, 3))),
                ("uptimeSeconds", "simulated seconds since the boot loader started")),
            DeviceEventSpec.For("restart", TimelineKind.Boot, "A soft reboot is accepted (restart.cgi, firmware management, chaos).", new RestartRequested(), _ => "restart requested"),
            DeviceEventSpec.For("bricked", TimelineKind.Boot, "A bricked unit has power (or is bricked while running): it does not start.", new UnitDead(), _ => "the unit does not start: no LED, no network"),
            DeviceEventSpec.For(
                "upgrade-refused",
                TimelineKind.Boot,
                "A firmware upgrade is refused before anything is written.",
                new UpgradeRefused(new FirmwareImage("M1011", "12.9.57"), UpgradeRejection.ModelMismatch),
                e => $"upgrade to {e.Image.Model} {e.Image.Version} refused: {e.Reason}",
                e => Data(("reason", Kebab(e.Reason)), ("model", e.Image.Model), ("version", e.Image.Version)),
                ("reason", "model-mismatch, missing-signature, busy or active-uncommitted"),
                ("model", "the image's model"),
                ("version", "the image's version")),
            DeviceEventSpec.For(
                "upgrade-started",
                TimelineKind.Boot,
                "An accepted upgrade starts writing the inactive bank (the upgrading phase).",
                new UpgradeStarted("12.10.68", 90),
                e => Invariant($"writing {e.Version} to flash ({e.FlashSeconds:0} s)"),
                e => Data(("version", e.Version)),
                ("version", "the version being written")),
            DeviceEventSpec.For(
                "flash-corrupt",
                TimelineKind.Boot,
                "Power is lost mid-flash on a single-bank unit: the only image is corrupt and the unit is bricked.",
                new FlashCorrupted("power lost while writing 12.9.57 to single-bank flash: no bootable image", "12.9.57"),
                e => e.What,
                e => Data(("version", e.Version)),
                ("version", "the active bank's version as recorded")),
            DeviceEventSpec.For(
                "firmware-rollback",
                TimelineKind.Boot,
                "Power is lost mid-flash or before an upgrade is committed: the unit falls back to the other bank.",
                new FirmwareRolledBack("power lost while writing 12.9.57: the inactive bank is discarded, 11.11.192 still boots", "11.11.192"),
                e => e.What,
                e => Data(("version", e.Version)),
                version),
        ];
    }
}
