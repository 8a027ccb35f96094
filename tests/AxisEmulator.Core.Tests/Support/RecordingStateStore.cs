using System.Collections.Concurrent;
using AxisEmulator.Core.Config;

namespace AxisEmulator.Core.Tests.Support;

/// <summary>
/// A store double: keeps configurations in memory and records every save in the order the saves
/// finished. A device id it is told to <see cref="Hold"/> has its next saves wait until
/// <see cref="Release"/>, like a disk that is slow for that device only.
/// </summary>
public sealed class RecordingStateStore : IDeviceStateStore
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly InMemoryDeviceStateStore _inner = new();
    private readonly ConcurrentQueue<(string Id, DeviceConfig Config)> _saved = new();
    private readonly ConcurrentDictionary<string, Held> _held = new(StringComparer.Ordinal);
    private int _failures;

    /// <summary>Saves finished so far for <paramref name="deviceId"/>, oldest first.</summary>
    public IReadOnlyList<DeviceConfig> SavedFor(string deviceId) => [.. _saved.Where(s => s.Id == deviceId).Select(s => s.Config)];

    /// <summary>From now on, saves for <paramref name="deviceId"/> wait for <see cref="Release"/>.</summary>
    public void Hold(string deviceId) => _held[deviceId] = new Held();

    /// <summary>Completes when a held save for <paramref name="deviceId"/> has started (and is waiting).</summary>
    public Task HeldSaveStarted(string deviceId) => _held[deviceId].Started.Task.WaitAsync(Bound);

    public void Release(string deviceId)
    {
        if (_held.TryRemove(deviceId, out var held))
        {
            held.Gate.Set();
        }
    }

    /// <summary>The next <paramref name="count"/> saves throw, as a full disk would.</summary>
    public void FailNext(int count = 1) => Interlocked.Exchange(ref _failures, count);

    public DeviceConfig? Load(string deviceId) => _inner.Load(deviceId);

    public void Save(string deviceId, DeviceConfig config)
    {
        if (_held.TryGetValue(deviceId, out var held))
        {
            held.Started.TrySetResult();
            held.Gate.Wait(Bound).Should().BeTrue("the test releases every save it holds");
        }

        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            throw new IOException("No space left on device");
        }

        _inner.Save(deviceId, config);
        _saved.Enqueue((deviceId, config));
    }

    public void Delete(string deviceId) => _inner.Delete(deviceId);

    private sealed class Held
    {
        public ManualResetEventSlim Gate { get; } = new(false);

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
