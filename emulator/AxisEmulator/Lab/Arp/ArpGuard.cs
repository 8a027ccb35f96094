using System.Net;

namespace AxisEmulator.Lab.Arp;

/// <summary>
/// RFC 5227 on a camera's interface while its link is up: probes an address before it is used
/// (a conflict is any ARP from another MAC claiming it, or probing for it at the same time),
/// announces it once taken, and keeps listening for others claiming an address it holds (§2.4,
/// ongoing detection). Every conflict is told once per address and MAC, with the other's MAC as
/// 12 hex digits (an Axis unit's serial). Waits are wall time: they pace real packets.
/// </summary>
internal sealed class ArpGuard : IAsyncDisposable
{
    private readonly ArpSocket _socket;
    private readonly byte[] _mac;
    private readonly string _ownMac;
    private readonly TimeProvider _wall;
    private readonly ArpTiming _timing;
    private readonly Action<IPAddress, string> _conflict;
    private readonly Lock _sync = new();
    private readonly Dictionary<IPAddress, HashSet<string>> _probing = [];
    private readonly Dictionary<IPAddress, HashSet<string>> _held = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _listening;

    public ArpGuard(string networkNamespace, string interfaceName, byte[] mac, TimeProvider wall, ArpTiming timing, Action<IPAddress, string> conflict)
    {
        _socket = ArpSocket.Open(networkNamespace, interfaceName);
        _mac = mac;
        _ownMac = Convert.ToHexString(mac);
        _wall = wall;
        _timing = timing;
        _conflict = conflict;
        _listening = Task.Run(ListenAsync);
    }

    /// <summary>Probes the addresses together; returns those another MAC claimed, each with the MACs that did.</summary>
    public async Task<IReadOnlyDictionary<IPAddress, IReadOnlyList<string>>> ProbeAsync(IReadOnlyCollection<IPAddress> candidates)
    {
        lock (_sync)
        {
            foreach (var candidate in candidates)
            {
                _probing[candidate] = [];
            }
        }

        await Task.Delay(_timing.BeforeFirstProbe(), _wall, _stop.Token);
        for (var probe = 0; probe < _timing.ProbeCount; probe++)
        {
            foreach (var candidate in candidates)
            {
                await _socket.SendAsync(ArpFrame.Probe(_mac, candidate));
            }

            await Task.Delay(probe + 1 < _timing.ProbeCount ? _timing.BetweenProbes() : _timing.AnnounceWait, _wall, _stop.Token);
        }

        lock (_sync)
        {
            var claimed = candidates.Where(c => _probing[c].Count > 0).ToDictionary(c => c, c => (IReadOnlyList<string>)[.. _probing[c].Order(StringComparer.Ordinal)]);
            candidates.ToList().ForEach(c => _probing.Remove(c));
            return claimed;
        }
    }

    /// <summary>The addresses on the interface now: defended from here on (a new one starts with no conflicts told).</summary>
    public void Hold(IReadOnlyCollection<IPAddress> addresses, IReadOnlyDictionary<IPAddress, IReadOnlyList<string>> toldAlready)
    {
        lock (_sync)
        {
            foreach (var gone in _held.Keys.Except(addresses).ToList())
            {
                _held.Remove(gone);
            }

            foreach (var address in addresses)
            {
                _held.TryAdd(address, toldAlready.TryGetValue(address, out var macs) ? [.. macs] : []);
            }
        }
    }

    /// <summary>Announces the addresses, in the background (the address is in use meanwhile, as RFC 5227 allows).</summary>
    public Task AnnounceAsync(IReadOnlyCollection<IPAddress> addresses) => Task.Run(async () =>
    {
        for (var announcement = 0; announcement < _timing.AnnounceCount; announcement++)
        {
            if (announcement > 0)
            {
                await Task.Delay(_timing.AnnounceInterval, _wall, _stop.Token);
            }

            foreach (var address in addresses)
            {
                await _socket.SendAsync(ArpFrame.Announcement(_mac, address));
            }
        }
    });

    private async Task ListenAsync()
    {
        try
        {
            while (true)
            {
                var frame = await _socket.ReceiveAsync(_stop.Token);
                if (frame.Sender != _ownMac)
                {
                    Heard(frame);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            // the link went down
        }
    }

    private void Heard(ArpFrame frame)
    {
        IPAddress? conflicted = null;
        lock (_sync)
        {
            if (_probing.TryGetValue(frame.SenderIp, out var claimers) || (frame.IsProbe && _probing.TryGetValue(frame.TargetIp, out claimers)))
            {
                claimers.Add(frame.Sender);
            }
            else if (_held.TryGetValue(frame.SenderIp, out var told) && told.Add(frame.Sender))
            {
                conflicted = frame.SenderIp;
            }
        }

        if (conflicted is not null)
        {
            _conflict(conflicted, frame.Sender);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _listening;
        _stop.Dispose();
    }
}
