using AxisEmulator.Core.Fleet;
using AxisEmulator.Vapix.Hosting;

namespace AxisEmulator.Lab;

/// <summary>The devices' endpoints in the lab: the listeners' view, with "settled" also waiting for each camera's link and addresses.</summary>
internal sealed class LabEndpoints(DeviceListenerSet listeners, NetworkLab lab) : IDeviceEndpoints
{
    public Uri? EndpointOf(string deviceId) => listeners.EndpointOf(deviceId);

    public bool IsOpen(string deviceId) => listeners.IsOpen(deviceId);

    public Uri? HttpsEndpointOf(string deviceId) => listeners.HttpsEndpointOf(deviceId);

    public bool IsHttpsOpen(string deviceId) => listeners.IsHttpsOpen(deviceId);

    public async Task SettledAsync(string deviceId)
    {
        await listeners.SettledAsync(deviceId);
        await lab.SettledAsync(deviceId);
    }

    public async Task SettledAsync()
    {
        await listeners.SettledAsync();
        await lab.SettledAsync();
    }
}
