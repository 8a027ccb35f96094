using System.Collections.Concurrent;
using System.Net;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Network;
using AxisEmulator.Vapix.Https;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AxisEmulator.Vapix.Hosting;

/// <summary>How device listeners are laid out (on loopback unless <see cref="ListenerLayout.BindAddress"/> says otherwise).</summary>
public sealed record ListenerLayout
{
    /// <summary>First port of the range on <see cref="BindAddress"/> (device n gets base + n); 0 picks free ports.</summary>
    public int BasePort { get; init; }

    /// <summary>
    /// Where the base-port range binds; null is 127.0.0.1. Set explicitly it may be any address
    /// (0.0.0.0 in a container whose device ports are published). Not used with <see cref="SharedPort"/>.
    /// </summary>
    public IPAddress? BindAddress { get; init; }

    /// <summary>When set, each device gets its own loopback address 127.0.x.y on this one port.</summary>
    public int? SharedPort { get; init; }

    /// <summary>
    /// First port of the HTTPS range beside <see cref="BasePort"/> (device n gets base + n); 0 picks
    /// free ports. With <see cref="SharedPort"/>: the one HTTPS port of every device's own address.
    /// </summary>
    public int HttpsBasePort { get; init; }

    /// <summary>
    /// First UDP port of the unicast WS-Discovery range (device n gets base + n); 0 picks free ports.
    /// With <see cref="SharedPort"/>: the one WS-Discovery port of every device's own address.
    /// </summary>
    public int WsDiscoveryBasePort { get; init; }

    /// <summary>
    /// Puts a device's listener somewhere other than this machine's loopback (the network lab: port 80
    /// of the device's own address, in its own network namespace); null: the layout above.
    /// </summary>
    public Func<Device, DevicePlacement>? Place { get; init; }

    /// <summary>What each camera's listener bounds (body size, connections, slow clients); Apache's defaults unless a test shrinks them.</summary>
    public DeviceServerLimits Limits { get; init; } = DeviceServerLimits.Default;
}

/// <summary>
/// Opens and closes each device's listener as its network comes and goes; one
/// <see cref="DeviceHttpServer"/> serves the connections of all of them. The device raises its
/// event under its gate; the socket work happens afterwards, one operation at a time per device,
/// always converging on the device's latest state.
/// </summary>
public sealed class DeviceListenerSet : IDeviceEndpoints, IAsyncDisposable
{
    private readonly Emulator _emulator;
    private readonly Func<Device, RequestDelegate> _handlerFor;
    private readonly Func<Device, Task>? _deferredWorkOf;
    private readonly ListenerLayout _layout;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    /// <summary>Listeners of removed devices still closing: "settled" waits for them too.</summary>
    private readonly ConcurrentDictionary<Slot, Task> _retiring = new();
    private readonly DeviceHttpServer _server;
    private int _nextIndex;

    /// <param name="deferredWorkOf">
    /// What a device's handler still has to do after an answer (the VAPIX server's restarts and factory
    /// defaults), which a device's "settled" waits for before its listener; null when it defers nothing.
    /// </param>
    public DeviceListenerSet(Emulator emulator, Func<Device, RequestDelegate> handlerFor, ListenerLayout? layout = null, ILoggerFactory? loggerFactory = null, Func<Device, Task>? deferredWorkOf = null)
    {
        _emulator = emulator;
        _handlerFor = handlerFor;
        _deferredWorkOf = deferredWorkOf;
        _layout = layout ?? new ListenerLayout();
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<DeviceListenerSet>();
        _server = new DeviceHttpServer(emulator.Clock.Wall, _loggerFactory, _layout.Limits);
        foreach (var device in emulator.Devices)
        {
            Attach(device);
        }

        emulator.DeviceAdded += Attach;
        emulator.DeviceRemoved += Detach;
    }

    /// <summary>The device's endpoint (known once it first opened, or up front for fixed ports).</summary>
    public Uri? EndpointOf(string deviceId) => _slots.TryGetValue(deviceId, out var slot) ? slot.Endpoint : null;

    public bool IsOpen(string deviceId) => _slots.TryGetValue(deviceId, out var slot) && slot.Listener.IsOpen;

    /// <summary>The device's HTTPS endpoint (known once it first opened, or up front for fixed ports).</summary>
    public Uri? HttpsEndpointOf(string deviceId) => _slots.TryGetValue(deviceId, out var slot) ? slot.HttpsEndpoint : null;

