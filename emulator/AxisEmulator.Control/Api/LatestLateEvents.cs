using System.ComponentModel;
using AxisEmulator.Core.Clock;

namespace AxisEmulator.Control.Api;

/// <summary>One of the latest events of a lateness window.</summary>
public sealed record LateEvent(
    [property: Description("What the event was for, e.g. \"cam-1 boot: network-up\".")] string Name,
    [property: Description("Simulated time it was due.")] DateTimeOffset Due,
    [property: Description("Wall-clock lateness, milliseconds.")] double LateMs);

/// <summary>
/// The <see cref="Capacity"/> latest events offered, latest first. Offered on the clock's driver
/// thread under its queue lock: an event no later than the last one kept is turned away by one
/// read, so the lock here (and the name's text) is paid only by the few that make the list.
/// </summary>
internal sealed class LatestLateEvents
{
    public const int Capacity = 10;

    private readonly object _sync = new();
    private readonly LateEvent[] _kept = new LateEvent[Capacity];
    private int _count;
    private long _floorTicks = -1;

    public void Offer(ScheduledEvent late, TimeSpan lateness)
    {
        if (lateness.Ticks <= Volatile.Read(ref _floorTicks))
        {
            return;
        }

        var ms = Math.Round(lateness.TotalMilliseconds, 3);
        lock (_sync)
        {
            var at = _count;
            while (at > 0 && _kept[at - 1].LateMs < ms)
            {
                at--;
            }

            if (at == Capacity)
            {
                return;
            }

            Array.Copy(_kept, at, _kept, at + 1, Math.Min(_count, Capacity - 1) - at);
            _kept[at] = new LateEvent(late.Name.ToString(), late.Due, ms);
            _count = Math.Min(_count + 1, Capacity);
            if (_count == Capacity)
            {
                Volatile.Write(ref _floorTicks, TimeSpan.FromMilliseconds(_kept[^1].LateMs).Ticks);
            }
        }
    }

    public IReadOnlyList<LateEvent> Snapshot()
    {
        lock (_sync)
        {
            return _kept[.._count];
        }
    }
}
