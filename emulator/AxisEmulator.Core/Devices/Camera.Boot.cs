using System.Globalization;
using AxisEmulator.Core.Boot;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Leds;
using AxisEmulator.Core.Network;
using AxisEmulator.Core.Power;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Core.Timeline;
using Stateless;
using Stateless.Graph;

namespace AxisEmulator.Core.Devices;

public sealed partial class Camera
{
    private PowerSource? _source;
    private PowerReading? _reading;
    private bool _bricked;
    private bool _linkUp = true;
    private NetworkAddressing? _addressing;
    private bool _listening;
    private string? _address;
    private string? _linkLocal;
    private bool _sharedAddress;
    private string? _bootId;
    private long _bootStartedTicks;
    private long _holdStartedTicks;
    private int _bootCount;
    private int _bootLoopCount;
    private ScheduledEvent? _phaseTimer;
    private ScheduledEvent? _windowCloseTimer;

    /// <summary>Time since the boot loader last started (zero when unpowered).</summary>
    public TimeSpan Uptime
    {
        get
        {
            using (_gate.Enter())
            {
                return _boot.Phase.IsPowered() && _boot.Phase != DevicePhase.Bricked
                    ? TimeSpan.FromTicks(_clock.GetTimestamp() - _bootStartedTicks)
                    : TimeSpan.Zero;
            }
        }
    }

    /// <summary>UUID of the current boot; a new one on every boot.</summary>
    public string? BootId
    {
        get { using (_gate.Enter()) { return _bootId; } }
    }

    /// <summary>Times the PSE cut power and retried since the last stable boot.</summary>
    public int BootLoopCount
    {
        get { using (_gate.Enter()) { return _bootLoopCount; } }
    }

    /// <summary>The state machines as Mermaid diagrams (checked into docs/).</summary>
    public IReadOnlyDictionary<string, string> ExportStateDiagrams()
    {
        using (_gate.Enter())
        {
            return new Dictionary<string, string>
            {
                ["boot-loader-and-firmware"] = MermaidGraph.Format(_boot.Info),
                ["firmware-banks"] = MermaidGraph.Format(FirmwareBankMachine.Describe()),
            };
        }
    }

    private double LoadFor(DevicePhase phase)
    {
        var loads = Profile.Power.Loads;
        return phase switch
        {
            DevicePhase.Bootloader or DevicePhase.ResetHold or DevicePhase.ResetArmed or DevicePhase.FactoryResetting => loads.BootLoader,
            DevicePhase.Booting or DevicePhase.ShuttingDown => loads.Kernel,
            DevicePhase.NetworkUp or DevicePhase.Upgrading => loads.Running,
            DevicePhase.Ready => loads.Peak,
            DevicePhase.Bricked => loads.BootLoader,
            _ => 0,
        };
    }

    /// <summary>Evaluates the rail for the phase's load; false when the device lost power (the machine has been told).</summary>
    private bool CheckPower(DevicePhase phase)
    {
        var reading = PowerRail.Evaluate(_source, Profile.Power, LoadFor(phase));
        var changed = _reading is null || _reading.Status != reading.Status;
        _reading = reading;
        switch (reading.Status)
        {
            case PowerStatus.Ok:
                if (changed)
                {
                    RecordPower("power-ok", reading.Explanation, reading);
                }

                return true;
            case PowerStatus.Degraded:
                if (changed)
                {
                    RecordPower("power-warning", reading.Explanation, reading);
                }

                return true;
            case PowerStatus.NoPower:
                RecordPower("no-power", reading.Explanation, reading);
                _boot.Fire(BootTrigger.PowerLost);
                return false;
            default:
                RecordPower("brownout", reading.Explanation, reading);
                _boot.Fire(BootTrigger.BrownOut);
                return false;
        }
    }

    private void RecordPower(string @event, string message, PowerReading reading) =>
        Timeline.Append(
            TimelineKind.Power,
            @event,
            message,
            Data(
                ("status", Kebab(reading.Status.ToString())),
                ("volts", Math.Round(reading.VoltsAtDevice, 2)),
                ("watts", Math.Round(reading.Watts, 2)),
                ("budgetWatts", Math.Round(reading.BudgetWatts, 2))));