    public bool IsHttpsOpen(string deviceId) => _slots.TryGetValue(deviceId, out var slot) && slot.Https.IsOpen;

    /// <summary>Completes when the device's deferred work is done and its listener matches its network state (tests and tools wait on this).</summary>
    public Task SettledAsync(string deviceId)
    {
        if (!_slots.TryGetValue(deviceId, out var slot))
        {
            return Task.CompletedTask;
        }

        return _deferredWorkOf?.Invoke(slot.Camera) is { IsCompleted: false } deferred ? AfterAsync(deferred, slot) : slot.Settled;

        // The deferred work (a restart) changes the device, so the listener's convergence is read after it.
        static async Task AfterAsync(Task deferred, Slot slot)
        {
            await deferred;
            await slot.Settled;
        }
    }

    /// <summary>Completes when every listener matches its device, and the listeners of removed devices are closed.</summary>
    public Task SettledAsync()
    {
        var pending = new List<Task>();
        foreach (var slot in _slots.Values)
        {
            if (slot.Settled is { IsCompleted: false } settling)
            {
                pending.Add(settling);
            }
        }

        foreach (var retiring in _retiring.Values)
        {
            if (!retiring.IsCompleted)
            {
                pending.Add(retiring);
            }
        }

        return pending.Count == 0 ? Task.CompletedTask : Task.WhenAll(pending);
    }

    public async ValueTask DisposeAsync()
    {
        _emulator.DeviceAdded -= Attach;
        _emulator.DeviceRemoved -= Detach;
        foreach (var slot in _slots.Values)
        {
            slot.Camera.ListeningChanged -= OnListeningChanged;
            slot.Camera.Timeline.Appended -= slot.OnTimeline;
            await slot.Stop();
        }

        await _server.DisposeAsync();
    }

    private void Attach(Device camera)
    {
        var index = Interlocked.Increment(ref _nextIndex);
        var handler = _handlerFor(camera);
        var certificate = DeviceCertificates.For(camera);
        if (_layout.Place is { } place)
        {
            var placement = place(camera);
            var http = new DeviceListener(placement.BindAddress, placement.Port, handler, _loggerFactory, allowNonLoopback: true, server: _server, createSocket: placement.CreateSocket);
            var https = new DeviceListener(placement.BindAddress, DeviceCertificates.HttpsPort(camera), handler, _loggerFactory, allowNonLoopback: true, server: _server, createSocket: placement.CreateSocket, certificate: certificate);
            AttachSlot(new Slot(camera, http, https, _logger, placement.Endpoint, () => DeviceCertificates.HttpsOf(placement.Endpoint(), https.Port), () => DeviceCertificates.HttpsPort(camera)));
            return;
        }

        // On loopback the HTTPS port is the one this layout allocated, whatever HTTPS.Port says: the
        // range stands for each camera's own address (as a port forward would), HTTPS.Port=8443 on
        // one camera could be another camera's allocated port, and tools find the real port in
        // network.httpsEndpoint anyway. HTTPS.Port moves the listener only where the camera has its
        // own address with real ports (the network lab).

        var (address, port, httpsPort) = _layout.SharedPort is { } shared
            ? (new IPAddress([127, 0, (byte)(index / 250), (byte)(1 + (index % 250))]), shared, _layout.HttpsBasePort)
            : (_layout.BindAddress ?? IPAddress.Loopback, PortOf(_layout.BasePort, index), PortOf(_layout.HttpsBasePort, index));
        var explicitBind = _layout.SharedPort is null && _layout.BindAddress is not null;
        var listener = new DeviceListener(address, port, handler, _loggerFactory, allowNonLoopback: explicitBind, server: _server);
        var tls = new DeviceListener(address, httpsPort, handler, _loggerFactory, allowNonLoopback: explicitBind, server: _server, certificate: certificate);
        AttachSlot(new Slot(camera, listener, tls, _logger));
    }

    private static int PortOf(int basePort, int index) => basePort == 0 ? 0 : basePort + index - 1;

    private void AttachSlot(Slot slot)
    {
        var camera = slot.Camera;
        if (_slots.TryAdd(camera.Id, slot))
        {
            camera.ListeningChanged += OnListeningChanged;
            camera.Timeline.Appended += slot.OnTimeline;
            slot.Converge();
        }
    }

