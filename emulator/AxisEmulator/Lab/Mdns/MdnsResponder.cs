using System.Net;
using System.Net.Sockets;

namespace AxisEmulator.Lab.Mdns;

/// <summary>
/// A camera's mDNS/DNS-SD responder (RFC 6762/6763) on its eth0 while its network is up: first
/// probes its host and instance names (§8.1: three probes 250 ms apart, wall time) and takes the
/// next name for each one another host answers for; then answers multicast queries, legacy unicast
/// ones (a source port other than 5353: answered to the asker with its id and question, TTLs capped
/// at 10 s) and direct unicast ones; announces on start and when its address changes; says goodbye
/// (TTL 0) on an orderly shutdown, nothing on a power cut.
/// </summary>
internal sealed class MdnsResponder : Discovery.IDiscoveryResponder
{
    public const int Port = 5353;
    private static readonly IPEndPoint Group = new(IPAddress.Parse("224.0.0.251"), Port);
    private static readonly TimeSpan LegacyTtl = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(250);
    private const int Probes = 3;
    private readonly Socket _socket;
    private readonly TimeProvider _wall;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _listening;
    private readonly Lock _sync = new();
    private MdnsRecords _records;
    private IReadOnlyList<IPAddress> _addresses = [];
    private Task? _probing;
    private TaskCompletionSource<string>? _conflict;
    private volatile bool _owned;

    public MdnsResponder(string networkNamespace, string interfaceName, MdnsRecords records, TimeProvider wall)
    {
        _records = records;
        _wall = wall;
        _socket = Discovery.MulticastSocket.Open(networkNamespace, interfaceName, Group);
        _listening = Task.Run(ListenAsync);
    }

    /// <summary>The records under the names this responder holds now.</summary>
    public MdnsRecords Records => Volatile.Read(ref _records);

    /// <summary>The addresses the host name stands for now; announced (once the names are probed) twice, a second apart (RFC 6762 §8.3).</summary>
    public void Publish(IReadOnlyList<IPAddress> addresses)
    {
        Volatile.Write(ref _addresses, addresses);
        _ = Task.Run(async () =>
        {
            await ProbedAsync();
            await SendAsync(Records.All(Volatile.Read(ref _addresses)), Group);
            await Task.Delay(TimeSpan.FromSeconds(1), _wall, _stop.Token);
            await SendAsync(Records.All(Volatile.Read(ref _addresses)), Group);
        }).ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
    }

    /// <summary>Every record again with TTL 0, so browsers drop the camera at once (nothing before the names are its own).</summary>
    public Task GoodbyeAsync() =>
        _owned ? SendAsync([.. Records.All(Volatile.Read(ref _addresses)).Select(r => r with { Ttl = TimeSpan.Zero })], Group) : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _listening;
        _stop.Dispose();
    }

    private Task ProbedAsync()
    {
        lock (_sync)
        {
            return _probing ??= ProbeAsync();
        }
    }

    /// <summary>RFC 6762 §8.1: probes until no other host answers for any of the names, renaming the one it lost each time.</summary>
    private async Task ProbeAsync()
    {
        // A random 0–250 ms first, so units powered on together do not probe in step.
        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(250)), _wall, _stop.Token);
        for (var attempt = 1; ; attempt++)
        {
            var records = Records;
            var conflict = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _conflict, conflict);
            for (var probe = 0; probe < Probes && !conflict.Task.IsCompleted; probe++)
            {
                await SendAsync(DnsWire.Probe(records.UniqueNames, records.Proposed(Volatile.Read(ref _addresses))), Group);
                await Task.WhenAny(conflict.Task, Task.Delay(ProbeInterval, _wall, _stop.Token));
                _stop.Token.ThrowIfCancellationRequested();
            }

            Volatile.Write(ref _conflict, null);
            if (!conflict.Task.IsCompleted)
            {
                _owned = true;
                return;
            }

            var lost = await conflict.Task;
            Volatile.Write(ref _records, records.Renamed(lost));
            // §8.1: after 15 conflicts in a row, five seconds before each further probe.
            if (attempt >= 15)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), _wall, _stop.Token);
            }
        }
    }

    private async Task ListenAsync()
    {
        var buffer = new byte[9000];
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
                var message = buffer.AsSpan(0, received.ReceivedBytes);
                if (DnsWire.ReadQuery(message) is { } query && received.RemoteEndPoint is IPEndPoint asker)
                {
                    if (_owned)
                    {
                        await AnswerAsync(query.Id, query.Questions, asker);
                    }
                }
                else if (Volatile.Read(ref _conflict) is { } probing && DnsWire.ReadResponseNames(message) is { } names)
                {
                    // While probing, any answer naming one of the names means another host holds it.
                    var unique = Records.UniqueNames;
                    if (names.FirstOrDefault(n => unique.Contains(n, StringComparer.OrdinalIgnoreCase)) is { } taken)
                    {
                        probing.TrySetResult(unique.First(u => string.Equals(u, taken, StringComparison.OrdinalIgnoreCase)));
                    }
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // the network went down
        }
    }

    private async Task AnswerAsync(ushort id, IReadOnlyList<DnsQuestion> questions, IPEndPoint asker)
    {
        var (answers, additional) = Records.Answer(questions, Volatile.Read(ref _addresses));
        if (answers.Count == 0)
        {
            return;
        }

        if (asker.Port != Port)
        {
            DnsRecord[] capped = [.. answers.Select(Cap)];
            await SendAsync(DnsWire.Response(id, questions, capped, [.. additional.Select(Cap)]), asker);
        }
        else
        {
            await SendAsync(DnsWire.Response(0, [], answers, additional), Group);
        }
    }

    private static DnsRecord Cap(DnsRecord record) => record.Ttl > LegacyTtl ? record with { Ttl = LegacyTtl } : record;

    private Task SendAsync(IReadOnlyList<DnsRecord> records, IPEndPoint to) => SendAsync(DnsWire.Response(0, [], records, []), to);

    private async Task SendAsync(byte[] message, IPEndPoint to)
    {
        try
        {
            await _socket.SendToAsync(message, SocketFlags.None, to);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // no address yet, or the network went down: nothing to tell anyone
        }
    }
}