    private void Schedule(TimeSpan delay, BootTrigger trigger)
    {
        _phaseTimer?.Cancel();
        _phaseTimer = ScheduleUnderGate(delay, () => _boot.Fire(trigger));
    }

    private double SecondsSince(long ticks) => TimeSpan.FromTicks(_clock.GetTimestamp() - ticks).TotalSeconds;

    private void OnPhaseEntered(DevicePhase from, DevicePhase to)
    {
        _phaseTimer?.Cancel();
        _phaseTimer = null;
        if (to is not (DevicePhase.ResetArmed))
        {
            _windowCloseTimer?.Cancel();
            _windowCloseTimer = null;
        }

        Timeline.Append(TimelineKind.Phase, "phase-changed", $"{from.ToKebab()} → {to.ToKebab()}", Data(("from", from.ToKebab()), ("to", to.ToKebab())));
        RaisePhaseChangedLocked(from, to);
    }

    private void EnterOff(bool brownout)
    {
        if (!brownout)
        {
            Timeline.Append(TimelineKind.Power, "power-off", _source is null ? "power removed" : "power lost");
        }

        Leds.Reset();
        UpdateListening();
        _bootId = null;
        OnPowerLossFirmware();
    }

    private void EnterBrownout()
    {
        EnterOff(brownout: true);
        _bootLoopCount++;
        var retry = TimeSpan.FromSeconds(Profile.Power.PseRetrySeconds);
        Timeline.Append(
            TimelineKind.Power,
            "pse-retry-scheduled",
            string.Create(CultureInfo.InvariantCulture, $"power cut ({_bootLoopCount} in a row); the PSE retries in {retry.TotalSeconds:0.#} s"),
            Data(("bootLoopCount", _bootLoopCount), ("retrySeconds", retry.TotalSeconds)));
        Schedule(retry, BootTrigger.PowerRestored);
    }

    private void EnterBootloader()
    {
        _bootCount++;
        _bootStartedTicks = _clock.GetTimestamp();
        _bootId = NewBootId();
        Leds.Power?.Show(LedState.Steady(LedColor.Green));
        Leds.Network?.Show(LedState.Off);
        Leds.Status.Show(LedState.Steady(LedColor.Amber));
        if (!CheckPower(DevicePhase.Bootloader))
        {
            return;
        }

        Timeline.Append(TimelineKind.Boot, "bootloader-started", $"boot #{_bootCount}, boot id {_bootId}", Data(("bootCount", _bootCount), ("bootId", _bootId)));
        // Held before power came: the contact is closed at power-on and the hold counts from then.
        _holdStartedTicks = Button.ContactClosed ? _bootStartedTicks : -1;

        Schedule(TimeSpan.FromSeconds(Profile.Boot.BootLoaderSeconds), BootTrigger.BootloaderDone);
    }

    private void EnterResetHold()
    {
        Timeline.Append(
            TimelineKind.Boot,
            "reset-hold",
            string.Create(CultureInfo.InvariantCulture, $"boot loader sees the control button held; reset window opens at {Profile.Reset.HoldMinSeconds:0.##} s"),
            Data(("windowMin", Profile.Reset.HoldMinSeconds), ("windowMax", Profile.Reset.HoldMaxSeconds)));
        var untilOpen = Profile.Reset.HoldMinSeconds - SecondsSince(_holdStartedTicks);
        Schedule(TimeSpan.FromSeconds(Math.Max(0, untilOpen)), BootTrigger.WindowOpened);
    }

    private void EnterResetArmed()
    {
        Leds.Status.Show(LedState.Flashing(LedColor.Amber, Profile.Leds.FlashHz));
        Timeline.Append(
            TimelineKind.Boot,
            "reset-window-open",
            string.Create(CultureInfo.InvariantCulture, $"status LED flashes amber: release now for a factory reset (until {Profile.Reset.HoldMaxSeconds:0.##} s)"),
            Data(("windowMin", Profile.Reset.HoldMinSeconds), ("windowMax", Profile.Reset.HoldMaxSeconds)));
        var untilClose = Profile.Reset.HoldMaxSeconds - SecondsSince(_holdStartedTicks);
        _windowCloseTimer = ScheduleUnderGate(TimeSpan.FromSeconds(Math.Max(0, untilClose)), OnWindowClosed);
    }

