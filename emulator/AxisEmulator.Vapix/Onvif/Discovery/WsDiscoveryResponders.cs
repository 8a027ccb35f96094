using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Vapix.Hosting;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.Onvif.Discovery;

/// <summary>
/// The unicast half of WS-Discovery: each device answers Probes on a UDP port of its own on loopback
/// (the camera's 3702 cannot be shared on one host), open while its network is up and closed when
/// it goes down, as its HTTP listener is. A matching Probe gets a ProbeMatch naming the device
/// service on the HTTP listener. Devices with <c>WebService.DiscoveryMode.Discoverable=No</c> stay silent.
/// </summary>
public sealed class WsDiscoveryResponders : IAsyncDisposable
{
    private readonly Emulator _emulator;
    private readonly VapixServices _services;
    private readonly DeviceListenerSet _listeners;
    private readonly ConcurrentDictionary<string, Responder> _open = new(StringComparer.Ordinal);

    private WsDiscoveryResponders(Emulator emulator, VapixServices services, DeviceListenerSet listeners)
    {
        _emulator = emulator;
        _services = services;
        _listeners = listeners;
    }

    /// <summary>Responders for every device of <paramref name="emulator"/>, present and future.</summary>
    public static WsDiscoveryResponders Start(Emulator emulator, VapixServices services, DeviceListenerSet listeners)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var responders = new WsDiscoveryResponders(emulator, services, listeners);
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
        device.PhaseChanged += OnPhase;
        OnPhase(device, device.Phase, device.Phase);
    }

    private void Unfollow(Device device)
    {
        device.PhaseChanged -= OnPhase;
        Close(device);
    }

    private void OnPhase(Device device, DevicePhase from, DevicePhase to)
    {
        if (to.HasNetwork())
        {
            _open.GetOrAdd(device.Id, _ => new Responder(device, () => Target(device)));
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

    /// <summary>What the device says now (null: it is not discoverable or has no HTTP listener yet).</summary>
    private DiscoveryTarget? Target(Device device)
    {
        var view = _services.DeviceFor(device).View();
        if (string.Equals(view.Tree["WebService.DiscoveryMode.Discoverable"], "no", StringComparison.OrdinalIgnoreCase)
            || _listeners.EndpointOf(device.Id) is not { } endpoint)
        {
            return null;
        }

        var xaddr = new Uri(endpoint, DeviceServiceOperations.DevicePath).ToString();
        return new DiscoveryTarget(DiscoveryTarget.EndpointOf(device.Serial), OnvifScopes.All(view), [xaddr]);
    }

    /// <summary>One device's socket and its receive loop.</summary>
    private sealed class Responder : IAsyncDisposable
    {
        private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private readonly Func<DiscoveryTarget?> _target;
        private readonly long _instanceId;
        private long _messageNumber;

        public Responder(Device device, Func<DiscoveryTarget?> target)
        {
            _target = target;

            // The boot's instance: AppSequence InstanceId changes when the device restarts (WS-Discovery §7).
            _instanceId = Math.Abs((long)(device.BootId ?? device.Serial).GetHashCode(StringComparison.Ordinal)) + 1;
            Port = ((IPEndPoint)_socket.Client.LocalEndPoint!).Port;
            _loop = Task.Run(ReceiveAsync);
        }

        public int Port { get; }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
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

                if (ProbeMessage.Parse(datagram.Buffer) is { } probe && _target() is { } target && probe.Matches(target.Scopes))
                {
                    var answer = DiscoveryMessages.ProbeMatches(target, probe.MessageId, _instanceId, Interlocked.Increment(ref _messageNumber));
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
