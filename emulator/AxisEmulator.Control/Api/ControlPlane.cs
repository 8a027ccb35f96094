using System.Globalization;
using AxisEmulator.Contracts;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Fleet;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AxisEmulator.Control.Api;

/// <summary>
/// What the control API drives: the emulator (clock, profiles, devices) and the devices' real
/// endpoints when the host runs listeners.
/// </summary>
public sealed class ControlPlane
{
    /// <summary>Longest a control call waits for the listeners to catch up before it answers anyway (wall time: it is about sockets).</summary>
    public static readonly TimeSpan SettleBound = TimeSpan.FromSeconds(10);

    public ControlPlane(Emulator emulator, IDeviceEndpoints? endpoints, ControlOptions options)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        ArgumentNullException.ThrowIfNull(options);
        Emulator = emulator;
        Endpoints = endpoints;
        Options = options;
    }

    public Emulator Emulator { get; }

    /// <summary>The devices' real listeners, when the host runs them.</summary>
    public IDeviceEndpoints? Endpoints { get; }

    public ControlOptions Options { get; }

    public SimulationClock Clock => Emulator.Clock;

    public bool TryGetDevice(string id, out Device camera)
    {
        if (Emulator.TryGet(id, out var found) && found is not null)
        {
            camera = found;
            return true;
        }

        camera = null!;
        return false;
    }

    /// <summary>404 for a device id, listing the devices there are.</summary>
    public ProblemHttpResult UnknownDevice(string id) =>
        Problems.UnknownId("device", id, [.. Emulator.Devices.Select(d => d.Id)], "GET /api/v1/devices lists them; POST /api/v1/devices adds one.");

    public DeviceState StateOf(Device camera) =>
        ContractMapping.ToState(camera.Snapshot(), Clock.GetUtcNow(), camera.Timeline.LastSequence, Endpoints);

    /// <summary>
    /// Waits (at most <see cref="SettleBound"/>) until every device listener has caught up with its
    /// device, so the answer a control call builds next is what a client connecting right after sees:
    /// a device reported listening accepts, one reported down refuses. Call it after the change and
    /// before reading the state to answer with; the wait goes out as <c>Server-Timing: settle;dur=ms</c>.
    /// </summary>
    public async Task SettleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (Endpoints is not { } endpoints)
        {
            return;
        }

        var wall = Clock.Wall; // sockets open and close in wall time
        var started = wall.GetTimestamp();
        string? unsettled = null;
        try
        {
            await endpoints.SettledAsync().WaitAsync(SettleBound, wall, http.RequestAborted);
        }
        catch (TimeoutException)
        {
            unsettled = "listeners still changing";
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // The listener set logs its own failures (a port taken); the state answered shows the listener closed.
            unsettled = "a listener failed to change";
        }

        var waited = wall.GetElapsedTime(started).TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
        http.Response.Headers.Append("Server-Timing", unsettled is null ? $"settle;dur={waited}" : $"settle;dur={waited};desc=\"{unsettled}\"");
    }
}
