namespace AxisEmulator.Core.Devices;

/// <summary>
/// One thing a device has to tell others: the event's subscribers as they were when it happened,
/// what happened, and how to hand that to one subscriber. A struct with a static teller, so the
/// timeline's hot path queues it without allocating.
/// </summary>
internal readonly struct Notification(Delegate subscribers, object? what, Action<Delegate, object?> tellOne)
{
    /// <summary>
    /// Tells every subscriber on its own: one that throws does not keep the others from hearing;
    /// its exception is added to <paramref name="failures"/> for the caller to rethrow.
    /// </summary>
    public void TellEach(ref List<Exception>? failures)
    {
        foreach (var subscriber in Delegate.EnumerateInvocationList(subscribers))
        {
            try
            {
                tellOne(subscriber, what);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                (failures ??= []).Add(ex);
            }
        }
    }
}
