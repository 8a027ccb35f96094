using AxisEmulator.Core.Devices;

namespace AxisEmulator.Control.Scenarios;

/// <summary>
/// Sends the requests of <c>vapix</c> steps to a device. The real implementation talks HTTP to the
/// device's loopback listener (serve mode, the CLI <c>run</c> command); without one, scenarios that
/// require VAPIX are reported as skipped and a stray <c>vapix</c> step fails with an explanation.
/// </summary>
/// <remarks>
/// The runner calls it between clock advances, with simulated time standing still; the device's own
/// effects of the request (a factory default, a new user) are expected to be done by the time the
/// returned task completes, as they are for a real HTTP round trip. Connection failures (the listener
/// is closed) should be thrown as exceptions: the step fails with their message.
/// </remarks>
public interface IScenarioVapixClient
{
    Task<ScenarioVapixResponse> SendAsync(Device device, ScenarioVapixRequest request, CancellationToken cancellationToken);
}
