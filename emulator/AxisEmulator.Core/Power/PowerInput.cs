using AxisEmulator.Core.Boot;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Core.Power;

/// <summary>
/// What feeds a device: the source plugged in, the rail's last reading, and the verdict of a
/// reading for the load of the phase the device is in. Driven under the device's gate.
/// </summary>
internal sealed class PowerInput(PowerSpec spec)
{
    public PowerSource? Source { get; private set; }

    public PowerReading? Reading { get; private set; }

    public bool IsPlugged => Source is not null;

    public PowerSnapshot Snapshot => new(IsPlugged, Source, Reading);

    /// <summary>Plugs in <paramref name="source"/>; true when another was already plugged in.</summary>
    public bool Plug(PowerSource source)
    {
        var wasPlugged = IsPlugged;
        Source = source;
        return wasPlugged;
    }

    public void Unplug()
    {
        Source = null;
        Reading = null;
    }

    /// <summary>A source that gives nothing even for the boot loader keeps the device from starting: its reading, else null.</summary>
    public PowerReading? DeadAtPlugIn()
    {
        var reading = PowerRail.Evaluate(Source, spec, LoadFor(DevicePhase.Bootloader));
        if (reading.Status != PowerStatus.NoPower)
        {
            return null;
        }

        Reading = reading;
        return reading;
    }

    /// <summary>Evaluates the rail for <paramref name="phase"/>'s load and keeps the reading.</summary>
    public PowerVerdict Check(DevicePhase phase)
    {
        var reading = PowerRail.Evaluate(Source, spec, LoadFor(phase));
        var changed = Reading is null || Reading.Status != reading.Status;
        Reading = reading;
        return reading.Status switch
        {
            PowerStatus.Ok => new PowerVerdict(changed ? new PowerOk(reading) : null, Cut: null),
            PowerStatus.Degraded => new PowerVerdict(changed ? new PowerWarning(reading) : null, Cut: null),
            PowerStatus.NoPower => new PowerVerdict(new NoPower(reading), BootTrigger.PowerLost),
            _ => new PowerVerdict(new BrownOut(reading), BootTrigger.BrownOut),
        };
    }

    private double LoadFor(DevicePhase phase)
    {
        var loads = spec.Loads;
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
}

/// <summary>What a reading means: news for the timeline (null when nothing changed) and the trigger that cuts the device off (null while it keeps power).</summary>
internal readonly record struct PowerVerdict(DeviceEvent? News, BootTrigger? Cut);
