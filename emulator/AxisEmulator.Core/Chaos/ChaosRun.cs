using AxisEmulator.Core.Button;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Fleet;

namespace AxisEmulator.Core.Chaos;

/// <summary>
/// A <see cref="ChaosPlan"/> put on an emulator's simulation clock: what has run, and a way to stop
/// the rest. Each action is recorded in its device's timeline (<see cref="ChaosApplied"/>, and
/// <see cref="ChaosEnded"/> when a brown-out or network loss is undone), then applied through the
/// device's ordinary inputs: a power cut and the same source plugged back, <c>Restart</c>, a mushy
/// <c>SetButtonFault</c>, <c>SetBricked</c>, <c>SetNetworkLink</c> off then on. Started through
/// the emulator's <see cref="ChaosController"/>.
/// </summary>
public sealed class ChaosRun
{
    private readonly object _sync = new();
    private readonly Emulator _emulator;
    private readonly List<ScheduledEvent> _events = [];
    private readonly Dictionary<ScheduledEvent, Action> _recoveries = [];
    private int _applied;
    private bool _cancelled;

    internal ChaosRun(ChaosPlan plan, Emulator emulator)
    {
        Plan = plan;
        _emulator = emulator;
        StartedAt = emulator.Clock.GetUtcNow();
    }

    public ChaosPlan Plan { get; }

    /// <summary>Simulated time the plan's offsets count from.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Simulated time of the plan's end.</summary>
    public DateTimeOffset EndsAt => StartedAt + Plan.Options.Duration;

    /// <summary>Actions that have run so far (including those skipped because their device was gone).</summary>
    public int Applied => Volatile.Read(ref _applied);

    public bool IsCancelled
    {
        get { lock (_sync) { return _cancelled; } }
    }

    /// <summary>
    /// Drops every action not yet run. Brown-outs and network losses in progress are undone at once
    /// (power back, link up); mushy buttons and bricked units stay as they are.
    /// </summary>
    public void Cancel()
    {
        List<Action> undo;
        lock (_sync)
        {
            if (_cancelled)
            {
                return;
            }

            _cancelled = true;
            foreach (var scheduled in _events)
            {
                scheduled.Cancel();
            }

            undo = [.. _recoveries.Values];
            foreach (var recovery in _recoveries.Keys)
            {
                recovery.Cancel();
            }

            _recoveries.Clear();
        }

        foreach (var recovery in undo)
        {
            recovery();
        }
    }

    internal void ScheduleAll()
    {
        lock (_sync)
        {
            foreach (var action in Plan.Actions)
            {
                _events.Add(_emulator.Clock.Schedule(action.At, new EventName(action.DeviceId, "chaos: " + action.Kind.ToWireString()), () => Run(action)));
            }
        }
    }

    private void Run(ChaosAction action)
    {
        Interlocked.Increment(ref _applied);
        if (!_emulator.TryGet(action.DeviceId, out var camera) || camera is null)
        {
            return;
        }

        switch (action.Kind)
        {
            case ChaosActionKind.Brownout:
                {
                    var source = camera.Snapshot().Power.Source;
                    if (source is null)
                    {
                        camera.Timeline.Append(new ChaosApplied(action, "skipped: the device has no power"));
                        return;
                    }

                    camera.Timeline.Append(new ChaosApplied(action));
                    camera.PowerOff();
                    Later(action, () =>
                    {
                        camera.Timeline.Append(new ChaosEnded(action));
                        camera.PowerOn(source);
                    });
                    return;
                }

            case ChaosActionKind.Reboot:
                {
                    var accepted = camera.Restart();
                    camera.Timeline.Append(new ChaosApplied(action, accepted ? null : "ignored: the device is not running"));
                    return;
                }

            case ChaosActionKind.MushyButton:
                camera.Timeline.Append(new ChaosApplied(action));
                camera.SetButtonFault(new ButtonFault(ButtonCondition.Mushy));
                return;

            case ChaosActionKind.Brick:
                camera.Timeline.Append(new ChaosApplied(action));
                camera.SetBricked(true);
                return;

            case ChaosActionKind.NetworkLoss:
                camera.Timeline.Append(new ChaosApplied(action));
                camera.SetNetworkLink(false);
                Later(action, () =>
                {
                    camera.Timeline.Append(new ChaosEnded(action));
                    camera.SetNetworkLink(true);
                });
                return;
        }
    }

    /// <summary>Schedules the undoing of a timed action; a cancelled run undoes it at once instead.</summary>
    private void Later(ChaosAction action, Action undo)
    {
        lock (_sync)
        {
            if (_cancelled)
            {
                undo();
                return;
            }

            ScheduledEvent? scheduled = null;
            scheduled = _emulator.Clock.Schedule(TimeSpan.FromSeconds(action.Seconds), new EventName(action.DeviceId, "chaos-end: " + action.Kind.ToWireString()), () =>
            {
                lock (_sync)
                {
                    if (!_recoveries.Remove(scheduled!))
                    {
                        return;
                    }
                }

                undo();
            });
            _recoveries[scheduled] = undo;
        }
    }

}
