using System.Globalization;
using System.Net;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Network;
using AxisEmulator.Lab.Arp;
using AxisEmulator.Lab.Dhcp;
using AxisEmulator.Lab.Discovery;
using Microsoft.Extensions.Logging;

namespace AxisEmulator.Lab;

/// <summary>
/// One camera on the segment: its namespace, its eth0 (MAC = serial) on a port of the bridge, and
/// the carrier and addresses following the device. The link is up exactly while the device's
/// listener should be open (network up, powered, not bricked, cable in); going down waits for the
/// listener to close first, so a reboot's graceful close still reaches its clients. Addresses are
/// the ones the device's addressing chose, applied to the interface; on DHCP a real client runs on
/// eth0 while the link is up, and its lease replaces the address (released on an orderly shutdown,
/// kept on a power cut, as a real unit does). Every new address is probed first (RFC 5227, by
/// <see cref="ArpGuard"/>) and announced once on eth0; another host claiming it is reported to the
/// device as an IP conflict, and the address is used all the same, as an Axis unit with its
/// factory settings does (hardware-facts §3: conflict detection is off by default). Work runs one step at a time,
/// off the thread that told the change, always converging on the device's latest state.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The ARP guard lives while the link is up: disposed when it goes down and by RemoveAsync.")]
internal sealed class LabPort
{
    private readonly Device _device;
    private readonly string _namespace;
    private readonly Func<string, Task> _listenerSettled;
    private readonly ILogger _logger;
    private readonly Lock _sync = new();
    private Task _chain = Task.CompletedTask;
    private bool _removed;
    private bool _carrier;
    private string[] _applied = [];
    private readonly TimeProvider _wall;
    private DhcpClient? _dhcpClient;
    private CancellationTokenSource? _dhcpStop;
    private Task _dhcp = Task.CompletedTask;
    private DhcpLease? _lease;
    private readonly TaskCompletionSource<DhcpLease> _firstLease = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ArpTiming _arpTiming;
    private ArpGuard? _guard;
    private IReadOnlyList<IDiscoveryResponder> _discovery = [];
    private readonly Func<Vapix.Server.VapixServices?> _vapix;

    public LabPort(LabNames names, int index, Device device, Func<string, Task> listenerSettled, TimeProvider wall, ArpTiming arpTiming, ILogger logger, Func<Vapix.Server.VapixServices?>? vapix = null)
    {
        _vapix = vapix ?? (() => null);
        _device = device;
        _arpTiming = arpTiming;
        _wall = wall;
        _namespace = names.Camera(index);
        _listenerSettled = listenerSettled;
        _logger = logger;
        LabSegment.AddNamespace(_namespace);
        LabSegment.Plug(names, _namespace, "cam" + index.ToString(CultureInfo.InvariantCulture), MacOf(device.Serial));
        device.ListeningChanged += OnListeningChanged;
        Converge();
    }

    public string Namespace => _namespace;

    public Task Settled
    {
        get { lock (_sync) { return _chain; } }
    }

    /// <summary>The camera's reported endpoint: port 80 of its address (null before it has one).</summary>
    public Uri? Endpoint => _device.Addressing.IpAddress is { } address ? new Uri($"http://{address}/") : null;

    /// <summary>The MAC a serial is (Axis: the serial is the MAC, DESIGN §4.5), as ip writes it.</summary>
    public static string MacOf(string serial) => MacAddress.Of(serial) ?? throw new ArgumentException($"serial '{serial}' is not 12 hex digits, so it is no MAC", nameof(serial));

    /// <summary>Stops following the device and deletes its namespace (with its interface and the bridge port).</summary>
    public Task RemoveAsync()
    {
        _device.ListeningChanged -= OnListeningChanged;
        lock (_sync)
        {
            _removed = true;
            _chain = _chain.ContinueWith(
                async _ =>
                {
                    await StopDhcpAsync(release: false);
                    await StopDiscoveryAsync(goodbye: false);
                    await StopGuardAsync();
                    _dhcpClient?.Dispose();
                    IpCommand.Run("netns", "delete", _namespace);
                },
                CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default).Unwrap();
            return _chain;
        }
    }

