using System.Globalization;
using System.Net;
using AxisEmulator.Core.Devices;
using Microsoft.Extensions.Logging;

namespace AxisEmulator.Lab;

/// <summary>
/// One camera on the segment: its namespace, its eth0 (MAC = serial) on a port of the bridge, and
/// the carrier and addresses following the device. The link is up exactly while the device's
/// listener should be open (network up, powered, not bricked, cable in); going down waits for the
/// listener to close first, so a reboot's graceful close still reaches its clients. Addresses are
/// the ones the device's addressing chose, applied to the interface. Work runs one step at a time,
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

    public LabPort(LabNames names, int index, Device device, Func<string, Task> listenerSettled, ILogger logger)
    {
        _device = device;
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
    public static string MacOf(string serial) =>
        string.Join(':', Enumerable.Range(0, 6).Select(i => serial.Substring(2 * i, 2))).ToLowerInvariant();

    /// <summary>Stops following the device and deletes its namespace (with its interface and the bridge port).</summary>
    public Task RemoveAsync()
    {
        _device.ListeningChanged -= OnListeningChanged;
        lock (_sync)
        {
            _removed = true;
            _chain = _chain.ContinueWith(_ => IpCommand.Run("netns", "delete", _namespace), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
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
                }
            }
            else if (_carrier)
            {
                await _listenerSettled(_device.Id);
                IpCommand.In(_namespace, "link", "set", LabSegment.Interface, "down");
                _carrier = false;
            }
        }
        catch (LabUnavailableException ex)
        {
            _logger.LogError("{Device}: {Problem}", _device.Id, ex.Message);
        }
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
