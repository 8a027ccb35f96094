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
                phases.Entered(t.Source.Phase, t.Destination.Phase);
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

        // Stateless searches Powered's children in this order on every transition (allocating for
        // each one it looks at), so the phases every boot goes through come first.
        foreach (var child in (BootState[])[BootState.Booting, BootState.NetworkUp, BootState.Bootloader, BootState.Ready,
            BootState.ResetHold, BootState.ResetArmed, BootState.FactoryResetting, BootState.Upgrading, BootState.ShuttingDown])
        {
            _machine.Configure(child).SubstateOf(BootState.Powered);
        }

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

    public DevicePhase Phase => _machine.State.Phase;

    public StateMachineInfo Info => _machine.GetInfo();

    public void Fire(BootTrigger trigger) => _machine.Fire(trigger);

    public bool CanFire(BootTrigger trigger) => _machine.CanFire(trigger);

    /// <summary>A child of <c>Powered</c> (declared so above).</summary>
    private StateMachine<BootState, BootTrigger>.StateConfiguration Powered(BootState state) => _machine.Configure(state);

    /// <summary>
    /// A state of the machine: one per phase, plus <c>Powered</c>, only ever a parent. Instances of a
    /// class, not an enum, so Stateless compares states without boxing them on every lookup (it walks
    /// the superstate's children on each transition); the names are what the diagram shows.
    /// </summary>
    private sealed class BootState
    {
        public static readonly BootState Off = new(nameof(Off), DevicePhase.Off);
        public static readonly BootState Brownout = new(nameof(Brownout), DevicePhase.Brownout);
        public static readonly BootState Powered = new(nameof(Powered), phase: null);
        public static readonly BootState Bootloader = new(nameof(Bootloader), DevicePhase.Bootloader);
        public static readonly BootState ResetHold = new(nameof(ResetHold), DevicePhase.ResetHold);
        public static readonly BootState ResetArmed = new(nameof(ResetArmed), DevicePhase.ResetArmed);
        public static readonly BootState FactoryResetting = new(nameof(FactoryResetting), DevicePhase.FactoryResetting);
        public static readonly BootState Booting = new(nameof(Booting), DevicePhase.Booting);
        public static readonly BootState NetworkUp = new(nameof(NetworkUp), DevicePhase.NetworkUp);
        public static readonly BootState Ready = new(nameof(Ready), DevicePhase.Ready);
        public static readonly BootState Upgrading = new(nameof(Upgrading), DevicePhase.Upgrading);
        public static readonly BootState ShuttingDown = new(nameof(ShuttingDown), DevicePhase.ShuttingDown);
        public static readonly BootState Bricked = new(nameof(Bricked), DevicePhase.Bricked);

        private readonly string _name;
        private readonly DevicePhase? _phase;

        private BootState(string name, DevicePhase? phase)
        {
            _name = name;
            _phase = phase;
        }

        /// <summary>The wire phase of this state; <c>Powered</c> is never where the machine is.</summary>
        public DevicePhase Phase => _phase ?? throw new UnreachableException($"{_name} is a superstate, never the current one.");

        public override string ToString() => _name;
    }
}
