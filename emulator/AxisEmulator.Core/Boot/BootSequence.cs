using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Leds;
using Stateless.Graph;

namespace AxisEmulator.Core.Boot;

/// <summary>
/// The device's way through its phases: the work done on entering each one (LEDs, the rail's
/// verdict, the next timed trigger), the boot loader's count of a button hold, boot counters.
/// Owns the <see cref="BootMachine"/>; driven under the device's gate.
/// </summary>
internal sealed partial class BootSequence : IBootPhases
{
    private readonly Device _device;
    private readonly BootMachine _machine;
    private long _bootStartedTicks;
    private ScheduledEvent? _phaseTimer;

    public BootSequence(Device device)
    {
        _device = device;
        _machine = new BootMachine(this);
    }

    public DevicePhase Phase => _machine.Phase;


    /// <summary>A bricked unit shows no LED and never reaches the network; set by the control plane or a single bank corrupted mid-flash.</summary>
    public bool Bricked { get; set; }

    public string? BootId { get; private set; }

    public int BootCount { get; private set; }

    /// <summary>Times the PSE cut power and retried since the last stable boot.</summary>
    public int BootLoopCount { get; set; }

    public TimeSpan Uptime => Phase.IsPowered() && Phase != DevicePhase.Bricked ? TimeSpan.FromTicks(Now - _bootStartedTicks) : TimeSpan.Zero;

    bool IBootPhases.IsBricked => Bricked;

    bool IBootPhases.ButtonHeld => _device.Button.IsPressed;

    private long Now => _device.SimulationClock.GetTimestamp();

    private Profiles.HardwareProfile Profile => _device.Profile;

    private LedPanel Leds => _device.Leds;

    /// <summary>The boot machine and the firmware banks as Mermaid diagrams.</summary>
    public IReadOnlyDictionary<string, string> Diagrams() => new Dictionary<string, string>
    {
        ["boot-loader-and-firmware"] = MermaidGraph.Format(_machine.Info),
        ["firmware-banks"] = MermaidGraph.Format(FirmwareBankMachine.Describe()),
    };

    public void Fire(BootTrigger trigger) => _machine.Fire(trigger);

    public bool CanFire(BootTrigger trigger) => _machine.CanFire(trigger);

    /// <summary>Evaluates the rail for the phase's load; false when the device lost power (the machine has been told).</summary>
    public bool CheckPower(DevicePhase phase)
    {
        var verdict = _device.PowerInput.Check(phase);
        if (verdict.News is { } news)
        {
            _device.Timeline.Append(news);
        }

        if (verdict.Cut is { } cut)
        {
            Fire(cut);
            return false;
        }

        return true;
    }

    /// <summary>Schedules the phase's next timed trigger, replacing the one before.</summary>
    public void Schedule(TimeSpan delay, BootTrigger trigger)
    {
        _phaseTimer?.Cancel();
        ScheduledEvent? timer = null;
        timer = _device.ScheduleUnderGate(delay, NameOf(trigger), () =>
        {
            // A timer that was already waiting for the gate when its phase was left stays quiet.
            if (ReferenceEquals(_phaseTimer, timer))
            {
                Fire(trigger);
            }
        });
        _phaseTimer = timer;
    }

    /// <summary>The link came or went: the running LEDs show it.</summary>
    public void LinkChanged()
    {
        if (Phase is DevicePhase.NetworkUp or DevicePhase.Ready)
        {
            ShowStatusForRunning(Phase == DevicePhase.Ready);
        }
    }

    void IBootPhases.Entered(DevicePhase from, DevicePhase to)
    {
        _phaseTimer?.Cancel();
        _phaseTimer = null;
        if (to is not DevicePhase.ResetArmed)
        {
            ForgetWindowClose();
        }

        _device.Timeline.Append(new Events.PhaseChanged(from, to));
        _device.RaisePhaseChangedLocked(from, to);
    }

    void IBootPhases.EnterOff() => EnterOff(brownout: false);

    void IBootPhases.EnterBrownout()
    {
        EnterOff(brownout: true);
        BootLoopCount++;
        var retry = TimeSpan.FromSeconds(Profile.Power.PseRetrySeconds);
        _device.Timeline.Append(new PseRetryScheduled(BootLoopCount, retry));
        Schedule(retry, BootTrigger.PowerRestored);
    }

