using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Leds;
using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Core.Boot;

/// <summary>The boot loader's count of a control-button hold and its reset window.</summary>
internal sealed partial class BootSequence
{
    private long _holdStartedTicks = -1;
    private ScheduledEvent? _windowCloseTimer;

    /// <summary>The hold the boot loader is counting, judged as if released now; null when it counts none.</summary>
    public ResetHoldSnapshot? ResetHoldNow() =>
        Phase is DevicePhase.Bootloader or DevicePhase.ResetHold or DevicePhase.ResetArmed && _holdStartedTicks >= 0
            ? new ResetHoldSnapshot(_device.SimulationClock.Epoch + TimeSpan.FromTicks(_holdStartedTicks), ResetOutcome.For(HeldSeconds, Profile.Reset))
            : null;

    /// <summary>The firmware's debounced reading changed.</summary>
    public void OnButtonDebounced(bool pressed)
    {
        _device.Timeline.Append(pressed ? new DebouncedPress() : new DebouncedRelease());
        if (pressed)
        {
            if (Phase == DevicePhase.Bootloader && _holdStartedTicks < 0)
            {
                _holdStartedTicks = Now;
            }

            return;
        }

        // A release before the boot loader samples the button is an early release too: say so.
        if (Phase is DevicePhase.ResetHold or DevicePhase.ResetArmed || (Phase == DevicePhase.Bootloader && _holdStartedTicks >= 0))
        {
            var outcome = ResetOutcome.For(HeldSeconds, Profile.Reset);
            _device.Timeline.Append(new ResetReleased(outcome));
            _holdStartedTicks = -1;
            Fire(outcome.ErasesConfiguration ? BootTrigger.ReleasedInWindow : BootTrigger.ReleasedOutsideWindow);
        }
    }

    void IBootPhases.EnterResetHold()
    {
        _device.Timeline.Append(new ResetHoldSeen(Profile.Reset.HoldMinSeconds, Profile.Reset.HoldMaxSeconds));
        Schedule(TimeSpan.FromSeconds(Math.Max(0, Profile.Reset.HoldMinSeconds - HeldSeconds)), BootTrigger.WindowOpened);
    }

    void IBootPhases.EnterResetArmed()
    {
        Leds.Status.Show(LedState.Flashing(LedColor.Amber, Profile.Leds.FlashHz));
        _device.Timeline.Append(new ResetWindowOpened(Profile.Reset.HoldMinSeconds, Profile.Reset.HoldMaxSeconds));
        var untilClose = Profile.Reset.HoldMaxSeconds - HeldSeconds;
        _windowCloseTimer = _device.ScheduleUnderGate(TimeSpan.FromSeconds(Math.Max(0, untilClose)), "boot: reset window closes", OnWindowClosed);
    }

    private double HeldSeconds => TimeSpan.FromTicks(Now - _holdStartedTicks).TotalSeconds;

    // Held before power came: the contact is closed at power-on and the hold counts from then.
    private void StartCountingHold() => _holdStartedTicks = _device.Button.ContactClosed ? _bootStartedTicks : -1;

    private void ForgetWindowClose()
    {
        _windowCloseTimer?.Cancel();
        _windowCloseTimer = null;
    }

    private void OnWindowClosed()
    {
        _windowCloseTimer = null;
        if (Phase != DevicePhase.ResetArmed)
        {
            return;
        }

        if (Profile.Reset.LateRelease == LateReleaseBehavior.Abort)
        {
            _device.Timeline.Append(new ResetWindowClosed(ResetOutcome.WindowClosed(HeldSeconds, Profile.Reset)));
            Fire(BootTrigger.WindowClosed);
        }
        else
        {
            _device.Timeline.Append(new ResetWindowClosed(Abort: null));
        }
    }
}