    private void OnListeningChanged(Device device, bool listening) => Converge();

    private void Converge()
    {
        lock (_sync)
        {
            if (!_removed)
            {
                _chain = _chain.ContinueWith(_ => ApplyAsync(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            }
        }
    }

    private async Task ApplyAsync()
    {
        try
        {
            var wanted = _device.ListenerClose == Core.Network.ListenerClose.Open;
            if (wanted)
            {
                var cameUp = !_carrier;
                if (cameUp)
                {
                    // Carrier first: the addresses are probed on the wire before they are used.
                    IpCommand.In(_namespace, "link", "set", LabSegment.Interface, "up");
                    _carrier = true;
                    _guard = new ArpGuard(_namespace, LabSegment.Interface, Convert.FromHexString(_device.Serial), _wall, _arpTiming, OnConflict);
                    _discovery = DiscoveryResponders.Start(new DiscoveryLink(_namespace, LabSegment.Interface, _device, _wall) { Vapix = _vapix() });
                }

                await ApplyAddressesAsync();
                if (cameUp)
                {
                    StartDhcp();
                }
            }
            else if (_carrier)
            {
                await _listenerSettled(_device.Id);
                var orderly = _device.ListenerClose == ListenerClose.Orderly;
                await StopDhcpAsync(release: orderly);
                await StopDiscoveryAsync(goodbye: orderly);
                await StopGuardAsync();
                IpCommand.In(_namespace, "link", "set", LabSegment.Interface, "down");
                // A link that comes back probes its addresses again (RFC 5227 §2.1).
                IpCommand.In(_namespace, "address", "flush", "dev", LabSegment.Interface);
                _applied = [];
                _carrier = false;
            }
        }
        catch (Exception ex) when (ex is LabUnavailableException or IOException or OperationCanceledException)
        {
            _logger.LogError("{Device}: {Problem}", _device.Id, ex.Message);
        }
    }

    /// <summary>The lease held now (null without one).</summary>
    public DhcpLease? Lease => Volatile.Read(ref _lease);

    /// <summary>Completes with the first lease the camera's DHCP client gets on the segment.</summary>
    public Task<DhcpLease> FirstLease => _firstLease.Task;

    private void StartDhcp()
    {
        if (_device.Config.Network.BootProto != BootProtocol.Dhcp)
        {
            return;
        }

        var profile = _device.Profile;
        _dhcpClient ??= new DhcpClient(_namespace, LabSegment.Interface, Convert.FromHexString(_device.Serial), new DhcpIdentity(
            "axis-" + _device.Serial.ToLowerInvariant(), $"AXIS,{profile.ProductType},{profile.Model},{profile.Firmware.Version}"), _wall);
        var stop = new CancellationTokenSource();
        _dhcpStop = stop;
        _dhcp = Task.Run(() => KeepLeaseAsync(_dhcpClient, stop.Token), CancellationToken.None);
    }

    /// <summary>Gets a lease, hands it to the device, renews it at T1 (a new DISCOVER when the renewal fails), until stopped.</summary>
    private async Task KeepLeaseAsync(DhcpClient client, CancellationToken stop)
    {
        try
        {
            var lease = await client.AcquireAsync(stop);
            while (lease is not null && !stop.IsCancellationRequested)
            {
                Volatile.Write(ref _lease, lease);
                _firstLease.TrySetResult(lease);
                if (_device.AdoptLease(lease.Address.ToString()))
                {
                    _logger.LogInformation("{Device}: DHCP lease {Address} from {Server} for {Lease}", _device.Id, lease.Address, lease.Server, lease.LeaseTime);
                    Converge();
                }

                await Task.Delay(lease.RenewAfter, _wall, stop);
                lease = await client.RenewAsync(lease, stop) ?? await client.AcquireAsync(stop);
            }
        }
        catch (OperationCanceledException)
        {
            // the link went down
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            _logger.LogWarning("{Device}: DHCP client stopped: {Error}", _device.Id, ex.SocketErrorCode);
        }
    }

    private async Task StopDhcpAsync(bool release)
    {
        if (_dhcpStop is not { } stop)
        {
            return;
        }

        await stop.CancelAsync();
        await _dhcp;
        stop.Dispose();
        _dhcpStop = null;
        if (release && Volatile.Read(ref _lease) is { } lease)
        {
            await _dhcpClient!.ReleaseAsync(lease);
        }

        Volatile.Write(ref _lease, null);
    }

    /// <summary>Probes the device's new addresses, then puts them on eth0 in place of the old ones and announces them.</summary>
    private async Task ApplyAddressesAsync()
    {
        var wanted = WantedAddresses();
        if (wanted.SequenceEqual(_applied) || _guard is not { } guard)
        {
            return;
        }

        var fresh = wanted.Except(_applied).ToList();
        var claimed = await guard.ProbeAsync([.. fresh.Select(AddressOf)]);
        foreach (var (address, macs) in claimed)
        {
            macs.ToList().ForEach(mac => OnConflict(address, mac));
        }

        foreach (var stale in _applied.Except(wanted))
        {
            IpCommand.In(_namespace, "address", "del", stale, "dev", LabSegment.Interface);
        }

        foreach (var address in fresh)
        {
            IpCommand.In(_namespace, "address", "add", address, "dev", LabSegment.Interface);
        }

        _applied = wanted;
        IPAddress[] published = [.. wanted.Select(AddressOf)];
        foreach (var responder in _discovery)
        {
            responder.Publish(published);
        }

        guard.Hold([.. wanted.Select(AddressOf)], claimed);
        _ = guard.AnnounceAsync([.. fresh.Select(AddressOf)]).ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
    }

    /// <summary>The device's address and link-local address, as ip writes them (address/prefix).</summary>
    private string[] WantedAddresses()
    {
        var addressing = _device.Addressing;
        // A leased address goes on eth0 with the lease's mask (RFC 2132 option 1), as a DHCP client puts it; any other with the configured one.
        var mask = Volatile.Read(ref _lease) is { Mask: { } leased } lease && lease.Address.ToString() == addressing.IpAddress ? leased.ToString() : _device.Config.Network.SubnetMask;
        var prefix = PrefixLength(mask);
        return [.. new[] { addressing.IpAddress is { } ip && ip != addressing.LinkLocalAddress ? $"{ip}/{prefix}" : null, addressing.LinkLocalAddress is { } ll ? ll + "/16" : null }.OfType<string>()];
    }

    private static IPAddress AddressOf(string withPrefix) => IPAddress.Parse(withPrefix.Split('/')[0]);

    private void OnConflict(IPAddress address, string otherMac)
    {
        if (_device.ReportAddressConflict(address.ToString(), otherMac))
        {
            _logger.LogWarning("{Device}: {Mac} also claims {Address} (ARP)", _device.Id, otherMac, address);
        }
    }

    /// <summary>Ends the discovery responders: with their goodbyes on an orderly shutdown, silently on a power cut.</summary>
    private async Task StopDiscoveryAsync(bool goodbye)
    {
        var responders = _discovery;
        _discovery = [];
        if (goodbye)
        {
            await Task.WhenAll(responders.Select(r => r.GoodbyeAsync()));
        }

        foreach (var responder in responders)
        {
            await responder.DisposeAsync();
        }
    }

    private async Task StopGuardAsync()
    {
        if (_guard is { } guard)
        {
            _guard = null;
            await guard.DisposeAsync();
        }
    }

    private static int PrefixLength(string mask) =>
        IPAddress.TryParse(mask, out var parsed) ? parsed.GetAddressBytes().Sum(b => System.Numerics.BitOperations.PopCount(b)) : 24;
}
