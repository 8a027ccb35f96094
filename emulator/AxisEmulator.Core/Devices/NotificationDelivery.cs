using System.Runtime.ExceptionServices;

namespace AxisEmulator.Core.Devices;

/// <summary>
/// Delivers notifications on the thread that made the change, in the order they were made. A
/// handler that changes a device again (on this thread) does not get a nested delivery: its
/// notifications join this thread's queue behind the one being delivered, so every subscriber
/// hears of changes in order and a handler that triggers itself cannot recurse without bound.
/// </summary>
internal static class NotificationDelivery
{
    [ThreadStatic]
    private static Queue<Notification>? _queue;

    [ThreadStatic]
    private static bool _delivering;

    /// <summary>Queues <paramref name="batch"/> for this thread (called just before a gate is released).</summary>
    public static void Enqueue(List<Notification> batch)
    {
        var queue = _queue ??= new Queue<Notification>();
        foreach (var notification in batch)
        {
            queue.Enqueue(notification);
        }
    }

    /// <summary>Delivers <paramref name="notification"/> now, or after the one this thread is delivering.</summary>
    public static void Deliver(in Notification notification)
    {
        (_queue ??= new Queue<Notification>()).Enqueue(notification);
        DeliverQueued();
    }

    /// <summary>
    /// Delivers this thread's queue until it is empty, then rethrows what handlers threw (one as
    /// itself, several as an <see cref="AggregateException"/>, as <c>CancellationTokenSource.Cancel</c>
    /// does). Returns at once when this thread is already delivering: a handler called back in.
    /// </summary>
    public static void DeliverQueued()
    {
        if (_delivering || _queue is not { Count: > 0 } queue)
        {
            return;
        }

        List<Exception>? failures = null;
        _delivering = true;
        try
        {
            while (queue.TryDequeue(out var notification))
            {
                notification.TellEach(ref failures);
            }
        }
        finally
        {
            _delivering = false;
        }

        if (failures is null)
        {
            return;
        }

        if (failures.Count == 1)
        {
            ExceptionDispatchInfo.Throw(failures[0]);
        }

        throw new AggregateException("Several notification handlers failed; every subscriber was told.", failures);
    }
}