    private void OnWindowClosed()
    {
        _windowCloseTimer = null;
        if (_boot.Phase != DevicePhase.ResetArmed)
        {
            return;
        }

        if (Profile.Reset.LateRelease == LateReleaseBehavior.Abort)
        {
            var outcome = ResetOutcome.WindowClosed(SecondsSince(_holdStartedTicks), Profile.Reset);
            Timeline.Append(TimelineKind.Boot, "reset-window-closed", "window closed with the button still held: " + outcome.Explain(), outcome.ToData());
            _boot.Fire(BootTrigger.WindowClosed);
        }
        else
        {
            Timeline.Append(TimelineKind.Boot, "reset-window-closed", "window closed with the button still held; this model still resets on release");
        }
    }

    /// <summary>The firmware's debounced reading changed.</summary>
    private void OnButtonDebounced(bool pressed)
    {
        Timeline.Append(TimelineKind.Button, pressed ? "debounced-press" : "debounced-release", pressed ? "firmware reads the button as pressed" : "firmware reads the button as released");
        if (pressed)
        {
            if (_boot.Phase == DevicePhase.Bootloader && _holdStartedTicks < 0)
            {
                _holdStartedTicks = _clock.GetTimestamp();
            }

            return;
        }

        // A release before the boot loader samples the button is an early release too: say so.
        if (_boot.Phase is DevicePhase.ResetHold or DevicePhase.ResetArmed || (_boot.Phase == DevicePhase.Bootloader && _holdStartedTicks >= 0))
        {
            var outcome = ResetOutcome.For(SecondsSince(_holdStartedTicks), Profile.Reset);
            Timeline.Append(TimelineKind.Boot, "reset-release", outcome.Explain(), outcome.ToData());
            _holdStartedTicks = -1;
            _boot.Fire(outcome.ErasesConfiguration ? BootTrigger.ReleasedInWindow : BootTrigger.ReleasedOutsideWindow);
        }
    }

    private void EnterFactoryResetting()
    {
        Leds.Status.Show(LedState.Flashing(LedColor.Amber, Profile.Leds.FlashHz));
        CommitConfig(_config.AfterFactoryDefault(FactoryDefaultMode.Hard), "factory default (control button): all settings erased, network reset");
        Timeline.Append(TimelineKind.Boot, "factory-reset", "restoring factory defaults", Data(("mode", "hard"), ("source", "button")));
        Schedule(TimeSpan.FromSeconds(Profile.Reset.FactoryResetSeconds), BootTrigger.FactoryResetDone);
    }

    private void EnterBooting()
    {
        Leds.Status.Show(LedState.Steady(LedColor.Amber));
        Leds.Network?.Show(_linkUp ? LedState.Steady(LedColor.Green) : LedState.Off);
        if (!CheckPower(DevicePhase.Booting))
        {
            return;
        }

        OnBootingFirmware();
        // Profile boot times count from power-on; the boot loader has already run its share.
        Schedule(TimeSpan.FromSeconds(Math.Max(0, Profile.Boot.NetworkUpSeconds - Profile.Boot.BootLoaderSeconds)), BootTrigger.NetworkStarted);
    }

    private void EnterNetworkUp()
    {
        if (!CheckPower(DevicePhase.NetworkUp))
        {
            return;
        }

        AssignAddress();
        UpdateListening();
        ShowStatusForRunning(ready: false);
        Schedule(TimeSpan.FromSeconds(Math.Max(0, Profile.Boot.ReadySeconds - Profile.Boot.NetworkUpSeconds)), BootTrigger.SystemReady);
    }

