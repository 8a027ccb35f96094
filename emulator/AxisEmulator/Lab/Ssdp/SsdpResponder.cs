using System.Net;
using System.Net.Sockets;
using AxisEmulator.Lab.Discovery;

namespace AxisEmulator.Lab.Ssdp;

/// <summary>
/// A camera's SSDP responder (UDA 1.1 §1) on its eth0 while its network is up: answers M-SEARCH
/// to the asker, after a random wait within the search's MX for one sent to the group (none sent
/// without MX is answered, as libupnp drops it) and at once for one sent to the camera's own address;
/// announces ssdp:alive for every type when it gets an address and again every half max-age; says
/// ssdp:byebye on an orderly shutdown, nothing on a power cut. The description it points at is
/// <c>/rootdesc1.xml</c> on the camera's web server (port 80; a real unit serves it from libupnp's
/// own server on an ephemeral port, which clients only ever learn from LOCATION).
/// Hand-written: no package served here answers SSDP from a socket made inside a network namespace.
/// </summary>
internal sealed class SsdpResponder : IDiscoveryResponder
{
    public const int Port = 1900;
    public const string DescriptionPath = "/rootdesc1.xml";
    private static readonly IPEndPoint Group = new(IPAddress.Parse("239.255.255.250"), Port);

    /// <summary>How often the alive announcements are repeated: half their max-age, so none expires ([E]: libupnp repeats at the period the firmware asks for, not captured).</summary>
    private static readonly TimeSpan Reannounce = SsdpMessages.MaxAge / 2;

    private readonly Socket _socket;
    private readonly SsdpDevice _device;
    private readonly string _bootId;
    private readonly TimeProvider _deviceClock;
    private readonly TimeProvider _wall;
    private readonly Func<bool> _enabled;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _listening;
    private readonly Lock _sync = new();
    private IReadOnlyList<IPAddress> _addresses = [];
    private string? _announced;
    private Task _reannouncing = Task.CompletedTask;

    /// <param name="enabled">Network.UPnP.Enabled now: while false the responder neither answers nor announces.</param>
    public SsdpResponder(string networkNamespace, string interfaceName, SsdpDevice device, string bootId, TimeProvider deviceClock, TimeProvider wall, Func<bool>? enabled = null)
    {
        _enabled = enabled ?? (() => true);
        _device = device;
        _bootId = bootId;
        _deviceClock = deviceClock;
        _wall = wall;
        _socket = MulticastSocket.Open(networkNamespace, interfaceName, Group, timeToLive: 2); // UDA 1.1 §1.1.2: TTL 2 by default
        // The destination of each datagram: a search to the group waits within its MX, one to the camera does not.
        _socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.PacketInformation, true);
        _listening = Task.Run(ListenAsync);
    }

    /// <summary>The description URL for <paramref name="address"/>, its port written out as libupnp writes it.</summary>
    public static string LocationOf(IPAddress address) => $"http://{address}:80{DescriptionPath}";

    /// <summary>Announces the camera at its (new) main address; the first one also starts the repeats.</summary>
    public void Publish(IReadOnlyList<IPAddress> addresses)
    {
        Volatile.Write(ref _addresses, addresses);
        if (addresses.Count == 0)
        {
            return;
        }

        lock (_sync)
        {
            var location = LocationOf(addresses[0]);
            if (location == _announced)
            {
                return;
            }

            var first = _announced is null;
            _announced = location;
            Observe(Task.Run(() => AnnounceAsync(location)));
            if (first)
            {
                _reannouncing = Task.Run(ReannounceAsync);
            }
        }
    }

    /// <summary>A byebye for every type it announced (none when it never had an address).</summary>
    public async Task GoodbyeAsync()
    {
        string? location;
        lock (_sync)
        {
            location = _announced;
        }

        if (location is null || !_enabled())
        {
            return;
        }

        foreach (var target in _device.Targets)
        {
            await SendAsync(SsdpMessages.ByeBye(target, location, _bootId), Group);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _listening;
        await _reannouncing;
        _stop.Dispose();
    }

    private async Task AnnounceAsync(string location)
    {
        if (!_enabled())
        {
            return;
        }

        foreach (var target in _device.Targets)
        {
            await SendAsync(SsdpMessages.Alive(target, location, _bootId), Group);
        }
    }

    private async Task ReannounceAsync()
    {
        try
        {
            while (true)
            {
                await Task.Delay(Reannounce, _wall, _stop.Token);
                string? location;
                lock (_sync)
                {
                    location = _announced;
                }

                await AnnounceAsync(location!);
            }
        }
        catch (OperationCanceledException)
        {
            // the network went down
        }
    }

    private async Task ListenAsync()
    {
        var buffer = new byte[9000];
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveMessageFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
                if (SsdpSearch.Parse(buffer.AsSpan(0, received.ReceivedBytes)) is { } search && received.RemoteEndPoint is IPEndPoint asker)
                {
                    Answer(search, asker, toGroup: received.PacketInformation.Address.Equals(Group.Address));
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // the network went down
        }
    }

    private void Answer(SsdpSearch search, IPEndPoint asker, bool toGroup)
    {
        var answers = _device.Answering(search.Target);
        var addresses = Volatile.Read(ref _addresses);
        if (answers.Count == 0 || addresses.Count == 0 || (toGroup && search.MaxWaitSeconds is null) || !_enabled())
        {
            return;
        }

        var wait = toGroup ? ReplyDelay(search.MaxWaitSeconds!.Value, Random.Shared) : TimeSpan.Zero;
        var location = LocationOf(AddressFor(asker.Address, addresses));
        Observe(Task.Run(async () =>
        {
            await Task.Delay(wait, _wall, _stop.Token);
            foreach (var target in answers)
            {
                await SendAsync(SsdpMessages.SearchAnswer(target, location, _bootId, _deviceClock.GetUtcNow()), asker);
            }
        }));
    }

    /// <summary>A random wait within the MX (UDA 1.1 §1.3.3: spreads the answers of many devices over it).</summary>
    public static TimeSpan ReplyDelay(int maxWaitSeconds, Random random) =>
        TimeSpan.FromMilliseconds(random.Next(0, (Math.Min(maxWaitSeconds, SsdpSearch.MaxWaitCap) * 1000) + 1));

    /// <summary>The address an asker reaches the camera at: a link-local one for a link-local asker, the main one otherwise.</summary>
    public static IPAddress AddressFor(IPAddress asker, IReadOnlyList<IPAddress> addresses) =>
        IsLinkLocal(asker) ? addresses.FirstOrDefault(IsLinkLocal) ?? addresses[0] : addresses.FirstOrDefault(a => !IsLinkLocal(a)) ?? addresses[0];

    private static bool IsLinkLocal(IPAddress address) => address.GetAddressBytes() is [169, 254, _, _];

    private static void Observe(Task task) => task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);

    private async Task SendAsync(byte[] message, IPEndPoint to)
    {
        try
        {
            await _socket.SendToAsync(message, SocketFlags.None, to, _stop.Token);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // no route to the asker, or the network went down: nothing to tell anyone
        }
    }
}
