using AxisEmulator.Core.Boot;
using AxisEmulator.Core.Button;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Power;

namespace AxisEmulator.Core.Devices;

/// <summary>What the outside world can do to a device: the verbs of the control plane and VAPIX, each under the gate.</summary>
public sealed partial class Device
{
    /// <summary>Plugs in <paramref name="source"/> (or changes it while powered: the rail is re-evaluated).</summary>
    public void PowerOn(PowerSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        source.EnsureValid();
        using (_gate.Enter()) { Boot.PlugIn(source); }
    }

    /// <summary>Pulls the plug.</summary>
    public void PowerOff()
    {
        using (_gate.Enter()) { Boot.Unplug(); }
    }

    /// <summary>A finger presses the control button (and keeps it down: a hold in progress no longer ends on its own).</summary>
    public void PressButton()
    {
        using (_gate.Enter()) { _finger.Press(); }
    }

    /// <summary>The finger lets go (ending a hold in progress now).</summary>
    public void ReleaseButton()
    {
        using (_gate.Enter()) { _finger.Release(); }
    }

    /// <summary>
    /// Presses the button now and lets go <paramref name="duration"/> later on the simulation clock.
    /// A press, a release or another hold replaces a hold in progress.
    /// </summary>
    /// <returns>When the release is due (also <see cref="ButtonSnapshot.ReleaseAt"/> until then).</returns>
    public DateTimeOffset HoldButton(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        using (_gate.Enter()) { return _finger.Hold(duration); }
    }

    /// <summary>Gives the button a condition: healthy, mushy, stuck or broken.</summary>
    public void SetButtonFault(ButtonFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var errors = fault.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(fault));
        }

        using (_gate.Enter()) { _finger.SetFault(fault); }
    }

    /// <summary>Bricks (or repairs) the unit: a bricked unit shows no LED and never reaches the network.</summary>
    public void SetBricked(bool bricked)
    {
        using (_gate.Enter()) { Boot.SetBricked(bricked); }
    }

    /// <summary>Plugs or unplugs the network link (the emulated cable to the switch, for data).</summary>
    public void SetNetworkLink(bool up)
    {
        using (_gate.Enter())
        {
            if (NetworkFace.SetLink(up))
            {
                Boot.LinkChanged();
                NetworkFace.UpdateListening();
            }
        }
    }

    /// <summary>A DHCP lease obtained for real on the device's interface (the network lab) replaces its address; false when it does not apply.</summary>
    public bool AdoptLease(string address)
    {
        using (_gate.Enter()) { return NetworkFace.AdoptLease(address); }
    }

    /// <summary>Another host claimed one of the device's addresses over ARP (the network lab); false when it is no new conflict.</summary>
    public bool ReportAddressConflict(string address, string otherMac)
    {
        using (_gate.Enter()) { return NetworkFace.ReportDetectedConflict(address, otherMac); }
    }

    /// <summary>Soft reboot (restart.cgi, firmware management reboot); false when not running.</summary>
    public bool Restart()
    {
        using (_gate.Enter()) { return Boot.Restart(); }
    }

    /// <summary>
    /// Factory default over the network: soft keeps the IP settings, hard resets everything. All users
    /// are removed (setup mode), then the unit reboots. False when not running.
    /// </summary>
    public bool FactoryDefault(FactoryDefaultMode mode)
    {
        using (_gate.Enter()) { return Boot.FactoryDefault(mode); }
    }

    /// <summary>
    /// Starts a firmware upgrade: the image is written to the inactive bank, then the unit reboots
    /// into it, uncommitted. Returns why it was refused, or <see cref="UpgradeRejection.None"/>.
    /// </summary>
    public UpgradeRejection StartUpgrade(FirmwareImage image, UpgradeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        using (_gate.Enter()) { return Firmware.StartUpgrade(image, options); }
    }

    /// <summary>Commits the running image; false when nothing is pending.</summary>
    public bool CommitFirmware()
    {
        using (_gate.Enter()) { return Firmware.Commit(); }
    }

    /// <summary>Switches to the other bank and reboots into it; false when there is none.</summary>
    public bool RollbackFirmware()
    {
        using (_gate.Enter()) { return Firmware.Rollback(); }
    }

    /// <summary>Drops the rollback image; false when there is none or an upgrade is pending.</summary>
    public bool PurgeFirmware()
    {
        using (_gate.Enter()) { return Firmware.Purge(); }
    }

    /// <summary>Firmware bank state: committed, flashing, pending-commit or corrupt.</summary>
    public BankState FirmwareState
    {
        get { using (_gate.Enter()) { return Firmware.Banks.State; } }
    }

    /// <summary>Time left before an uncommitted image rolls back by itself, if a rollback timer runs.</summary>
    public TimeSpan? TimeToRollback
    {
        get { using (_gate.Enter()) { return Firmware.TimeToRollback; } }
    }
}
