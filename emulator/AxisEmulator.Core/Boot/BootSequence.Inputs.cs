using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Power;

namespace AxisEmulator.Core.Boot;

/// <summary>The device's verbs that move the boot machine: power, brick, restart, factory default.</summary>
internal sealed partial class BootSequence
{
    /// <summary>Plugs in <paramref name="source"/>, or changes it while powered (the rail is evaluated again).</summary>
    public void PlugIn(PowerSource source)
    {
        var wasOn = _device.PowerInput.Plug(source);
        _device.Timeline.Append(wasOn ? new PowerSourceChanged(source) : new PoweredOn(source));
        if (!wasOn || Phase == DevicePhase.Off)
        {
            BootLoopCount = 0;
            if (_device.PowerInput.DeadAtPlugIn() is { } dead)
            {
                _device.Timeline.Append(new NoPowerAtPlugIn(dead));
                return;
            }

            Fire(BootTrigger.PowerOn);
        }
        else if (Phase != DevicePhase.Brownout) // in a brown-out the PSE retry picks up the new source
        {
            CheckPower(Phase);
        }
    }

    public void Unplug()
    {
        if (!_device.PowerInput.IsPlugged)
        {
            return;
        }

        _device.PowerInput.Unplug();
        if (Phase == DevicePhase.Off)
        {
            _device.Timeline.Append(new PoweredOff(Unplugged: true));
            return;
        }

        Fire(BootTrigger.PowerLost);
    }

    public void SetBricked(bool bricked)
    {
        if (Bricked == bricked)
        {
            return;
        }

        Bricked = bricked;
        _device.Timeline.Append(bricked ? new UnitBricked() : new UnitRepaired());
        Fire(bricked ? BootTrigger.Brick : BootTrigger.Unbrick);
    }

    /// <summary>A soft reboot; false when the unit is not running.</summary>
    public bool Restart()
    {
        if (!CanFire(BootTrigger.Restart))
        {
            return false;
        }

        _device.Timeline.Append(new RestartRequested());
        Fire(BootTrigger.Restart);
        return true;
    }

    /// <summary>A factory default over the network, then a reboot; false when the unit is not running.</summary>
    public bool FactoryDefault(FactoryDefaultMode mode)
    {
        if (!CanFire(BootTrigger.Restart))
        {
            return false;
        }

        _device.CommitConfig(
            _device.Config.AfterFactoryDefault(mode),
            mode == FactoryDefaultMode.Soft
                ? "factory default (soft): users and settings erased, network settings kept"
                : "factory default (hard): all settings erased, network reset");
        _device.Timeline.Append(new FactoryResetStarted(mode, FactoryResetSource.Network));
        Fire(BootTrigger.Restart);
        return true;
    }
}
