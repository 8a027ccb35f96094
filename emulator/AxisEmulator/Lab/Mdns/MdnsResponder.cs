using System.Net;
using System.Net.Sockets;

namespace AxisEmulator.Lab.Mdns;

/// <summary>
/// A camera's mDNS/DNS-SD responder (RFC 6762/6763) on its eth0 while its network is up: answers
/// multicast queries, legacy unicast ones (a source port other than 5353: answered to the asker with
/// its id and question, TTLs capped at 10 s) and direct unicast ones; announces on start and when its
/// address changes; says goodbye (TTL 0) on an orderly shutdown, nothing on a power cut.
/// </summary>
internal sealed class MdnsResponder : Discovery.IDiscoveryResponder
{
    public const int Port = 5353;
    private static readonly IPEndPoint Group = new(IPAddress.Parse("224.0.0.251"), Port);
    private static readonly TimeSpan LegacyTtl = TimeSpan.FromSeconds(10);
    private readonly Socket _socket;
    private readonly MdnsRecords _records;
    private readonly TimeProvider _wall;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _listening;
    private IReadOnlyList<IPAddress> _addresses = [];

    public MdnsResponder(string networkNamespace, string interfaceName, MdnsRecords records, TimeProvider wall)
    {
        _records = records;
        _wall = wall;
        _socket = Discovery.MulticastSocket.Open(networkNamespace, interfaceName, Group);
        _listening = Task.Run(ListenAsync);
    }

    /// <summary>The addresses the host name stands for now; announced twice, a second apart (RFC 6762 §8.3).</summary>
    public void Publish(IReadOnlyList<IPAddress> addresses)
    {
        Volatile.Write(ref _addresses, addresses);
        _ = Task.Run(async () =>
        {
            await SendAsync(_records.All(addresses), Group);
            await Task.Delay(TimeSpan.FromSeconds(1), _wall, _stop.Token);
            await SendAsync(_records.All(addresses), Group);
        }).ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
    }

    /// <summary>Every record again with TTL 0, so browsers drop the camera at once.</summary>
    public Task GoodbyeAsync() => SendAsync([.. _records.All(Volatile.Read(ref _addresses)).Select(r => r with { Ttl = TimeSpan.Zero })], Group);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _listening;
        _stop.Dispose();
    }

    private async Task ListenAsync()
    {
        var buffer = new byte[9000];
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
                if (DnsWire.ReadQuery(buffer.AsSpan(0, received.ReceivedBytes)) is { } query && received.RemoteEndPoint is IPEndPoint asker)
                {
                    await AnswerAsync(query.Id, query.Questions, asker);
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
        var (answers, additional) = _records.Answer(questions, Volatile.Read(ref _addresses));
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
