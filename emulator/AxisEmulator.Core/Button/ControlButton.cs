using AxisEmulator.Core.Clock;

namespace AxisEmulator.Core.Button;

/// <summary>
/// The control button: a finger (<see cref="Press"/>, <see cref="Release"/>), a physical contact
/// whose behaviour depends on the <see cref="ButtonFault"/>, and the firmware's debouncer, which
/// reports a change only once the contact has been stable for the debounce window.
/// </summary>
/// <remarks>Not thread-safe on its own: the owning device calls it under its gate.</remarks>
public sealed class ControlButton
{
    private readonly Func<TimeSpan, string, Action, ScheduledEvent> _schedule;
    private readonly TimeSpan _debounce;
    private readonly Random _random;
    private ScheduledEvent? _debounceCheck;
    private ScheduledEvent? _dropout;

    public ControlButton(SimulationClock clock, TimeSpan debounce, Random random)
        : this((delay, what, action) => clock.Schedule(delay, what, action), debounce, random)
    {
    }

    /// <param name="schedule">
    /// Schedules the debouncer's and the contact's timers (delay, what it is, action); the owning
    /// device passes one that names them after itself and runs them under its gate, so a debounced
    /// edge reaches the state machine like any other trigger.
    /// </param>
    public ControlButton(Func<TimeSpan, string, Action, ScheduledEvent> schedule, TimeSpan debounce, Random random)
    {
        _schedule = schedule;
        _debounce = debounce;
        _random = random;
    }

    public ButtonFault Fault { get; private set; } = ButtonFault.Healthy;

    /// <summary>A finger is on the button.</summary>
    public bool IsHeld { get; private set; }

    /// <summary>The contact is physically closed right now.</summary>
    public bool ContactClosed { get; private set; }

    /// <summary>What the firmware reads after debouncing.</summary>
    public bool IsPressed { get; private set; }

    /// <summary>Debounced reading changed (true = pressed).</summary>
    public event Action<bool>? DebouncedChanged;

    /// <summary>A mushy contact dropped out (duration) while held; reported whether or not it reads as a release.</summary>
    public event Action<TimeSpan>? Dropout;

    public void Press()
    {
        if (IsHeld)
        {
            return;
        }

        IsHeld = true;
        UpdateContact();
        ScheduleNextDropout();
    }

    public void Release()
    {
        if (!IsHeld)
        {
            return;
        }

        IsHeld = false;
        _dropout?.Cancel();
        _dropout = null;
        UpdateContact();
    }

    public void SetFault(ButtonFault fault)
    {
        Fault = fault;
        _dropout?.Cancel();
        _dropout = null;
        UpdateContact();
        ScheduleNextDropout();
    }

    /// <summary>Finger off, healthy contact, debouncer idle.</summary>
    public void Reset()
    {
        _dropout?.Cancel();
        _debounceCheck?.Cancel();
        _dropout = null;
        _debounceCheck = null;
        IsHeld = false;
        Fault = ButtonFault.Healthy;
        ContactClosed = false;
        IsPressed = false;
    }

    private bool ContactFor(bool held) => Fault.Condition switch
    {
        ButtonCondition.Stuck => true,
        ButtonCondition.Broken => false,
        _ => held,
    };

    private void UpdateContact() => SetContact(ContactFor(IsHeld));

    private void SetContact(bool closed)
    {
        if (ContactClosed == closed)
        {
            return;
        }

        ContactClosed = closed;
        _debounceCheck?.Cancel();
        _debounceCheck = _schedule(_debounce, "button: debounce settles", SettleDebounce);
    }

    private void SettleDebounce()
    {
        _debounceCheck = null;
        if (IsPressed == ContactClosed)
        {
            return;
        }

        IsPressed = ContactClosed;
        DebouncedChanged?.Invoke(IsPressed);
    }

    private void ScheduleNextDropout()
    {
        if (!IsHeld || Fault.Condition != ButtonCondition.Mushy)
        {
            return;
        }

        // Dropouts arrive as a Poisson process: exponential gaps at the configured rate.
        var gapSeconds = -Math.Log(1 - _random.NextDouble()) / Fault.DropoutsPerSecond;
        _dropout = _schedule(TimeSpan.FromSeconds(gapSeconds), "button: contact drops out", StartDropout);
    }

    private void StartDropout()
    {
        // Dropout lengths are exponential around the configured mean: most are brief and swallowed
        // by the debouncer, some are long enough to read as a release.
        var length = TimeSpan.FromMilliseconds(-Math.Log(1 - _random.NextDouble()) * Fault.DropoutMilliseconds);
        SetContact(false);
        Dropout?.Invoke(length);
        _dropout = _schedule(length, "button: contact closes again", EndDropout);
    }

    private void EndDropout()
    {
        _dropout = null;
        UpdateContact();
        ScheduleNextDropout();
    }
}