    void IBootPhases.EnterBootloader()
    {
        BootCount++;
        _bootStartedTicks = Now;
        BootId = NewBootId();
        Leds.Power?.Show(LedState.Steady(LedColor.Green));
        Leds.Network?.Show(LedState.Off);
        Leds.Status.Show(LedState.Steady(LedColor.Amber));
        if (!CheckPower(DevicePhase.Bootloader))
        {
            return;
        }

        _device.Timeline.Append(new BootloaderStarted(BootCount, BootId));
        StartCountingHold();
        Schedule(TimeSpan.FromSeconds(Profile.Boot.BootLoaderSeconds), BootTrigger.BootloaderDone);
    }

    void IBootPhases.EnterFactoryResetting()
    {
        Leds.Status.Show(LedState.Flashing(LedColor.Amber, Profile.Leds.FlashHz));
        _device.CommitConfig(_device.Config.AfterFactoryDefault(FactoryDefaultMode.Hard), "factory default (control button): all settings erased, network reset");
        _device.Timeline.Append(new FactoryResetStarted(FactoryDefaultMode.Hard, FactoryResetSource.Button));
        Schedule(TimeSpan.FromSeconds(Profile.Reset.FactoryResetSeconds), BootTrigger.FactoryResetDone);
    }

    void IBootPhases.EnterBooting()
    {
        Leds.Status.Show(LedState.Steady(LedColor.Amber));
        Leds.Network?.Show(_device.NetworkFace.LinkUp ? LedState.Steady(LedColor.Green) : LedState.Off);
        if (!CheckPower(DevicePhase.Booting))
        {
            return;
        }

        _device.Firmware.OnBooting();
        // Profile boot times count from power-on; the boot loader has already run its share.
        Schedule(TimeSpan.FromSeconds(Math.Max(0, Profile.Boot.NetworkUpSeconds - Profile.Boot.BootLoaderSeconds)), BootTrigger.NetworkStarted);
    }

    void IBootPhases.EnterNetworkUp()
    {
        if (!CheckPower(DevicePhase.NetworkUp))
        {
            return;
        }

        _device.NetworkFace.AssignAddress();
        _device.NetworkFace.UpdateListening();
        ShowStatusForRunning(ready: false);
        Schedule(TimeSpan.FromSeconds(Math.Max(0, Profile.Boot.ReadySeconds - Profile.Boot.NetworkUpSeconds)), BootTrigger.SystemReady);
    }

    void IBootPhases.EnterReady()
    {
        if (!CheckPower(DevicePhase.Ready))
        {
            return;
        }

        // A boot that reached ready breaks any boot loop.
        BootLoopCount = 0;
        ShowStatusForRunning(ready: true);
        _device.Timeline.Append(new SystemReady(Uptime));
        _device.Firmware.OnReady();
        _phaseTimer = _device.ScheduleUnderGate(TimeSpan.FromSeconds(Profile.Boot.GreenAfterReadySeconds), "leds: status dims after ready", DimStatusLed);
    }

    void IBootPhases.EnterUpgrading() => _device.Firmware.EnterUpgrading();

    void IBootPhases.EnterShuttingDown()
    {
        Leds.Status.Show(LedState.Steady(LedColor.Amber));
        Leds.Power?.Show(LedState.Steady(LedColor.Green));
        _device.NetworkFace.UpdateListening();
        Schedule(TimeSpan.FromSeconds(Profile.Boot.ShutdownSeconds), BootTrigger.ShutdownDone);
    }

    void IBootPhases.EnterBricked()
    {
        // [S] troubleshooting guides: "no lights, no network activity".
        Leds.Reset();
        _device.NetworkFace.UpdateListening();
        _device.Timeline.Append(new UnitDead());
    }

    private void EnterOff(bool brownout)
    {
        if (!brownout)
        {
            _device.Timeline.Append(new PoweredOff(Unplugged: !_device.PowerInput.IsPlugged));
        }

        Leds.Reset();
        _device.NetworkFace.UpdateListening();
        BootId = null;
        _device.Firmware.OnPowerLoss();
    }

    private void DimStatusLed()
    {
        if (Phase == DevicePhase.Ready && _device.NetworkFace.LinkUp)
        {
            Leds.Status.Show(LedState.Off);
        }
    }

    private void ShowStatusForRunning(bool ready)
    {
        if (!_device.NetworkFace.LinkUp)
        {
            Leds.Status.Show(LedState.Alternating(LedColor.Amber, LedColor.Red, Profile.Leds.AlternateHz));
            Leds.Network?.Show(LedState.Off);
            return;
        }

        Leds.Network?.Show(LedState.Steady(LedColor.Green));
        Leds.Status.Show(LedState.Steady(ready ? LedColor.Green : LedColor.Amber));
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

    private string NewBootId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _device.Random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
