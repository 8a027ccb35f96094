namespace AxisEmulator.Core.Config;

/// <summary>
/// Where devices keep their configuration between emulator runs. <see cref="Save"/> returns once
/// the configuration is durable. Each device's <see cref="DeviceConfigWriter"/> is the only one to
/// save under its id, one write at a time; different devices save at the same time, so a store
/// shares no lock between ids.
/// </summary>
public interface IDeviceStateStore
{
    DeviceConfig? Load(string deviceId);

    void Save(string deviceId, DeviceConfig config);

    void Delete(string deviceId);
}
