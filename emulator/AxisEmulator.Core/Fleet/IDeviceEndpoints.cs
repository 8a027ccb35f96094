namespace AxisEmulator.Core.Fleet;

/// <summary>
/// The devices' real network face as the host runs it (their listeners): where a client reaches a
/// device and whether its listener is open right now. Core defines the port; the host wires it to
/// the listeners, so the control plane needs no knowledge of how they are built.
/// </summary>
public interface IDeviceEndpoints
{
    /// <summary>Where the device answers, once known (after it first opened, or up front for fixed ports); null otherwise.</summary>
    Uri? EndpointOf(string deviceId);

    /// <summary>The device's listener accepts connections right now.</summary>
    bool IsOpen(string deviceId);

    /// <summary>Where the device answers HTTPS, once known; null otherwise (or when the host runs no HTTPS).</summary>
    Uri? HttpsEndpointOf(string deviceId) => null;

    /// <summary>The device's HTTPS listener accepts connections right now.</summary>
    bool IsHttpsOpen(string deviceId) => false;

    /// <summary>The UDP port the device answers WS-Discovery Probes on right now; null while its network is down (or when the host runs none).</summary>
    int? WsDiscoveryPortOf(string deviceId) => null;

    /// <summary>
    /// Completes once the device's face has finished what it was last asked: the actions a request
    /// deferred past its answer (a restart, a factory default) have run, and its listener has caught
    /// up with the device. A client that got an answer looks again only after this, as a real one
    /// would find the camera.
    /// </summary>
    Task SettledAsync(string deviceId);

    /// <summary>
    /// Completes once every listener has caught up with every change its device made before the call
    /// (opened or closed, also for devices removed meanwhile): from then on, what the devices report
    /// is what a client connecting sees.
    /// </summary>
    Task SettledAsync();
}
