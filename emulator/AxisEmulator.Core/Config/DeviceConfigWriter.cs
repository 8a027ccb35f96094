namespace AxisEmulator.Core.Config;

/// <summary>
/// Write-behind for one device's configuration. The device hands over each new configuration under
/// its gate, where nothing touches the disk; one write at a time, on the thread pool, stores the
/// newest, so a burst of changes costs the write in progress and one more. Nothing here is shared
/// with another device, so a slow disk for one never holds up another's save. Whoever promised
/// durability (a VAPIX answer that says OK) awaits <see cref="FlushAsync"/>.
/// </summary>
public sealed class DeviceConfigWriter
{
    private readonly object _sync = new();
    private readonly string _deviceId;
    private readonly IDeviceStateStore _store;
    private readonly List<(long Version, TaskCompletionSource Stored)> _waiting = [];
    private DeviceConfig? _latest;
    private long _submitted;
    private long _attempted;
    private long _inFlight;
    private long _stored;
    private bool _writing;
    private bool _closed;

    /// <param name="deviceId">The device the configurations belong to (the store's key).</param>
    /// <param name="store">Where they go; what it holds now counts as written.</param>
    public DeviceConfigWriter(string deviceId, IDeviceStateStore store)
    {
        _deviceId = deviceId;
        _store = store;
    }

    /// <summary>Configurations handed over so far: a count that moves with every change.</summary>
    public long Submitted => Volatile.Read(ref _submitted);

    /// <summary>Hands over the device's new configuration; never waits for the disk. Ignored once closed.</summary>
    public void Submit(DeviceConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        lock (_sync)
        {
            if (_closed)
            {
                return;
            }

            _latest = config;
            _submitted++;
            StartWritingLocked();
        }
    }

    /// <summary>
    /// Completes once everything handed over before the call is stored (a newer configuration
    /// stored counts). Faults with the store's exception when that write failed; a later flush tries
    /// again.
    /// </summary>
    public Task FlushAsync()
    {
        lock (_sync)
        {
            if (_stored >= _submitted)
            {
                return Task.CompletedTask;
            }

            var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((_submitted, stored));
            if (_inFlight < _submitted && _attempted >= _submitted)
            {
                _attempted = _stored; // the newest was tried and failed, and no write is on its way: try again
            }

            StartWritingLocked();
            return stored.Task;
        }
    }

    /// <summary>Takes no more configurations (the device was removed); completes once what it had is stored.</summary>
    public Task CloseAsync()
    {
        lock (_sync)
        {
            _closed = true;
        }

        return FlushAsync();
    }

    private void StartWritingLocked()
    {
        if (_writing || _attempted >= _submitted)
        {
            return;
        }

        _writing = true;
        ThreadPool.UnsafeQueueUserWorkItem(static writer => writer.WriteNewest(), this, preferLocal: false);
    }

    /// <summary>Stores the newest configuration until nothing newer is waiting.</summary>
    private void WriteNewest()
    {
        while (true)
        {
            DeviceConfig config;
            long version;
            lock (_sync)
            {
                if (_attempted >= _submitted)
                {
                    _writing = false;
                    return;
                }

                config = _latest!;
                version = _attempted = _inFlight = _submitted;
            }

            Exception? failure = null;
            try
            {
                _store.Save(_deviceId, config);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failure = ex;
            }

            foreach (var stored in TakeAnswered(version, failure is null))
            {
                if (failure is null)
                {
                    stored.TrySetResult();
                }
                else
                {
                    stored.TrySetException(failure);
                }
            }
        }
    }

    /// <summary>Records the write of <paramref name="version"/> and takes the waiters it answers.</summary>
    private TaskCompletionSource[] TakeAnswered(long version, bool succeeded)
    {
        lock (_sync)
        {
            _inFlight = 0;
            if (succeeded)
            {
                _stored = version;
            }

            if (_waiting.Count == 0)
            {
                return [];
            }

            var answered = _waiting.Where(w => w.Version <= version).Select(w => w.Stored).ToArray();
            _waiting.RemoveAll(w => w.Version <= version);
            return answered;
        }
    }
}
