using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Leds;

namespace AxisEmulator.Core.Boot;

/// <summary>
/// A device's firmware: its two banks, an upgrade in progress and the timer that rolls back an
/// image nobody committed. Every change of the banks is a configuration change. Driven under the
/// device's gate.
/// </summary>
internal sealed class DeviceFirmware(Device device)
{
    private FirmwareBankMachine? _banks;
    private UpgradeOptions _upgradeOptions = UpgradeOptions.Default;
    private ScheduledEvent? _rollbackTimer;
    private bool _rollbackOnReady;

    public FirmwareBankMachine Banks => _banks ??= new FirmwareBankMachine(device.Config.Firmware, device.Profile.Firmware.SingleBank);

    public TimeSpan? TimeToRollback =>
        _rollbackTimer is { IsCancelled: false, HasRun: false } timer ? timer.Due - device.SimulationClock.GetUtcNow() : null;

    public UpgradeRejection StartUpgrade(FirmwareImage image, UpgradeOptions? options)
    {
        var rejection = !string.Equals(image.Model, device.Profile.Model, StringComparison.OrdinalIgnoreCase) ? UpgradeRejection.ModelMismatch
            : !image.Signed ? UpgradeRejection.MissingSignature
            : device.Boot.Phase != DevicePhase.Ready ? UpgradeRejection.Busy
            : Banks.State == BankState.PendingCommit ? UpgradeRejection.ActiveUncommitted
            : !Banks.CanStartFlash ? UpgradeRejection.Busy
            : UpgradeRejection.None;
        if (rejection != UpgradeRejection.None)
        {
            device.Timeline.Append(new UpgradeRefused(image, rejection));
            return rejection;
        }

        _upgradeOptions = options ?? UpgradeOptions.Default;
        Banks.StartFlash(image.Version);
        Save($"writing {image.Version} to the inactive bank");
        device.Boot.Fire(BootTrigger.StartUpgrade);
        return UpgradeRejection.None;
    }

    public bool Commit()
    {
        if (!Banks.Commit())
        {
            return false;
        }

        StopRollbackTimer();
        Save($"{Banks.Banks.ActiveVersion} committed");
        return true;
    }

    public bool Rollback()
    {
        if (!device.Boot.Phase.HasNetwork() || !Banks.Rollback())
        {
            return false;
        }

        StopRollbackTimer();
        Save($"rollback to {Banks.Banks.ActiveVersion}");
        device.Boot.Fire(BootTrigger.Restart);
        return true;
    }

    public bool Purge()
    {
        if (!Banks.Purge())
        {
            return false;
        }

        Save("inactive bank purged");
        return true;
    }

    public void EnterUpgrading()
    {
        var leds = device.Leds;
        leds.Status.Show(LedState.Flashing(LedColor.Amber, device.Profile.Leds.FlashHz));
        leds.Power?.Show(LedState.Alternating(LedColor.Green, LedColor.Amber, device.Profile.Leds.AlternateHz));
        if (!device.Boot.CheckPower(DevicePhase.Upgrading))
        {
            return;
        }

        device.Timeline.Append(new UpgradeStarted(Banks.Banks.Flashing, device.Profile.Firmware.UpgradeFlashSeconds));
        device.Boot.Schedule(TimeSpan.FromSeconds(device.Profile.Firmware.UpgradeFlashSeconds), BootTrigger.FlashDone);
    }

    /// <summary>Power went: a flash in progress is lost (a single bank is left corrupt, which bricks the unit).</summary>
    public void OnPowerLoss()
    {
        var what = Banks.PowerCut();
        if (what is null)
        {
            return;
        }

        StopRollbackTimer();
        Save(what);
        var corrupt = Banks.State == BankState.Corrupt;
        device.Timeline.Append(corrupt ? new FlashCorrupted(what, Banks.Banks.ActiveVersion) : new FirmwareRolledBack(what, Banks.Banks.ActiveVersion));
        if (corrupt)
        {
            device.Boot.Bricked = true;
        }
    }

    /// <summary>Entering booting: a just-written image is now what boots.</summary>
    public void OnBooting()
    {
        if (Banks.State != BankState.Flashing)
        {
            return;
        }

        Banks.FlashWritten();
        Save($"booting {Banks.Banks.ActiveVersion} (uncommitted; {Banks.Banks.InactiveVersion} kept for rollback)");
        _rollbackOnReady = _upgradeOptions.AutoCommit == AutoCommit.Never;
    }

    public void OnReady()
    {
        if (Banks.State != BankState.PendingCommit)
        {
            return;
        }

        if (!_rollbackOnReady)
        {
            Commit();
            return;
        }

        var after = _upgradeOptions.AutoRollback ?? TimeSpan.FromMinutes(10);
        _rollbackTimer ??= device.ScheduleUnderGate(after, "firmware: rollback timer", () =>
        {
            _rollbackTimer = null;
            if (Banks.State == BankState.PendingCommit && Banks.Rollback())
            {
                Save($"rollback timer expired: back to {Banks.Banks.ActiveVersion}");
                // Expiring while the unit already reboots (it was restarted meanwhile): that boot starts the rolled-back bank.
                if (device.Boot.CanFire(BootTrigger.Restart))
                {
                    device.Boot.Fire(BootTrigger.Restart);
                }
            }
        });
    }

    private void StopRollbackTimer()
    {
        _rollbackTimer?.Cancel();
        _rollbackTimer = null;
    }

    private void Save(string description) => device.CommitConfig(device.Config with { Firmware = Banks.Banks }, "firmware: " + description);
}
