using System.Collections.Concurrent;

namespace AxisEmulator.Core.Config;

/// <summary>Keeps nothing between runs: for ephemeral runs and tests.</summary>
public sealed class InMemoryDeviceStateStore : IDeviceStateStore
{
    private readonly ConcurrentDictionary<string, DeviceConfig> _configs = new(StringComparer.Ordinal);

    public DeviceConfig? Load(string deviceId) => _configs.GetValueOrDefault(deviceId);

    public void Save(string deviceId, DeviceConfig config) => _configs[deviceId] = config;

    public void Delete(string deviceId) => _configs.TryRemove(deviceId, out _);
}
