using System.Threading.Channels;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Fleet;

namespace AxisEmulator.Control.Events;

/// <summary>
/// Fans every timeline entry of every device — those added later included — out to subscribers.
/// Each subscriber has a bounded channel that drops its oldest entry when full, so a slow reader
/// never holds up a device (publishing runs on the thread that changed the device: this only enqueues).
/// </summary>
public sealed class TimelineEventHub : IDisposable
{
    private readonly Emulator _emulator;
    private readonly object _sync = new();
    private readonly HashSet<Device> _watched = [];
    private Subscription[] _subscribers = [];
    private bool _disposed;

    public TimelineEventHub(Emulator emulator)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        _emulator = emulator;
        emulator.DeviceAdded += Watch;
        emulator.DeviceRemoved += Unwatch;
        foreach (var device in emulator.Devices)
        {
            Watch(device);
        }
    }

    /// <summary>Subscribers right now.</summary>
    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    /// <summary>A new subscription; dispose it to leave.</summary>
    public Subscription Subscribe(int capacity, Func<TimelineEntry, bool>? filter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var subscription = new Subscription(this, capacity, filter);
        lock (_sync)
        {
            if (_disposed)
            {
                subscription.Complete();
                return subscription;
            }

            _subscribers = [.. _subscribers, subscription];
        }

        return subscription;
    }

    public void Dispose()
    {
        Subscription[] subscribers;
        Device[] watched;
        lock (_sync)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            subscribers = _subscribers;
            _subscribers = [];
            watched = [.. _watched];
            _watched.Clear();
        }

        _emulator.DeviceAdded -= Watch;
        _emulator.DeviceRemoved -= Unwatch;
        foreach (var camera in watched)
        {
            camera.Timeline.Appended -= Publish;
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.Complete();
        }
    }

    private void Watch(Device camera)
    {
        lock (_sync)
        {
            if (_disposed || !_watched.Add(camera))
            {
                return;
            }
        }

        camera.Timeline.Appended += Publish;
    }

    private void Unwatch(Device camera)
    {
        lock (_sync)
        {
            if (!_watched.Remove(camera))
            {
                return;
            }
        }

        camera.Timeline.Appended -= Publish;
    }

    private void Publish(TimelineEntry entry)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            subscriber.Offer(entry);
        }
    }

    private void Leave(Subscription subscription)
    {
        lock (_sync)
        {
            _subscribers = [.. _subscribers.Where(s => !ReferenceEquals(s, subscription))];
        }
    }

    /// <summary>One reader's queue of entries.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly TimelineEventHub _hub;
        private readonly Channel<TimelineEntry> _channel;
        private readonly Func<TimelineEntry, bool>? _filter;
        private long _dropped;

        internal Subscription(TimelineEventHub hub, int capacity, Func<TimelineEntry, bool>? filter)
        {
            _hub = hub;
            _filter = filter;
            _channel = Channel.CreateBounded<TimelineEntry>(
                new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = false },
                _ => Interlocked.Increment(ref _dropped));
        }

        public ChannelReader<TimelineEntry> Reader => _channel.Reader;

        /// <summary>Entries dropped so far because this reader fell behind.</summary>
        public long Dropped => Interlocked.Read(ref _dropped);

        public void Dispose()
        {
            _hub.Leave(this);
            Complete();
        }

        internal void Offer(TimelineEntry entry)
        {
            if (_filter is null || _filter(entry))
            {
                _channel.Writer.TryWrite(entry);
            }
        }

        internal void Complete() => _channel.Writer.TryComplete();
    }
}
