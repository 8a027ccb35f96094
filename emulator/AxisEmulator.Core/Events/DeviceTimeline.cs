namespace AxisEmulator.Core.Events;

/// <summary>
/// A device's bounded history: a ring buffer of entries with increasing sequence numbers. Old
/// entries fall off the front once <see cref="Capacity"/> is reached; sequence numbers never repeat.
/// </summary>
public sealed class DeviceTimeline
{
    public const int DefaultCapacity = 4096;

    private readonly object _sync = new();
    private readonly TimelineEntry?[] _ring;
    private readonly TimeProvider _clock;
    private long _nextSequence = 1;
    private int _start;
    private int _count;

    public DeviceTimeline(string deviceId, TimeProvider clock, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        DeviceId = deviceId;
        _clock = clock;
        _ring = new TimelineEntry?[capacity];
    }

    public string DeviceId { get; }

    public int Capacity => _ring.Length;

    /// <summary>
    /// Raised after an entry is appended, on the thread that appended it: at once, or — for an entry
    /// a device appends under its gate — once the gate is released, before the device's call returns.
    /// </summary>
    public event Action<TimelineEntry>? Appended;

    /// <summary>How <see cref="Appended"/> reaches its subscribers; a device routes it through its outbox.</summary>
    internal Action<Action<TimelineEntry>, TimelineEntry> Raise { get; init; } = static (subscribers, entry) => subscribers(entry);

    /// <summary>Sequence number of the newest entry (0 when empty).</summary>
    public long LastSequence
    {
        get { lock (_sync) { return _nextSequence - 1; } }
    }

    public int Count
    {
        get { lock (_sync) { return _count; } }
    }

    /// <summary>Records <paramref name="event"/> now (simulated time) and raises <see cref="Appended"/>.</summary>
    public TimelineEntry Append(DeviceEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        TimelineEntry entry;
        lock (_sync)
        {
            entry = new TimelineEntry(_nextSequence++, _clock.GetUtcNow(), DeviceId, @event);
            Keep(entry);
        }

        if (Appended is { } subscribers)
        {
            Raise(subscribers, entry);
        }

        return entry;
    }

    private void Keep(TimelineEntry entry)
    {
        var index = (_start + _count) % _ring.Length;
        _ring[index] = entry;
        if (_count < _ring.Length)
        {
            _count++;
        }
        else
        {
            _start = (_start + 1) % _ring.Length;
        }
    }

    /// <summary>Entries with a sequence number greater than <paramref name="sequence"/>, oldest first.</summary>
    public IReadOnlyList<TimelineEntry> Since(long sequence = 0)
    {
        lock (_sync)
        {
            var result = new List<TimelineEntry>();
            for (var i = 0; i < _count; i++)
            {
                var entry = _ring[(_start + i) % _ring.Length]!;
                if (entry.Sequence > sequence)
                {
                    result.Add(entry);
                }
            }

            return result;
        }
    }

    /// <summary>Empties the history; sequence numbers keep counting up.</summary>
    public void Clear()
    {
        lock (_sync)
        {
            Array.Clear(_ring);
            _start = 0;
            _count = 0;
        }
    }
}
