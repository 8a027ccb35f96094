using System.Globalization;
using System.Net;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Network;
using AxisEmulator.Lab.Dhcp;
using Microsoft.Extensions.Logging;

namespace AxisEmulator.Lab;

/// <summary>
/// One camera on the segment: its namespace, its eth0 (MAC = serial) on a port of the bridge, and
/// the carrier and addresses following the device. The link is up exactly while the device's
/// listener should be open (network up, powered, not bricked, cable in); going down waits for the
/// listener to close first, so a reboot's graceful close still reaches its clients. Addresses are
/// the ones the device's addressing chose, applied to the interface; on DHCP a real client runs on
/// eth0 while the link is up, and its lease replaces the address (released on an orderly shutdown,
/// kept on a power cut, as a real unit does). Work runs one step at a time,
/// off the thread that told the change, always converging on the device's latest state.
/// </summary>
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

    public LabPort(LabNames names, int index, Device device, Func<string, Task> listenerSettled, TimeProvider wall, ILogger logger)
    {
        _device = device;
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
                ApplyAddresses();
                if (!_carrier)
                {
                    IpCommand.In(_namespace, "link", "set", LabSegment.Interface, "up");
                    _carrier = true;
                    StartDhcp();
                }
            }
            else if (_carrier)
            {
                await _listenerSettled(_device.Id);
                await StopDhcpAsync(release: _device.ListenerClose == ListenerClose.Orderly);
                IpCommand.In(_namespace, "link", "set", LabSegment.Interface, "down");
                _carrier = false;
            }
        }
        catch (LabUnavailableException ex)
        {
            _logger.LogError("{Device}: {Problem}", _device.Id, ex.Message);
        }
    }

    /// <summary>The lease held now (null without one).</summary>
    public DhcpLease? Lease => Volatile.Read(ref _lease);

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

    /// <summary>Puts the device's address and link-local address on eth0 when they are not there already.</summary>
    private void ApplyAddresses()
    {
        var addressing = _device.Addressing;
        var prefix = PrefixLength(_device.Config.Network.SubnetMask);
        string[] wanted = [.. new[] { addressing.IpAddress is { } ip && ip != addressing.LinkLocalAddress ? $"{ip}/{prefix}" : null, addressing.LinkLocalAddress is { } ll ? ll + "/16" : null }.OfType<string>()];
        if (wanted.SequenceEqual(_applied))
        {
            return;
        }

        IpCommand.In(_namespace, "address", "flush", "dev", LabSegment.Interface);
        foreach (var address in wanted)
        {
            IpCommand.In(_namespace, "address", "add", address, "dev", LabSegment.Interface);
        }

        _applied = wanted;
    }

    private static int PrefixLength(string mask) =>
        IPAddress.TryParse(mask, out var parsed) ? parsed.GetAddressBytes().Sum(b => System.Numerics.BitOperations.PopCount(b)) : 24;
}
