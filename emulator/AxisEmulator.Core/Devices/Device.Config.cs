using AxisEmulator.Core.Config;
using AxisEmulator.Core.Events;

namespace AxisEmulator.Core.Devices;

/// <summary>The device's stored configuration: read, changed atomically, written behind by its own writer.</summary>
public sealed partial class Device
{
    /// <summary>The stored configuration now (immutable; replaced as a whole on every change). Lock-free, for per-request readers.</summary>
    public DeviceConfig Config => Volatile.Read(ref _config);

    public bool NeedsSetup
    {
        get { using (_gate.Enter()) { return _config.NeedsSetup; } }
    }

    /// <summary>How many configuration changes the device has made: compare two readings to see whether anything changed between them.</summary>
    public long ConfigChanges => _writer.Submitted;

    /// <summary>Runs <paramref name="read"/> on the stored configuration under the gate.</summary>
    public T ReadConfig<T>(Func<DeviceConfig, T> read)
    {
        using (_gate.Enter()) { return read(_config); }
    }

    /// <summary>
    /// Changes the configuration atomically and hands it to the device's writer, which stores it
    /// behind the caller's back (see <see cref="FlushConfigAsync"/>). <paramref name="change"/> returns
    /// the new configuration (or the same instance for no change) and a result for the caller.
    /// </summary>
    public T UpdateConfig<T>(Func<DeviceConfig, (DeviceConfig Config, T Result)> change, string? description = null)
    {
        using (_gate.Enter())
        {
            var (updated, result) = change(_config);
            if (!ReferenceEquals(updated, _config))
            {
                CommitConfig(updated with { Serial = Identity.Serial }, description ?? "configuration changed");
            }

            return result;
        }
    }

    /// <summary>
    /// Completes once every configuration change made before the call is on disk (never waited for
    /// under the gate). Await it before acknowledging a change: a VAPIX answer that says OK.
    /// </summary>
    public Task FlushConfigAsync() => _writer.FlushAsync();

    /// <summary>Replaces the configuration and hands it to the writer. Call under the gate.</summary>
    internal void CommitConfig(DeviceConfig updated, string description)
    {
        Volatile.Write(ref _config, updated);
        NetworkFace.Publish();
        _writer.Submit(_config);
        Timeline.Append(new ConfigChanged(description));
    }
}
