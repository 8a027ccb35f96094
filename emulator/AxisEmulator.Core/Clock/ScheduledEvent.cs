using System.Diagnostics;

namespace AxisEmulator.Core.Clock;

/// <summary>A pending action in the simulation's discrete-event queue. Cancel it to drop it.</summary>
[DebuggerDisplay("{Name} at {Due}")]
public sealed class ScheduledEvent
{
    private readonly SimulationClock _clock;

    internal ScheduledEvent(SimulationClock clock, long dueTicks, long sequence, EventName name, Action action)
    {
        _clock = clock;
        DueTicks = dueTicks;
        Sequence = sequence;
        Name = name;
        Action = action;
    }

    /// <summary>What the event is for, e.g. <c>cam-1 boot: network-up</c>.</summary>
    public EventName Name { get; }

    internal long DueTicks { get; }

    internal long Sequence { get; }

    internal Action Action { get; }

    /// <summary>Simulated time at which the action runs.</summary>
    public DateTimeOffset Due => _clock.Epoch + TimeSpan.FromTicks(DueTicks);

    /// <summary>Set by the clock under its lock, like <see cref="HasRun"/>.</summary>
    public bool IsCancelled { get; internal set; }

    public bool HasRun { get; internal set; }

    /// <summary>Removes the event from the queue; a no-op once it has run or was cancelled.</summary>
    public void Cancel() => _clock.Cancel(this);
}
