using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AxisEmulator.Lab.Dhcp;

/// <summary>A lease: the address, the server that gave it, for how long (the server's wall time), and the subnet mask it came with (option 1; null without one).</summary>
internal sealed record DhcpLease(IPAddress Address, IPAddress Server, TimeSpan LeaseTime, IPAddress? Mask = null)
{
    /// <summary>RFC 2131 §4.4.5: renew at half the lease (T1).</summary>
    public TimeSpan RenewAfter => LeaseTime / 2;
}

/// <summary>
/// A small DHCP client on System.Net.Sockets (RFC 2131's DISCOVER/OFFER/REQUEST/ACK, renewal,
/// RELEASE), on one camera's eth0 in its namespace. Hand-written: no well-kept .NET DHCP client
/// exists, and dhclient/udhcpc would be a process per camera. It runs in wall time, which is the
/// server's (dnsmasq's leases expire in wall time whatever the simulation does).
/// </summary>
internal sealed class DhcpClient : IDisposable
{
    private const int ClientPort = 68;
    private const int ServerPort = 67;
    private const int SolSocket = 1;
    private const int SoBindToDevice = 25;
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(2);

    private readonly Socket _socket;
    private readonly byte[] _mac;
    private readonly DhcpIdentity _identity;
    private readonly TimeProvider _wall;

    public DhcpClient(string networkNamespace, string interfaceName, byte[] mac, DhcpIdentity identity, TimeProvider wall)
    {
        _mac = mac;
        _identity = identity;
        _wall = wall;
        _socket = NetworkNamespace.Create(networkNamespace, () =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.EnableBroadcast = true;
            socket.SetRawSocketOption(SolSocket, SoBindToDevice, Encoding.ASCII.GetBytes(interfaceName + "\0"));
            socket.Bind(new IPEndPoint(IPAddress.Any, ClientPort));
            return socket;
        });
    }

    /// <summary>DISCOVER until a server offers, then REQUEST it; null when every server NAKs or none answers before <paramref name="cancellationToken"/>.</summary>
    public async Task<DhcpLease?> AcquireAsync(CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            var xid = (uint)Random.Shared.Next();
            await SendAsync(DhcpMessage.FromClient(DhcpMessageType.Discover, xid, _mac, _identity), IPAddress.Broadcast, cancellationToken);
            if (await ReceiveAsync(xid, DhcpMessageType.Offer, cancellationToken) is { ServerId: { } server } offer)
            {
                await SendAsync(DhcpMessage.FromClient(DhcpMessageType.Request, xid, _mac, _identity, requested: offer.YourAddress, server: server), IPAddress.Broadcast, cancellationToken);
                if (await ReceiveAsync(xid, DhcpMessageType.Ack, cancellationToken) is { } ack)
                {
                    return new DhcpLease(ack.YourAddress, server, ack.LeaseTime ?? TimeSpan.FromHours(1), ack.SubnetMask);
                }
            }

            // RFC 2131 §4.1: retransmit with a growing delay (capped, as clients do).
            await Task.Delay(backoff, _wall, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(16).Ticks));
        }

        return null;
    }

    /// <summary>RENEWING (RFC 2131 §4.3.2): a unicast REQUEST from the leased address; the renewed lease, or null when the server says no or does not answer.</summary>
    public async Task<DhcpLease?> RenewAsync(DhcpLease lease, CancellationToken cancellationToken)
    {
        var xid = (uint)Random.Shared.Next();
        await SendAsync(DhcpMessage.FromClient(DhcpMessageType.Request, xid, _mac, _identity, clientAddress: lease.Address), lease.Server, cancellationToken);
        return await ReceiveAsync(xid, DhcpMessageType.Ack, cancellationToken) is { } ack
            ? lease with { Address = ack.YourAddress, LeaseTime = ack.LeaseTime ?? lease.LeaseTime, Mask = ack.SubnetMask ?? lease.Mask }
            : null;
    }

    /// <summary>Gives the lease back (an orderly shutdown), unicast to its server.</summary>
    public Task ReleaseAsync(DhcpLease lease) =>
        SendAsync(DhcpMessage.FromClient(DhcpMessageType.Release, (uint)Random.Shared.Next(), _mac, _identity, server: lease.Server, clientAddress: lease.Address), lease.Server, CancellationToken.None);

    public void Dispose() => _socket.Dispose();

    private async Task SendAsync(byte[] message, IPAddress to, CancellationToken cancellationToken) =>
        await _socket.SendToAsync(message, new IPEndPoint(to, ServerPort), cancellationToken);

    /// <summary>The answer of type <paramref name="wanted"/> to <paramref name="xid"/> within <see cref="AnswerWithin"/>; a NAK or silence is null.</summary>
    private async Task<DhcpMessage?> ReceiveAsync(uint xid, DhcpMessageType wanted, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(AnswerWithin, _wall);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var buffer = new byte[1500];
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), linked.Token);
                switch (DhcpMessage.FromServer(buffer.AsSpan(0, received.ReceivedBytes), xid))
                {
                    case { Type: DhcpMessageType.Nak }:
                        return null;
                    case { } answer when answer.Type == wanted:
                        return answer;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
