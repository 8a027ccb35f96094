using AxisEmulator.Core.Boot;
using AxisEmulator.Core.Devices;

namespace AxisEmulator.Core.Tests.Boot;

/// <summary>The boot machine on its own: the Powered superstate, and no trigger swallowed in silence.</summary>
public class BootMachineTests
{
    [Fact]
    public void A_trigger_no_state_expects_is_an_error()
    {
        var machine = new BootMachine(new RecordingPhases());

        var act = () => machine.Fire(BootTrigger.SystemReady);

        act.Should().Throw<InvalidOperationException>().WithMessage("*SystemReady*Off*");
        machine.Phase.Should().Be(DevicePhase.Off);
    }

    [Fact]
    public void A_restart_while_booting_is_an_error_the_device_never_makes()
    {
        var machine = new BootMachine(new RecordingPhases());
        machine.Fire(BootTrigger.PowerOn);

        machine.CanFire(BootTrigger.Restart).Should().BeFalse("Device.Restart asks first and answers false");
        var act = () => machine.Fire(BootTrigger.Restart);
        act.Should().Throw<InvalidOperationException>();
    }

    [Theory]
    [InlineData(nameof(BootTrigger.PowerLost), DevicePhase.Off)]
    [InlineData(nameof(BootTrigger.BrownOut), DevicePhase.Brownout)]
    [InlineData(nameof(BootTrigger.Brick), DevicePhase.Bricked)]
    public void Every_powered_phase_leaves_on_the_arrows_of_Powered(string arrow, DevicePhase to)
    {
        var trigger = Enum.Parse<BootTrigger>(arrow);
        foreach (var steps in PathsToEachPoweredPhase)
        {
            var phases = new RecordingPhases();
            var machine = new BootMachine(phases);
            foreach (var step in steps)
            {
                machine.Fire(step);
            }

            var from = machine.Phase;
            machine.Fire(trigger);

            machine.Phase.Should().Be(to);
            phases.Transitions[^1].Should().Be((from, to), "the machine reports the phase it left, never the superstate");
        }
    }

    [Fact]
    public void Moving_between_powered_phases_reports_only_the_phases()
    {
        var phases = new RecordingPhases();
        var machine = new BootMachine(phases);
        foreach (var step in PathsToEachPoweredPhase[^1])
        {
            machine.Fire(step);
        }

        phases.Transitions.Should().Equal(
            (DevicePhase.Off, DevicePhase.Bootloader),
            (DevicePhase.Bootloader, DevicePhase.Booting),
            (DevicePhase.Booting, DevicePhase.NetworkUp),
            (DevicePhase.NetworkUp, DevicePhase.Ready),
            (DevicePhase.Ready, DevicePhase.Upgrading),
            (DevicePhase.Upgrading, DevicePhase.ShuttingDown));
    }

    [Fact]
    public void A_release_before_the_boot_loader_sampled_the_button_is_ignored()
    {
        var machine = new BootMachine(new RecordingPhases());
        machine.Fire(BootTrigger.PowerOn);

        machine.Fire(BootTrigger.ReleasedOutsideWindow);

        machine.Phase.Should().Be(DevicePhase.Bootloader);
    }

    private static readonly BootTrigger[][] PathsToEachPoweredPhase =
    [
        [BootTrigger.PowerOn],
        [BootTrigger.PowerOn, BootTrigger.BootloaderDone],
        [BootTrigger.PowerOn, BootTrigger.BootloaderDone, BootTrigger.NetworkStarted],
        [BootTrigger.PowerOn, BootTrigger.BootloaderDone, BootTrigger.NetworkStarted, BootTrigger.SystemReady],
        [BootTrigger.PowerOn, BootTrigger.BootloaderDone, BootTrigger.NetworkStarted, BootTrigger.SystemReady, BootTrigger.StartUpgrade],
        [BootTrigger.PowerOn, BootTrigger.BootloaderDone, BootTrigger.NetworkStarted, BootTrigger.SystemReady, BootTrigger.StartUpgrade, BootTrigger.FlashDone],
    ];

    /// <summary>Entry work that does nothing but remember the phase changes; the button is never held.</summary>
    private sealed class RecordingPhases : IBootPhases
    {
        public List<(DevicePhase From, DevicePhase To)> Transitions { get; } = [];

        public bool IsBricked => false;

        public bool ButtonHeld => false;

        public void Entered(DevicePhase from, DevicePhase to) => Transitions.Add((from, to));

        public void EnterOff() { }

        public void EnterBrownout() { }

        public void EnterBootloader() { }

        public void EnterResetHold() { }

        public void EnterResetArmed() { }

        public void EnterFactoryResetting() { }

        public void EnterBooting() { }

        public void EnterNetworkUp() { }

        public void EnterReady() { }

        public void EnterUpgrading() { }

        public void EnterShuttingDown() { }

        public void EnterBricked() { }
    }
}
