using AxisEmulator.Core.Boot;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Leds;

namespace AxisEmulator.Core.Devices;

public sealed partial class Device
{
    private FirmwareBankMachine? _banks;
    private UpgradeOptions _upgradeOptions = UpgradeOptions.Default;
    private ScheduledEvent? _rollbackTimer;
    private bool _rollbackOnReady;

    private FirmwareBankMachine Banks => _banks ??= new FirmwareBankMachine(_config.Firmware, Profile.Firmware.SingleBank);

    /// <summary>
    /// Starts a firmware upgrade: the image is written to the inactive bank, then the unit reboots
    /// into it, uncommitted. Returns why it was refused, or <see cref="UpgradeRejection.None"/>.
    /// </summary>
    public UpgradeRejection StartUpgrade(FirmwareImage image, UpgradeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        using (_gate.Enter())
        {
            var rejection = !string.Equals(image.Model, Profile.Model, StringComparison.OrdinalIgnoreCase) ? UpgradeRejection.ModelMismatch
                : !image.Signed ? UpgradeRejection.MissingSignature
                : _boot.Phase != DevicePhase.Ready ? UpgradeRejection.Busy
                : Banks.State == BankState.PendingCommit ? UpgradeRejection.ActiveUncommitted
                : !Banks.CanStartFlash ? UpgradeRejection.Busy
                : UpgradeRejection.None;
            if (rejection != UpgradeRejection.None)
            {
                Timeline.Append(new UpgradeRefused(image, rejection));
                return rejection;
            }

            _upgradeOptions = options ?? UpgradeOptions.Default;
            Banks.StartFlash(image.Version);
            SaveBanks($"writing {image.Version} to the inactive bank");
            _boot.Fire(BootTrigger.StartUpgrade);
            return UpgradeRejection.None;
        }
    }

    /// <summary>Commits the running image; false when nothing is pending.</summary>
    public bool CommitFirmware()
    {
        using (_gate.Enter())
        {
            if (!Banks.Commit())
            {
                return false;
            }

            _rollbackTimer?.Cancel();
            _rollbackTimer = null;
            SaveBanks($"{Banks.Banks.ActiveVersion} committed");
            return true;
        }
    }

    /// <summary>Switches to the other bank and reboots into it; false when there is none.</summary>
    public bool RollbackFirmware()
    {
        using (_gate.Enter())
        {
            if (!_boot.Phase.HasNetwork() || !Banks.Rollback())
            {
                return false;
            }

            _rollbackTimer?.Cancel();
            _rollbackTimer = null;
            SaveBanks($"rollback to {Banks.Banks.ActiveVersion}");
            _boot.Fire(BootTrigger.Restart);
            return true;
        }
    }

    /// <summary>Drops the rollback image; false when there is none or an upgrade is pending.</summary>
    public bool PurgeFirmware()
    {
        using (_gate.Enter())
        {
            if (!Banks.Purge())
            {
                return false;
            }

            SaveBanks("inactive bank purged");
            return true;
        }
    }

    /// <summary>Firmware bank state: committed, flashing, pending-commit or corrupt.</summary>
    public BankState FirmwareState
    {
        get { using (_gate.Enter()) { return Banks.State; } }
    }

    /// <summary>Time left before an uncommitted image rolls back by itself, if a rollback timer runs.</summary>
    public TimeSpan? TimeToRollback
    {
        get
        {
            using (_gate.Enter())
            {
                return _rollbackTimer is { IsCancelled: false, HasRun: false } timer ? timer.Due - _clock.GetUtcNow() : null;
            }
        }
    }

    private void EnterUpgrading()
    {
        Leds.Status.Show(LedState.Flashing(LedColor.Amber, Profile.Leds.FlashHz));
        Leds.Power?.Show(LedState.Alternating(LedColor.Green, LedColor.Amber, Profile.Leds.AlternateHz));
        if (!CheckPower(DevicePhase.Upgrading))
        {
            return;
        }

        Timeline.Append(new UpgradeStarted(Banks.Banks.Flashing, Profile.Firmware.UpgradeFlashSeconds));
        Schedule(TimeSpan.FromSeconds(Profile.Firmware.UpgradeFlashSeconds), BootTrigger.FlashDone);
    }

    private void OnPowerLossFirmware()
    {
        var what = Banks.PowerCut();
        if (what is null)
        {
            return;
        }

        _rollbackTimer?.Cancel();
        _rollbackTimer = null;
        SaveBanks(what);
        Timeline.Append(Banks.State == BankState.Corrupt ? new FlashCorrupted(what, Banks.Banks.ActiveVersion) : new FirmwareRolledBack(what, Banks.Banks.ActiveVersion));
        if (Banks.State == BankState.Corrupt)
        {
            _bricked = true;
        }
    }

    /// <summary>Entering booting: a just-written image is now what boots.</summary>
    private void OnBootingFirmware()
    {
        if (Banks.State != BankState.Flashing)
        {
            return;
        }

        Banks.FlashWritten();
        SaveBanks($"booting {Banks.Banks.ActiveVersion} (uncommitted; {Banks.Banks.InactiveVersion} kept for rollback)");
        _rollbackOnReady = _upgradeOptions.AutoCommit == AutoCommit.Never;
    }

    private void OnReadyFirmware()
    {
        if (Banks.State != BankState.PendingCommit)
        {
            return;
        }

        if (!_rollbackOnReady)
        {
            CommitFirmware();
            return;
        }

        var after = _upgradeOptions.AutoRollback ?? TimeSpan.FromMinutes(10);
        _rollbackTimer ??= ScheduleUnderGate(after, "firmware: rollback timer", () =>
        {
            _rollbackTimer = null;
            if (Banks.State == BankState.PendingCommit && Banks.Rollback())
            {
                SaveBanks($"rollback timer expired: back to {Banks.Banks.ActiveVersion}");
                _boot.Fire(BootTrigger.Restart);
            }
        });
    }

    private void SaveBanks(string description) => CommitConfig(_config with { Firmware = Banks.Banks }, "firmware: " + description);
}
