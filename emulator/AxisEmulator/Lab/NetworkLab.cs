using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Vapix.Hosting;
using Microsoft.Extensions.Logging;

namespace AxisEmulator.Lab;

/// <summary>
/// <c>serve --network lab</c>: every camera in a network namespace of its own, one interface whose
/// MAC is its serial, joined by a veth pair to one bridge; the kernel does ARP, TCP and multicast for
/// real and nothing leaves the lab's namespaces (nothing is added to the host's). The device
/// listeners are placed through <see cref="Place"/>: port 80 of the camera's own address, the
/// socket made in its namespace.
/// </summary>
public sealed class NetworkLab : IAsyncDisposable
{
    /// <summary>VAPIX's port on a camera's own address.</summary>
    public const int HttpPort = 80;

    private readonly Emulator _emulator;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, LabPort> _ports = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, bool> _removals = new();
    private int _nextIndex;
    private Dhcp.LabDhcpServer? _dhcpServer;

    private NetworkLab(LabNames names, Emulator emulator, ILoggerFactory loggerFactory)
    {
        Names = names;
        _emulator = emulator;
        _logger = loggerFactory.CreateLogger<NetworkLab>();
        emulator.DeviceRemoved += OnDeviceRemoved;
    }

    public LabNames Names { get; }

    /// <summary>The listener set's "settled" for a device: a link goes down only once its listener has closed.</summary>
    public Func<string, Task> ListenerSettled { get; set; } = _ => Task.CompletedTask;

    /// <summary>The VAPIX server's services, which the cameras' WS-Discovery describes their device service by (set once the listeners exist).</summary>
    public Vapix.Server.VapixServices? Vapix { get; set; }

    /// <summary>The RFC 5227 waits of cameras plugged in from now on (tests shorten them: they are wall time).</summary>
    internal Arp.ArpTiming ArpTiming { get; set; } = Arp.ArpTiming.Rfc5227;

    /// <summary>Checks the privileges, clears what a crashed run of the same lab left, and builds the segment.</summary>
    public static NetworkLab Start(LabNames names, Emulator emulator, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(emulator);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        LabPrivileges.Demand();
        if (Dhcp.LabDhcpServer.WhyNotUsable(emulator.Lan) is { } unusable)
        {
            throw new LabUnavailableException(unusable);
        }

        LabSegment.Create(names);
        var lab = new NetworkLab(names, emulator, loggerFactory);
        if (emulator.Lan.DhcpEnabled)
        {
            lab._dhcpServer = Dhcp.LabDhcpServer.Start(names, emulator.Lan, lab._logger);
        }

        return lab;
    }

    /// <summary>The namespace a device lives in (null for one the lab does not hold).</summary>
    public string? NamespaceOf(string deviceId) => _ports.TryGetValue(deviceId, out var port) ? port.Namespace : null;

    /// <summary>Plugs a new device into the segment and says where its listener goes.</summary>
    public DevicePlacement Place(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var port = new LabPort(Names, Interlocked.Increment(ref _nextIndex), device, id => ListenerSettled(id), _emulator.Clock.Wall, ArpTiming, _logger, () => Vapix);
        _ports[device.Id] = port;
        return new DevicePlacement(
            IPAddress.Any,
            HttpPort,
            family => NetworkNamespace.Create(port.Namespace, () => new Socket(family, SocketType.Stream, ProtocolType.Tcp)),
            () => port.Endpoint);
    }

    /// <summary>The DHCP lease a device's client holds on the segment now, or null.</summary>
    public System.Net.IPAddress? LeaseOf(string deviceId) => _ports.TryGetValue(deviceId, out var port) ? port.Lease?.Address : null;

    /// <summary>Completes with the first DHCP lease a device's client gets on the segment: its address and the server that gave it.</summary>
    internal Task<Dhcp.DhcpLease> FirstLeaseAsync(string deviceId) => _ports.TryGetValue(deviceId, out var port) ? port.FirstLease : Task.FromException<Dhcp.DhcpLease>(new KeyNotFoundException(deviceId));

    /// <summary>Completes when the device's link and addresses match it.</summary>
    public Task SettledAsync(string deviceId) => _ports.TryGetValue(deviceId, out var port) ? port.Settled : Task.CompletedTask;

    public Task SettledAsync() => Task.WhenAll([.. _ports.Values.Select(p => p.Settled), .. _removals.Keys]);

    /// <summary>Removes every namespace of the lab (the devices' listeners are closed first, by their owner).</summary>
    public async ValueTask DisposeAsync()
    {
        _emulator.DeviceRemoved -= OnDeviceRemoved;
        foreach (var port in _ports.Values)
        {
            await port.RemoveAsync().ContinueWith(_ => { }, TaskScheduler.Default);
        }

        await Task.WhenAll(_removals.Keys).ContinueWith(_ => { }, TaskScheduler.Default);
        if (_dhcpServer is { } server)
        {
            await server.DisposeAsync();
        }

        LabSegment.Remove(Names);
    }

    private void OnDeviceRemoved(Device device)
    {
        if (_ports.TryRemove(device.Id, out var port))
        {
            var removal = port.RemoveAsync();
            _removals[removal] = true;
            removal.ContinueWith(t => _removals.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }
}
