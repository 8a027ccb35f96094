using AxisEmulator.Core.Boot;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Leds;
using AxisEmulator.Core.Network;
using AxisEmulator.Core.Power;
using AxisEmulator.Core.Profiles;
using Stateless;
using Stateless.Graph;

namespace AxisEmulator.Core.Devices;

public sealed partial class Device
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
                    Timeline.Append(new PowerOk(reading));
                }

                return true;
            case PowerStatus.Degraded:
                if (changed)
                {
                    Timeline.Append(new PowerWarning(reading));
                }

                return true;
            case PowerStatus.NoPower:
                Timeline.Append(new NoPower(reading));
                _boot.Fire(BootTrigger.PowerLost);
                return false;
            default:
                Timeline.Append(new BrownOut(reading));
                _boot.Fire(BootTrigger.BrownOut);
                return false;
        }
    }

    private void Schedule(TimeSpan delay, BootTrigger trigger)
    {
        _phaseTimer?.Cancel();
        _phaseTimer = ScheduleUnderGate(delay, NameOf(trigger), () => _boot.Fire(trigger));
    }

    /// <summary>What a phase timer is for, as the clock names it ("cam-1 boot: network-up").</summary>
    private static string NameOf(BootTrigger trigger) => trigger switch
    {
        BootTrigger.PowerRestored => "boot: PSE retry",
        BootTrigger.BootloaderDone => "boot: boot loader done",
        BootTrigger.WindowOpened => "boot: reset window opens",
        BootTrigger.FactoryResetDone => "boot: factory reset done",
        BootTrigger.NetworkStarted => "boot: network-up",
        BootTrigger.SystemReady => "boot: ready",
        BootTrigger.ShutdownDone => "boot: shutdown done",
        BootTrigger.FlashDone => "boot: flash written",
        _ => "boot: " + trigger,
    };

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

        Timeline.Append(new Events.PhaseChanged(from, to));
        RaisePhaseChangedLocked(from, to);
    }

    private void EnterOff(bool brownout)
    {
        if (!brownout)
        {
            Timeline.Append(new PoweredOff(Unplugged: _source is null));
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
        Timeline.Append(new PseRetryScheduled(_bootLoopCount, retry));
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

        Timeline.Append(new BootloaderStarted(_bootCount, _bootId));
        // Held before power came: the contact is closed at power-on and the hold counts from then.
        _holdStartedTicks = Button.ContactClosed ? _bootStartedTicks : -1;

        Schedule(TimeSpan.FromSeconds(Profile.Boot.BootLoaderSeconds), BootTrigger.BootloaderDone);
    }

    /// <summary>The hold the boot loader is counting, judged as if released now; null when it counts none. Call under the gate.</summary>
    private ResetHoldSnapshot? ResetHoldNow() =>
        _boot.Phase is DevicePhase.Bootloader or DevicePhase.ResetHold or DevicePhase.ResetArmed && _holdStartedTicks >= 0
            ? new ResetHoldSnapshot(_clock.Epoch + TimeSpan.FromTicks(_holdStartedTicks), ResetOutcome.For(SecondsSince(_holdStartedTicks), Profile.Reset))
            : null;

    private void EnterResetHold()
    {
        Timeline.Append(new ResetHoldSeen(Profile.Reset.HoldMinSeconds, Profile.Reset.HoldMaxSeconds));
        var untilOpen = Profile.Reset.HoldMinSeconds - SecondsSince(_holdStartedTicks);
        Schedule(TimeSpan.FromSeconds(Math.Max(0, untilOpen)), BootTrigger.WindowOpened);
    }

    private void EnterResetArmed()
    {
        Leds.Status.Show(LedState.Flashing(LedColor.Amber, Profile.Leds.FlashHz));
        Timeline.Append(new ResetWindowOpened(Profile.Reset.HoldMinSeconds, Profile.Reset.HoldMaxSeconds));
        var untilClose = Profile.Reset.HoldMaxSeconds - SecondsSince(_holdStartedTicks);
        _windowCloseTimer = ScheduleUnderGate(TimeSpan.FromSeconds(Math.Max(0, untilClose)), "boot: reset window closes", OnWindowClosed);
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
            Timeline.Append(new ResetWindowClosed(outcome));
            _boot.Fire(BootTrigger.WindowClosed);
        }
        else
        {
            Timeline.Append(new ResetWindowClosed(Abort: null));
        }
    }

    /// <summary>The firmware's debounced reading changed.</summary>
    private void OnButtonDebounced(bool pressed)
    {
        Timeline.Append(pressed ? new DebouncedPress() : new DebouncedRelease());
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
            Timeline.Append(new ResetReleased(outcome));
            _holdStartedTicks = -1;
            _boot.Fire(outcome.ErasesConfiguration ? BootTrigger.ReleasedInWindow : BootTrigger.ReleasedOutsideWindow);
        }
    }

    private void EnterFactoryResetting()
    {
        Leds.Status.Show(LedState.Flashing(LedColor.Amber, Profile.Leds.FlashHz));
        CommitConfig(_config.AfterFactoryDefault(FactoryDefaultMode.Hard), "factory default (control button): all settings erased, network reset");
        Timeline.Append(new FactoryResetStarted(FactoryDefaultMode.Hard, FactoryResetSource.Button));
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
        Timeline.Append(new SystemReady(Uptime));
        OnReadyFirmware();
        _phaseTimer = ScheduleUnderGate(TimeSpan.FromSeconds(Profile.Boot.GreenAfterReadySeconds), "leds: status dims after ready", DimStatusLed);
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
        Timeline.Append(new UnitDead());
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
        var origin = settings.BootProto == BootProtocol.None ? AddressOrigin.Static : _lan.DhcpEnabled ? AddressOrigin.Dhcp : AddressOrigin.Fallback;
        Timeline.Append(new AddressAssigned(address, _linkLocal, settings.BootProto, origin));
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
    private void OnSharingChanged(string address, bool shared) => ScheduleUnderGate(TimeSpan.Zero, "network: address sharing changed", () =>
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
            Timeline.Append(new IpConflictResolved(address));
        }
    });

    // A mass reset can put hundreds on one address: name a few, count the rest.
    private void RecordConflict(string address, AddressConflict conflict) => Timeline.Append(new IpConflict(address, conflict.Count, conflict.FirstSerials));

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
        Timeline.Append(listening ? new ListenerOpened() : new ListenerClosed());
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

        public BootMachine(Device camera)
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
