using AxisEmulator.Core.Config;
using Stateless;
using Stateless.Reflection;

namespace AxisEmulator.Core.Boot;

public enum BankState
{
    /// <summary>The running image is committed; nothing pending.</summary>
    Committed,

    /// <summary>A new image is being written to the inactive bank.</summary>
    Flashing,

    /// <summary>The new image runs but is not committed: a power cut or rollback returns to the old one.</summary>
    PendingCommit,

    /// <summary>Single-bank flash interrupted: nothing bootable is left.</summary>
    Corrupt,
}

/// <summary>
/// Dual-bank firmware as a Stateless machine: flash the inactive bank, boot it uncommitted, then
/// commit or roll back. A power cut before commit returns to the old bank [S: VAPIX firmware
/// management]; only a single-bank profile can be left without a bootable image [E].
/// </summary>
public sealed class FirmwareBankMachine
{
    private readonly StateMachine<BankState, Trigger> _machine;
    private readonly bool _singleBank;
    private FirmwareBanks _banks;

    public FirmwareBankMachine(FirmwareBanks banks, bool singleBank)
    {
        _banks = banks;
        _singleBank = singleBank;
        var initial = banks.Flashing is not null ? BankState.Flashing : banks.Committed ? BankState.Committed : BankState.PendingCommit;
        _machine = new StateMachine<BankState, Trigger>(initial);
        Configure(_machine, () => _singleBank);
    }

    private enum Trigger
    {
        StartFlash,
        FlashWritten,
        PowerCut,
        Commit,
        Rollback,
    }

    public BankState State => _machine.State;

    public FirmwareBanks Banks => _banks;

    /// <summary>The machine's structure, for the Mermaid diagram in docs/.</summary>
    public static StateMachineInfo Describe()
    {
        var machine = new StateMachine<BankState, Trigger>(BankState.Committed);
        Configure(machine, () => false);
        return machine.GetInfo();
    }

    public bool CanStartFlash => _machine.CanFire(Trigger.StartFlash);

    public void StartFlash(string version)
    {
        _machine.Fire(Trigger.StartFlash);
        _banks = _banks with { Flashing = version };
    }

    /// <summary>The image is written; the next boot runs it, uncommitted.</summary>
    public void FlashWritten()
    {
        var version = _banks.Flashing ?? throw new InvalidOperationException("No image is being flashed.");
        _machine.Fire(Trigger.FlashWritten);
        _banks = new FirmwareBanks(version, _banks.ActiveVersion, Committed: false);
    }

    /// <summary>Power lost: what the next boot will run. Returns a description of what happened, or null when nothing did.</summary>
    public string? PowerCut()
    {
        switch (_machine.State)
        {
            case BankState.Flashing when _singleBank:
                _machine.Fire(Trigger.PowerCut);
                return $"power lost while writing {_banks.Flashing} to single-bank flash: no bootable image";
            case BankState.Flashing:
                var abandoned = _banks.Flashing;
                _machine.Fire(Trigger.PowerCut);
                _banks = _banks with { Flashing = null };
                return $"power lost while writing {abandoned}: the inactive bank is discarded, {_banks.ActiveVersion} still boots";
            case BankState.PendingCommit:
                var uncommitted = _banks.ActiveVersion;
                _machine.Fire(Trigger.PowerCut);
                _banks = RolledBack();
                return $"power lost before {uncommitted} was committed: rollback to {_banks.ActiveVersion}";
            default:
                return null;
        }
    }

    public bool Commit()
    {
        if (!_machine.CanFire(Trigger.Commit))
        {
            return false;
        }

        _machine.Fire(Trigger.Commit);
        _banks = _banks with { Committed = true };
        return true;
    }

    /// <summary>Returns to the other bank; false when there is nothing to roll back to.</summary>
    public bool Rollback()
    {
        if (_banks.InactiveVersion is null || !_machine.CanFire(Trigger.Rollback))
        {
            return false;
        }

        _machine.Fire(Trigger.Rollback);
        _banks = RolledBack();
        return true;
    }

    /// <summary>Forgets the inactive bank (no rollback possible afterwards).</summary>
    public bool Purge()
    {
        if (_machine.State != BankState.Committed || _banks.InactiveVersion is null)
        {
            return false;
        }

        _banks = _banks with { InactiveVersion = null };
        return true;
    }

    private FirmwareBanks RolledBack() => new(_banks.InactiveVersion ?? _banks.ActiveVersion, _banks.ActiveVersion, Committed: true);

    private static void Configure(StateMachine<BankState, Trigger> machine, Func<bool> singleBank)
    {
        machine.Configure(BankState.Committed)
            .Permit(Trigger.StartFlash, BankState.Flashing)
            .PermitReentry(Trigger.Rollback)
            .Ignore(Trigger.Commit)
            .Ignore(Trigger.PowerCut);
        machine.Configure(BankState.Flashing)
            .Permit(Trigger.FlashWritten, BankState.PendingCommit)
            .PermitIf(Trigger.PowerCut, BankState.Committed, () => !singleBank(), "dual bank: old image kept")
            .PermitIf(Trigger.PowerCut, BankState.Corrupt, singleBank, "single bank: image torn");
        machine.Configure(BankState.PendingCommit)
            .Permit(Trigger.Commit, BankState.Committed)
            .Permit(Trigger.Rollback, BankState.Committed)
            .Permit(Trigger.PowerCut, BankState.Committed);
        machine.Configure(BankState.Corrupt);
    }
}
