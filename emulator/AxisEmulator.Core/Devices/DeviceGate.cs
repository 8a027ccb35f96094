namespace AxisEmulator.Core.Devices;

/// <summary>
/// A device's one lock and its outbox. The device changes its state only holding the gate; what it
/// has to tell others (its events, timeline subscribers, the LAN's news for other devices) it queues
/// here, and the queue is delivered when the thread lets go of the gate: in order, on that thread,
/// before the call that made the change returns. No handler runs under the gate, so a slow one
/// cannot stall the device and one that calls back in finds it consistent.
/// </summary>
/// <remarks>
/// The idea of Polly's circuit-state controller: all mutable state changed inside one lock, the
/// callbacks queued and run once it is released. Methods that expect the gate held end in
/// <c>Locked</c>.
/// </remarks>
internal sealed class DeviceGate
{
    private readonly object _lock = new();
    private readonly List<Notification> _outbox = [];
    private int _depth;

    /// <summary>Takes the gate (re-entrant); disposing the scope releases it and, on the outermost release, delivers the outbox.</summary>
    public Scope Enter()
    {
        Monitor.Enter(_lock);
        _depth++;
        return new Scope(this);
    }

    /// <summary>Held by this thread: notifications wait in the outbox. Otherwise they are delivered at once.</summary>
    public void Notify(in Notification notification)
    {
        if (Monitor.IsEntered(_lock))
        {
            _outbox.Add(notification);
            return;
        }

        NotificationDelivery.Deliver(notification);
    }

    private void Exit()
    {
        var deliver = --_depth == 0 && _outbox.Count > 0;
        if (deliver)
        {
            NotificationDelivery.Enqueue(_outbox);
            _outbox.Clear();
        }

        Monitor.Exit(_lock);
        if (deliver)
        {
            NotificationDelivery.DeliverQueued();
        }
    }

    /// <summary>The gate held; <c>using (_gate.Enter())</c> in place of <c>lock</c>.</summary>
    public readonly ref struct Scope(DeviceGate gate)
    {
        public void Dispose() => gate.Exit();
    }
}