    private void EnterReady()
    {
        if (!CheckPower(DevicePhase.Ready))
        {
            return;
        }

        // A boot that reached ready breaks any boot loop.
        _bootLoopCount = 0;
        ShowStatusForRunning(ready: true);
        Timeline.Append(TimelineKind.Boot, "system-ready", string.Create(CultureInfo.InvariantCulture, $"system ready after {Uptime.TotalSeconds:0.#} s"), Data(("uptimeSeconds", Math.Round(Uptime.TotalSeconds, 3))));
        OnReadyFirmware();
        _phaseTimer = ScheduleUnderGate(TimeSpan.FromSeconds(Profile.Boot.GreenAfterReadySeconds), DimStatusLed);
    }

    private void DimStatusLed()
    {
        if (_boot.Phase == DevicePhase.Ready && _linkUp)
        {
            Leds.Status.Show(LedState.Off);
        }
    }

    private void ShowStatusForRunning(bool ready)
    {
        if (!_linkUp)
        {
            Leds.Status.Show(LedState.Alternating(LedColor.Amber, LedColor.Red, Profile.Leds.AlternateHz));
            Leds.Network?.Show(LedState.Off);
            return;
        }

        Leds.Network?.Show(LedState.Steady(LedColor.Green));
        Leds.Status.Show(LedState.Steady(ready ? LedColor.Green : LedColor.Amber));
    }

    private void EnterShuttingDown()
    {
        Leds.Status.Show(LedState.Steady(LedColor.Amber));
        Leds.Power?.Show(LedState.Steady(LedColor.Green));
        UpdateListening();
        Schedule(TimeSpan.FromSeconds(Profile.Boot.ShutdownSeconds), BootTrigger.ShutdownDone);
    }

    private void EnterBricked()
    {
        // [S] troubleshooting guides: "no lights, no network activity".
        Leds.Reset();
        UpdateListening();
        Timeline.Append(TimelineKind.Boot, "bricked", "the unit does not start: no LED, no network");
    }

    private void AssignAddress()
    {
        var settings = _config.Network;
        _linkLocal = EmulatedLan.LinkLocalFor(Serial);
        string? address;
        if (settings.BootProto == BootProtocol.None)
        {
            address = settings.IpAddress;
        }
        else
        {
            // [S] after a reset without DHCP: AXIS OS ≤ 11 falls back to 192.168.0.90, 12.x to link-local only.
            address = _lan.RequestLease(Serial)
                ?? (Profile.Firmware.Personality == FirmwarePersonality.Os12 ? _linkLocal : settings.IpAddress);
        }

        _address = address;
        PublishAddressing();
        var conflict = _lan.Claim(Serial, address, TellSharingChangeLocked);
        _sharedAddress = conflict.Count > 0;
        Timeline.Append(
            TimelineKind.Network,
            "address-assigned",
            $"{address} ({(settings.BootProto == BootProtocol.None ? "static" : _lan.DhcpEnabled ? "dhcp" : "fallback, no DHCP server")}), link-local {_linkLocal}",
            Data(("ipAddress", address), ("linkLocal", _linkLocal), ("bootProto", Kebab(settings.BootProto.ToString()))));
        if (_sharedAddress)
        {
            RecordConflict(address!, conflict);
        }
    }

    /// <summary>
    /// The address this device holds became shared, or stopped being shared. Told by another device
    /// once its gate is released; the update runs as a clock event under this device's own gate, at
    /// the same simulated instant, after what was already due then.
    /// </summary>
    private void OnSharingChanged(string address, bool shared) => ScheduleUnderGate(TimeSpan.Zero, () =>
    {
        if (_address != address || !_boot.Phase.HasNetwork() || shared == _sharedAddress)
        {
            return;
        }

        _sharedAddress = shared;
        if (shared)
        {
            RecordConflict(address, _lan.ConflictAt(address, Serial));
        }
        else
        {
            Timeline.Append(TimelineKind.Network, "ip-conflict-resolved", $"{address} is no longer shared", Data(("ipAddress", address)));
        }
    });

