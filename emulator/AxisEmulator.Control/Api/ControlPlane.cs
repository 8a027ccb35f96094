using System.Collections.Concurrent;
using System.Globalization;
using AxisEmulator.Contracts;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Fleet;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AxisEmulator.Control.Api;

/// <summary>
/// What the control API drives: the emulator (clock, profiles, devices), the devices' real
/// endpoints when the host runs listeners, and the button holds in progress.
/// </summary>
public sealed class ControlPlane : IDisposable
{
    private readonly ConcurrentDictionary<string, PendingHold> _holds = new(StringComparer.Ordinal);

    /// <summary>Longest a control call waits for the listeners to catch up before it answers anyway (wall time: it is about sockets).</summary>
    public static readonly TimeSpan SettleBound = TimeSpan.FromSeconds(10);

    public ControlPlane(Emulator emulator, IDeviceEndpoints? endpoints, ControlOptions options)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        ArgumentNullException.ThrowIfNull(options);
        Emulator = emulator;
        Endpoints = endpoints;
        Options = options;
        Emulator.DeviceRemoved += OnDeviceRemoved;
    }

    public Emulator Emulator { get; }

    /// <summary>The devices' real listeners, when the host runs them.</summary>
    public IDeviceEndpoints? Endpoints { get; }

    public ControlOptions Options { get; }

    public SimulationClock Clock => Emulator.Clock;

    public bool TryGetDevice(string id, out Camera camera)
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

    public DeviceState StateOf(Camera camera) =>
        ContractMapping.ToState(camera.Snapshot(), Clock.GetUtcNow(), camera.Timeline.LastSequence, Endpoints, ReleaseAt(camera));

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

        var wall = TimeProvider.System; // clock-ok: sockets open and close in wall time
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

    /// <summary>Presses the button now and schedules the release <paramref name="duration"/> later on the simulation clock.</summary>
    public DateTimeOffset Hold(Camera camera, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(camera);
        CancelHold(camera);
        camera.PressButton();
        var hold = new PendingHold(camera);
        hold.Release = Clock.Schedule(duration, () =>
        {
            // The entry is removed before releasing, so a state read during the release shows no hold pending.
            _holds.TryRemove(new KeyValuePair<string, PendingHold>(camera.Id, hold));
            camera.ReleaseButton();
        });
        _holds[camera.Id] = hold;
        return hold.Release.Due;
    }

    /// <summary>Forgets a hold in progress (a press, release or new hold replaces it); the button stays as it is.</summary>
    public void CancelHold(Camera camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        if (_holds.TryRemove(camera.Id, out var hold))
        {
            hold.Release?.Cancel();
        }
    }

    public DateTimeOffset? ReleaseAt(Camera camera) =>
        _holds.TryGetValue(camera.Id, out var hold) && ReferenceEquals(hold.Camera, camera) && hold.Release is { IsCancelled: false, HasRun: false } release
            ? release.Due
            : null;

    public void Dispose()
    {
        Emulator.DeviceRemoved -= OnDeviceRemoved;
        foreach (var hold in _holds.Values)
        {
            hold.Release?.Cancel();
        }

        _holds.Clear();
    }

    private void OnDeviceRemoved(Camera camera)
    {
        if (_holds.TryGetValue(camera.Id, out var hold) && ReferenceEquals(hold.Camera, camera))
        {
            CancelHold(camera);
        }
    }

    private sealed class PendingHold(Camera camera)
    {
        public Camera Camera { get; } = camera;

        public ScheduledEvent? Release { get; set; }
    }
}
