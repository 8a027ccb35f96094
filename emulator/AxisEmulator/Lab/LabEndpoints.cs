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

    /// <summary>In the lab a camera answers WS-Discovery on its own address at the protocol's port, while its listener is open.</summary>
    public int? WsDiscoveryPortOf(string deviceId) => listeners.IsOpen(deviceId) ? WsDiscovery.WsDiscoveryResponder.Port : null;

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