    private void RecordConflict(string address, AddressConflict conflict)
    {
        // A mass reset can put hundreds on one address: name a few, count the rest.
        var named = conflict.FirstSerials;
        var names = string.Join(", ", named) + (conflict.Count > named.Count ? $" and {conflict.Count - named.Count} more" : "");
        Timeline.Append(TimelineKind.Network, "ip-conflict", $"{address} is also used by {names}", Data(("ipAddress", address), ("conflictCount", conflict.Count), ("conflicts", named.ToArray())));
    }

    /// <summary>Replaces <see cref="Addressing"/> when one of its parts changed (under the gate).</summary>
    private void PublishAddressing()
    {
        var current = _addressing;
        if (current is null || current.IpAddress != _address || current.LinkLocalAddress != _linkLocal
            || current.BootProto != _config.Network.BootProto || current.LinkUp != _linkUp)
        {
            Volatile.Write(ref _addressing, new NetworkAddressing(_address, _linkLocal, _config.Network.BootProto, _linkUp));
        }
    }

    /// <summary>Serials sharing this device's address (empty when it has the address to itself).</summary>
    private IReadOnlyList<string> Conflicts => _sharedAddress ? _lan.OthersAt(_address, Serial) : [];

    private void UpdateListening()
    {
        var listening = _boot.Phase.HasNetwork() && _linkUp && !_bricked;
        if (!listening && _boot.Phase is not (DevicePhase.NetworkUp or DevicePhase.Ready or DevicePhase.Upgrading))
        {
            _lan.Claim(Serial, null, TellSharingChangeLocked);
            _sharedAddress = false;
        }

        if (listening == _listening)
        {
            return;
        }

        _listening = listening;
        Timeline.Append(TimelineKind.Network, listening ? "listener-open" : "listener-closed", listening ? "HTTP server up" : "HTTP server down");
        RaiseListeningChangedLocked(listening);
    }

