using AxisEmulator.Core.Button;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Events;

namespace AxisEmulator.Core.Devices;

/// <summary>
/// The finger on a device's control button: it presses, lets go, or holds for a while and lets go
/// by itself on the simulation clock. A press, a release or a new hold replaces a hold in
/// progress. Driven under the device's gate.
/// </summary>
internal sealed class ButtonFinger(Device device)
{
    private ScheduledEvent? _release;

    /// <summary>When a hold in progress lets go; null when none is pending.</summary>
    public DateTimeOffset? ReleaseAt => _release?.Due;

    public void Press()
    {
        Forget();
        if (!device.Button.IsHeld)
        {
            device.Timeline.Append(new ButtonPressed());
            device.Button.Press();
        }
    }

    public void Release()
    {
        Forget();
        if (device.Button.IsHeld)
        {
            device.Timeline.Append(new ButtonReleased());
            device.Button.Release();
        }
    }

    public DateTimeOffset Hold(TimeSpan duration)
    {
        Press();
        ScheduledEvent? release = null;
        release = device.ScheduleUnderGate(duration, "button: hold ends", () =>
        {
            // A timer that was already waiting for the gate when a press replaced its hold stays quiet.
            if (ReferenceEquals(_release, release))
            {
                _release = null;
                Release();
            }
        });
        _release = release;
        return release.Due;
    }

    public void SetFault(ButtonFault fault)
    {
        device.Timeline.Append(new ButtonConditionSet(fault));
        device.Button.SetFault(fault);
    }

    /// <summary>Drops the release of a hold in progress; the button stays as it is.</summary>
    public void Forget()
    {
        _release?.Cancel();
        _release = null;
    }
}
