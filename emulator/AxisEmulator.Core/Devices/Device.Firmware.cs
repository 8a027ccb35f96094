using AxisEmulator.Core.Boot;

namespace AxisEmulator.Core.Devices;

/// <summary>The firmware verbs (VAPIX firmware management, the control plane); the work is <see cref="DeviceFirmware"/>'s.</summary>
public sealed partial class Device
{
    /// <summary>
    /// Starts a firmware upgrade: the image is written to the inactive bank, then the unit reboots
    /// into it, uncommitted. Returns why it was refused, or <see cref="UpgradeRejection.None"/>.
    /// </summary>
    public UpgradeRejection StartUpgrade(FirmwareImage image, UpgradeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        using (_gate.Enter())
        {
            return Firmware.StartUpgrade(image, options);
        }
    }

    /// <summary>Commits the running image; false when nothing is pending.</summary>
    public bool CommitFirmware()
    {
        using (_gate.Enter())
        {
            return Firmware.Commit();
        }
    }

    /// <summary>Switches to the other bank and reboots into it; false when there is none.</summary>
    public bool RollbackFirmware()
    {
        using (_gate.Enter())
        {
            return Firmware.Rollback();
        }
    }

    /// <summary>Drops the rollback image; false when there is none or an upgrade is pending.</summary>
    public bool PurgeFirmware()
    {
        using (_gate.Enter())
        {
            return Firmware.Purge();
        }
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
