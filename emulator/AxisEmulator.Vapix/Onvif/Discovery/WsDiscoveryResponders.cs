using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Vapix.Hosting;
using AxisEmulator.Vapix.Server;
using Microsoft.Extensions.Logging;

namespace AxisEmulator.Vapix.Onvif.Discovery;

/// <summary>
/// The unicast half of WS-Discovery: each device answers Probes on a UDP port of its own on loopback
/// (the camera's 3702 cannot be shared on one host: the layout's range, or with a shared port that
/// port on the device's own 127.0.x.y), open while its network is up and closed when it goes down,
/// as its HTTP listener is. A matching Probe gets a ProbeMatch naming the device
/// service on the HTTP listener. Devices with <c>WebService.DiscoveryMode.Discoverable=No</c> stay silent.
/// </summary>
public sealed class WsDiscoveryResponders : IAsyncDisposable
{
    private readonly Emulator _emulator;
    private readonly VapixServices _services;
    private readonly DeviceListenerSet _listeners;
    private readonly ListenerLayout _layout;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Responder> _open = new(StringComparer.Ordinal);

    /// <summary>Each device's place in the range, in the order the listeners number them (by arrival).</summary>
    private readonly ConcurrentDictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private int _nextIndex;

    private WsDiscoveryResponders(Emulator emulator, VapixServices services, DeviceListenerSet listeners, ListenerLayout layout)
    {
        _emulator = emulator;
        _services = services;
        _listeners = listeners;
        _layout = layout;
        _logger = services.LoggerFactory.CreateLogger<WsDiscoveryResponders>();
    }

    /// <summary>Responders for every device of <paramref name="emulator"/>, present and future, on the ports <paramref name="layout"/> gives (null: free loopback ports).</summary>
    public static WsDiscoveryResponders Start(Emulator emulator, VapixServices services, DeviceListenerSet listeners, ListenerLayout? layout = null)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        ArgumentNullException.ThrowIfNull(services);
        var responders = new WsDiscoveryResponders(emulator, services, listeners, layout ?? new ListenerLayout());
        emulator.DeviceAdded += responders.Follow;
        emulator.DeviceRemoved += responders.Unfollow;
        foreach (var device in emulator.Devices)
        {
            responders.Follow(device);
        }

        return responders;
    }

    /// <summary>The UDP port answering Probes for the device, or null while its network is down.</summary>
    public int? PortOf(string deviceId) => _open.TryGetValue(deviceId, out var responder) ? responder.Port : null;

    /// <summary>The port the device's range gives it, open or not (null with free ports or for an unknown device).</summary>
    public int? FixedPortOf(string deviceId) =>
        _layout.WsDiscoveryBasePort != 0 && _indexes.TryGetValue(deviceId, out var index)
            ? (_layout.SharedPort is null ? _layout.WsDiscoveryBasePort + index - 1 : _layout.WsDiscoveryBasePort)
            : null;

    public async ValueTask DisposeAsync()
    {
        _emulator.DeviceAdded -= Follow;
        _emulator.DeviceRemoved -= Unfollow;
        foreach (var device in _emulator.Devices)
        {
            device.PhaseChanged -= OnPhase;
        }

        foreach (var id in _open.Keys)
        {
            if (_open.TryRemove(id, out var responder))
            {
                await responder.DisposeAsync();
            }
        }
    }

    private void Follow(Device device)
    {
        _indexes.GetOrAdd(device.Id, _ => Interlocked.Increment(ref _nextIndex));
        device.PhaseChanged += OnPhase;
        OnPhase(device, device.Phase, device.Phase);
    }

    private void Unfollow(Device device)
    {
        device.PhaseChanged -= OnPhase;
        _indexes.TryRemove(device.Id, out _);
        Close(device);
    }

    private void OnPhase(Device device, DevicePhase from, DevicePhase to)
    {
        if (to.HasNetwork())
        {
            if (!_open.ContainsKey(device.Id))
            {
                try
                {
                    _open.GetOrAdd(device.Id, _ => new Responder(BindingOf(device), DiscoverableDevice.For(_services, device, () => _listeners.EndpointOf(device.Id) is { } endpoint ? [endpoint] : [])));
                }
                catch (SocketException ex)
                {
                    _logger.LogError("{Device}: could not open WS-Discovery on {Endpoint}: {Error}", device.Id, BindingOf(device), ex.SocketErrorCode);
                }
            }
        }
        else
        {
            Close(device);
        }
    }

    private void Close(Device device)
    {
        if (_open.TryRemove(device.Id, out var responder))
        {
            _ = responder.DisposeAsync().AsTask();
        }
    }

    /// <summary>Where the device's Probe socket binds: the range's port on loopback (or the bind address), or the shared port on its own address.</summary>
    private IPEndPoint BindingOf(Device device)
    {
        var port = FixedPortOf(device.Id) ?? 0;
        if (_layout.SharedPort is not null)
        {
            var own = _listeners.EndpointOf(device.Id) is { } endpoint && IPAddress.TryParse(endpoint.Host, out var address) ? address : IPAddress.Loopback;
            return new IPEndPoint(own, port);
        }

        return new IPEndPoint(_layout.BindAddress ?? IPAddress.Loopback, port);
    }

    /// <summary>One device's socket and its receive loop.</summary>
    private sealed class Responder : IAsyncDisposable
    {
        private readonly UdpClient _socket;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private readonly DiscoverableDevice _device;

        public Responder(IPEndPoint binding, DiscoverableDevice device)
        {
            _socket = new UdpClient(binding);
            _device = device;
            Port = ((IPEndPoint)_socket.Client.LocalEndPoint!).Port;
            _loop = Task.Run(ReceiveAsync);
        }

        public int Port { get; }

        public async ValueTask DisposeAsync()
        {
            // Synchronously, so a fixed port is free again before the device's next boot binds it.
            _stop.Cancel();
            _socket.Dispose();
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _stop.Dispose();
        }

        private async Task ReceiveAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                UdpReceiveResult datagram;
                try
                {
                    datagram = await _socket.ReceiveAsync(_stop.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }

                if (_device.AnswerTo(datagram.Buffer) is { } answer)
                {
                    try
                    {
                        await _socket.SendAsync(answer, datagram.RemoteEndPoint, _stop.Token);
                    }
                    catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
                    {
                        return;
                    }
                }
            }
        }
    }
}
