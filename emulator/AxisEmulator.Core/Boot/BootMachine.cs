using System.Diagnostics;
using AxisEmulator.Core.Devices;
using Stateless;
using Stateless.Reflection;

namespace AxisEmulator.Core.Boot;

/// <summary>
/// The boot loader and firmware lifecycle as a Stateless machine (queued firing). The phases that
/// draw power are substates of <c>Powered</c>, which owns the arrows every one of them has: power
/// lost, brown-out, bricked. A trigger no state expects is a bug and throws; what a state may see
/// and has no use for is ignored explicitly, with the reason.
/// </summary>
internal sealed class BootMachine
{
    private readonly StateMachine<BootState, BootTrigger> _machine = new(BootState.Off, FiringMode.Queued);

    public BootMachine(IBootPhases phases)
    {
        _machine.OnTransitioned(t =>
        {
            if (t.Source != t.Destination || t.IsReentry)
            {
                phases.Entered(PhaseOf(t.Source), PhaseOf(t.Destination));
            }
        });
        _machine.OnUnhandledTrigger((state, trigger) =>
            throw new InvalidOperationException($"Boot machine: {trigger} is not expected in {state} (a bug: handle it or ignore it with a reason)."));

        _machine.Configure(BootState.Off)
            .OnEntry(phases.EnterOff, "all LEDs off")
            .PermitIf(BootTrigger.PowerOn, BootState.Bootloader, () => !phases.IsBricked, "healthy unit")
            .PermitIf(BootTrigger.PowerOn, BootState.Bricked, () => phases.IsBricked, "bricked unit")
            .Permit(BootTrigger.BrownOut, BootState.Brownout)
            .Ignore(BootTrigger.Brick) // bricked or repaired while off: the flag alone decides the next power-on
            .Ignore(BootTrigger.Unbrick);

        _machine.Configure(BootState.Brownout)
            .OnEntry(phases.EnterBrownout, "LEDs off, PSE retry scheduled")
            .PermitIf(BootTrigger.PowerRestored, BootState.Bootloader, () => !phases.IsBricked, "healthy unit")
            .PermitIf(BootTrigger.PowerRestored, BootState.Bricked, () => phases.IsBricked, "bricked unit")
            .Permit(BootTrigger.PowerLost, BootState.Off)
            .Ignore(BootTrigger.Brick) // bricked or repaired while the PSE waits: the flag alone decides what the retry starts
            .Ignore(BootTrigger.Unbrick);

        _machine.Configure(BootState.Powered)
            .Permit(BootTrigger.PowerLost, BootState.Off)
            .Permit(BootTrigger.BrownOut, BootState.Brownout)
            .Permit(BootTrigger.Brick, BootState.Bricked);

        Powered(BootState.Bootloader)
            .OnEntry(phases.EnterBootloader, "status amber, sample the button")
            .PermitIf(BootTrigger.BootloaderDone, BootState.ResetHold, () => phases.ButtonHeld, "button held")
            .PermitIf(BootTrigger.BootloaderDone, BootState.Booting, () => !phases.ButtonHeld, "button not held")
            .Permit(BootTrigger.ReleasedInWindow, BootState.FactoryResetting) // a window that opens inside the boot loader's own time
            .Ignore(BootTrigger.ReleasedOutsideWindow); // let go before the boot loader sampled the button: it boots normally

        Powered(BootState.ResetHold)
            .OnEntry(phases.EnterResetHold, "wait for the hold window")
            .Permit(BootTrigger.WindowOpened, BootState.ResetArmed)
            .Permit(BootTrigger.ReleasedInWindow, BootState.FactoryResetting) // let go at the instant the window opened, before its timer ran
            .Permit(BootTrigger.ReleasedOutsideWindow, BootState.Booting);

        Powered(BootState.ResetArmed)
            .OnEntry(phases.EnterResetArmed, "status flashes amber")
            .Permit(BootTrigger.ReleasedInWindow, BootState.FactoryResetting)
            .Permit(BootTrigger.ReleasedOutsideWindow, BootState.Booting)
            .Permit(BootTrigger.WindowClosed, BootState.Booting);

        Powered(BootState.FactoryResetting)
            .OnEntry(phases.EnterFactoryResetting, "erase configuration")
            .Permit(BootTrigger.FactoryResetDone, BootState.Booting);

        Powered(BootState.Booting)
            .OnEntry(phases.EnterBooting, "kernel starts")
            .Permit(BootTrigger.NetworkStarted, BootState.NetworkUp);

        Powered(BootState.NetworkUp)
            .OnEntry(phases.EnterNetworkUp, "listener opens, systemready no")
            .Permit(BootTrigger.SystemReady, BootState.Ready)
            .Permit(BootTrigger.Restart, BootState.ShuttingDown);

        Powered(BootState.Ready)
            .OnEntry(phases.EnterReady, "status green, systemready yes")
            .Permit(BootTrigger.Restart, BootState.ShuttingDown)
            .Permit(BootTrigger.StartUpgrade, BootState.Upgrading);

        Powered(BootState.Upgrading)
            .OnEntry(phases.EnterUpgrading, "write the inactive bank")
            .Permit(BootTrigger.FlashDone, BootState.ShuttingDown);

        Powered(BootState.ShuttingDown)
            .OnEntry(phases.EnterShuttingDown, "listener closes")
            .Permit(BootTrigger.ShutdownDone, BootState.Bootloader);

        _machine.Configure(BootState.Bricked)
            .OnEntry(phases.EnterBricked, "no LED, no network")
            .Permit(BootTrigger.PowerLost, BootState.Off)
            .Permit(BootTrigger.Unbrick, BootState.Bootloader)
            .Ignore(BootTrigger.BrownOut); // a weaker source plugged into a dead unit: it stays dead, as it always has
    }

    private enum BootState
    {
        Off,
        Brownout,
        Powered,
        Bootloader,
        ResetHold,
        ResetArmed,
        FactoryResetting,
        Booting,
        NetworkUp,
        Ready,
        Upgrading,
        ShuttingDown,
        Bricked,
    }

    public DevicePhase Phase => PhaseOf(_machine.State);

    public StateMachineInfo Info => _machine.GetInfo();

    public void Fire(BootTrigger trigger) => _machine.Fire(trigger);

    public bool CanFire(BootTrigger trigger) => _machine.CanFire(trigger);

    /// <summary>The wire phase of a state; <c>Powered</c> is only a parent, never where the machine is.</summary>
    private static DevicePhase PhaseOf(BootState state) => state switch
    {
        BootState.Off => DevicePhase.Off,
        BootState.Brownout => DevicePhase.Brownout,
        BootState.Bootloader => DevicePhase.Bootloader,
        BootState.ResetHold => DevicePhase.ResetHold,
        BootState.ResetArmed => DevicePhase.ResetArmed,
        BootState.FactoryResetting => DevicePhase.FactoryResetting,
        BootState.Booting => DevicePhase.Booting,
        BootState.NetworkUp => DevicePhase.NetworkUp,
        BootState.Ready => DevicePhase.Ready,
        BootState.Upgrading => DevicePhase.Upgrading,
        BootState.ShuttingDown => DevicePhase.ShuttingDown,
        BootState.Bricked => DevicePhase.Bricked,
        _ => throw new UnreachableException($"{state} is a superstate, never the current one."),
    };

    private StateMachine<BootState, BootTrigger>.StateConfiguration Powered(BootState state) =>
        _machine.Configure(state).SubstateOf(BootState.Powered);
}
