using AxisEmulator.Core.Fleet;
using AxisEmulator.Vapix.Hosting;
using AxisEmulator.Vapix.Onvif.Discovery;

namespace AxisEmulator.Hosting;

/// <summary>The devices' endpoints on loopback: the listeners' view, with each device's unicast WS-Discovery port beside it.</summary>
internal sealed class LoopbackEndpoints(DeviceListenerSet listeners, WsDiscoveryResponders discovery) : IDeviceEndpoints
{
    public Uri? EndpointOf(string deviceId) => listeners.EndpointOf(deviceId);

    public bool IsOpen(string deviceId) => listeners.IsOpen(deviceId);

    public Uri? HttpsEndpointOf(string deviceId) => listeners.HttpsEndpointOf(deviceId);

    public bool IsHttpsOpen(string deviceId) => listeners.IsHttpsOpen(deviceId);

    public int? WsDiscoveryPortOf(string deviceId) => discovery.PortOf(deviceId);

    public Task SettledAsync(string deviceId) => listeners.SettledAsync(deviceId);

    public Task SettledAsync() => listeners.SettledAsync();
}