    private string NewBootId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }

    private static string Kebab(string pascal)
    {
        var builder = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(pascal[i]));
        }

        return builder.ToString();
    }

    private enum BootTrigger
    {
        PowerOn,
        PowerRestored,
        PowerLost,
        BrownOut,
        BootloaderDone,
        WindowOpened,
        WindowClosed,
        ReleasedInWindow,
        ReleasedOutsideWindow,
        FactoryResetDone,
        NetworkStarted,
        SystemReady,
        Restart,
        ShutdownDone,
        StartUpgrade,
        FlashDone,
        Brick,
        Unbrick,
    }

    /// <summary>The boot loader and firmware lifecycle as a Stateless machine, private to the device.</summary>
    private sealed class BootMachine
    {
        private readonly StateMachine<DevicePhase, BootTrigger> _machine;

        public BootMachine(Camera camera)
        {
            _machine = new StateMachine<DevicePhase, BootTrigger>(DevicePhase.Off, FiringMode.Queued);
            _machine.OnTransitioned(t =>
            {
                if (t.Source != t.Destination || t.IsReentry)
                {
                    camera.OnPhaseEntered(t.Source, t.Destination);
                }
            });

            _machine.Configure(DevicePhase.Off)
                .OnEntry(() => camera.EnterOff(brownout: false), "all LEDs off")
                .PermitIf(BootTrigger.PowerOn, DevicePhase.Bootloader, () => !camera._bricked, "healthy unit")
                .PermitIf(BootTrigger.PowerOn, DevicePhase.Bricked, () => camera._bricked, "bricked unit")
                .Permit(BootTrigger.BrownOut, DevicePhase.Brownout)
                .Ignore(BootTrigger.PowerLost)
                .Ignore(BootTrigger.Unbrick)
                .Ignore(BootTrigger.Brick);

            _machine.Configure(DevicePhase.Brownout)
                .OnEntry(camera.EnterBrownout, "LEDs off, PSE retry scheduled")
                .PermitIf(BootTrigger.PowerRestored, DevicePhase.Bootloader, () => !camera._bricked, "healthy unit")
                .PermitIf(BootTrigger.PowerRestored, DevicePhase.Bricked, () => camera._bricked, "bricked unit")
                .Permit(BootTrigger.PowerLost, DevicePhase.Off)
                .Ignore(BootTrigger.BrownOut)
                .Ignore(BootTrigger.Brick)
                .Ignore(BootTrigger.Unbrick);

            Powered(DevicePhase.Bootloader)
                .OnEntry(camera.EnterBootloader, "status amber, sample the button")
                .PermitIf(BootTrigger.BootloaderDone, DevicePhase.ResetHold, () => camera.Button.IsPressed, "button held")
                .PermitIf(BootTrigger.BootloaderDone, DevicePhase.Booting, () => !camera.Button.IsPressed, "button not held");

            Powered(DevicePhase.ResetHold)
                .OnEntry(camera.EnterResetHold, "wait for the hold window")
                .Permit(BootTrigger.WindowOpened, DevicePhase.ResetArmed)
                .Permit(BootTrigger.ReleasedOutsideWindow, DevicePhase.Booting);

            Powered(DevicePhase.ResetArmed)
                .OnEntry(camera.EnterResetArmed, "status flashes amber")
                .Permit(BootTrigger.ReleasedInWindow, DevicePhase.FactoryResetting)
                .Permit(BootTrigger.ReleasedOutsideWindow, DevicePhase.Booting)
                .Permit(BootTrigger.WindowClosed, DevicePhase.Booting);

            Powered(DevicePhase.FactoryResetting)
                .OnEntry(camera.EnterFactoryResetting, "erase configuration")
                .Permit(BootTrigger.FactoryResetDone, DevicePhase.Booting);

            Powered(DevicePhase.Booting)
                .OnEntry(camera.EnterBooting, "kernel starts")
                .Permit(BootTrigger.NetworkStarted, DevicePhase.NetworkUp);

            Powered(DevicePhase.NetworkUp)
                .OnEntry(camera.EnterNetworkUp, "listener opens, systemready no")
                .Permit(BootTrigger.SystemReady, DevicePhase.Ready)
                .Permit(BootTrigger.Restart, DevicePhase.ShuttingDown);

            Powered(DevicePhase.Ready)
                .OnEntry(camera.EnterReady, "status green, systemready yes")
                .Permit(BootTrigger.Restart, DevicePhase.ShuttingDown)
                .Permit(BootTrigger.StartUpgrade, DevicePhase.Upgrading);

            Powered(DevicePhase.Upgrading)
                .OnEntry(camera.EnterUpgrading, "write the inactive bank")
                .Permit(BootTrigger.FlashDone, DevicePhase.ShuttingDown);

            Powered(DevicePhase.ShuttingDown)
                .OnEntry(camera.EnterShuttingDown, "listener closes")
                .Permit(BootTrigger.ShutdownDone, DevicePhase.Bootloader);

            _machine.Configure(DevicePhase.Bricked)
                .OnEntry(camera.EnterBricked, "no LED, no network")
                .Permit(BootTrigger.PowerLost, DevicePhase.Off)
                .Permit(BootTrigger.Unbrick, DevicePhase.Bootloader)
                .Ignore(BootTrigger.BrownOut)
                .Ignore(BootTrigger.Brick)
                .Ignore(BootTrigger.PowerOn);

            // Late timers of a phase that has been left are harmless: ignore instead of throwing.
            _machine.OnUnhandledTrigger((_, _) => { });
        }

        public DevicePhase Phase => _machine.State;

        public Stateless.Reflection.StateMachineInfo Info => _machine.GetInfo();

        public void Fire(BootTrigger trigger) => _machine.Fire(trigger);

        public bool CanFire(BootTrigger trigger) => _machine.CanFire(trigger);

        private StateMachine<DevicePhase, BootTrigger>.StateConfiguration Powered(DevicePhase phase) =>
            _machine.Configure(phase)
                .Permit(BootTrigger.PowerLost, DevicePhase.Off)
                .Permit(BootTrigger.BrownOut, DevicePhase.Brownout)
                .Permit(BootTrigger.Brick, DevicePhase.Bricked)
                .Ignore(BootTrigger.PowerOn);
    }
}