    private void Detach(Device camera)
    {
        if (_slots.TryRemove(camera.Id, out var slot))
        {
            camera.ListeningChanged -= OnListeningChanged;
            camera.Timeline.Appended -= slot.OnTimeline;
            var stopping = slot.Stop();
            _retiring[slot] = stopping;
            stopping.ContinueWith(_ => _retiring.TryRemove(slot, out var _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private void OnListeningChanged(Device camera, bool listening)
    {
        if (_slots.TryGetValue(camera.Id, out var slot))
        {
            slot.Converge();
        }
    }

    /// <param name="httpsPort">The port HTTPS should be on now (<c>HTTPS.Port</c>); null: it stays where it was first bound.</param>
    private sealed class Slot(Device camera, DeviceListener listener, DeviceListener https, ILogger logger, Func<Uri?>? endpoint = null, Func<Uri?>? httpsEndpoint = null, Func<int>? httpsPort = null)
    {
        private readonly object _sync = new();
        private Task _chain = Task.CompletedTask;
        private bool _stopped;

        public Device Camera { get; } = camera;

        public DeviceListener Listener { get; } = listener;

        public DeviceListener Https { get; } = https;

        public Uri? Endpoint => endpoint is null ? Listener.Endpoint : endpoint();

        public Uri? HttpsEndpoint => httpsEndpoint is null ? Https.Endpoint : httpsEndpoint();

        /// <summary>A configuration change may turn HTTPS on or off (<c>HTTPS.Enabled</c>) or move it (<c>HTTPS.Port</c>).</summary>
        public void OnTimeline(Core.Events.TimelineEntry entry)
        {
            if (entry.Event is Core.Events.ConfigChanged && (DeviceCertificates.HttpsEnabled(Camera) != Https.IsOpen || HttpsMoved))
            {
                Converge();
            }
        }

        /// <summary>HTTPS is bound elsewhere than <c>HTTPS.Port</c> says (only where the port follows it).</summary>
        private bool HttpsMoved => httpsPort is not null && httpsPort() != Https.Port;

        public Task Settled
        {
            get { lock (_sync) { return _chain; } }
        }

        public void Converge()
        {
            lock (_sync)
            {
                _chain = _chain.ContinueWith(_ => ApplyAsync(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            }
        }

        public Task Stop()
        {
            lock (_sync)
            {
                _stopped = true;
                _chain = _chain.ContinueWith(_ => Task.WhenAll(Listener.CloseAsync(), Https.CloseAsync()), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
                return _chain;
            }
        }

        private async Task ApplyAsync()
        {
            var close = Camera.ListenerClose;
            var wanted = !_stopped && close == ListenerClose.Open;
            await ApplyAsync(Listener, wanted, close, Endpoint);
            var https = wanted && DeviceCertificates.HttpsEnabled(Camera);
            if (https)
            {
                _ = Camera.HttpsCertificate; // made (and stored) as the unit first serves HTTPS, not at the first handshake
            }

            if (HttpsMoved)
            {
                // Like the unit's web server restarting on its new port: the old one closes gracefully first.
                await ApplyAsync(Https, false, ListenerClose.Orderly, HttpsEndpoint);
                Https.MoveTo(httpsPort!());
            }

            await ApplyAsync(Https, https, close, HttpsEndpoint);
        }

        private async Task ApplyAsync(DeviceListener target, bool wanted, ListenerClose close, Uri? reported)
        {
            try
            {
                if (wanted && !target.IsOpen)
                {
                    await target.OpenAsync();
                    logger.LogInformation("{Device} listening on {Endpoint}", Camera.Id, reported ?? target.Endpoint);
                }
                else if (!wanted && target.IsOpen)
                {
                    // A device going through a reboot closes like Apache's graceful stop; a power cut, a brick
                    // or a pulled cable just drops everything. The device says which (it may be further along by now).
                    await target.CloseAsync(graceful: close == ListenerClose.Orderly);
                    logger.LogInformation("{Device} listener closed ({Endpoint})", Camera.Id, target.Endpoint);
                }
            }
            catch (IOException ex)
            {
                logger.LogError(ex, "{Device}: could not open {Address}:{Port}", Camera.Id, target.Address, target.Port);
            }
        }
    }
}
