using System.Net;
using System.Net.Sockets;
using System.Text;
using AxisEmulator.Core.Network;
using Microsoft.Extensions.Logging;

namespace AxisEmulator.Lab.Dhcp;

/// <summary>
/// <c>--dhcp-pool</c> in the network lab: the emulated LAN's DHCP server answering on the segment
/// for real, from its own namespace at <see cref="ServerAddress"/>, so the cameras' DHCP clients and
/// any tool in the client namespace get their leases over the wire. The leases are the emulated
/// LAN's (<see cref="EmulatedLan.RequestLease"/>, keyed by MAC: for a camera its serial), so the
/// address a camera reports and the one it is given on the wire are the same. Hand-written: a few
/// dozen lines of RFC 2131 on System.Net.Sockets, against a process per lab (dnsmasq works too, without --dhcp-pool).
/// </summary>
internal sealed class LabDhcpServer : IAsyncDisposable
{
    /// <summary>The server's address: the segment's router address, clear of the cameras' 192.168.0.90 fallback and the client's .250.</summary>
    public static readonly IPAddress ServerAddress = IPAddress.Parse("192.168.0.1");

    /// <summary>Wall time: the lease outlives simulated reboots as a real server's does.</summary>
    public static readonly TimeSpan LeaseTime = TimeSpan.FromHours(1);

    private const int ServerPort = 67;
    private const int ClientPort = 68;
    private static readonly IPAddress Mask = IPAddress.Parse("255.255.255.0");
    private readonly Socket _socket;
    private readonly EmulatedLan _lan;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    private LabDhcpServer(Socket socket, EmulatedLan lan, ILogger logger)
    {
        _socket = socket;
        _lan = lan;
        _logger = logger;
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The segment's subnet the pool must lie in (the client's and the fallback's /24), less the server's and the client's addresses.</summary>
    public static string? WhyNotUsable(EmulatedLan lan)
    {
        ArgumentNullException.ThrowIfNull(lan);
        if (lan.Pool is not { } pool)
        {
            return null;
        }

        var inSegment = pool.First.StartsWith("192.168.0.", StringComparison.Ordinal) && pool.Last.StartsWith("192.168.0.", StringComparison.Ordinal);
        return !inSegment ? $"the lab's segment is 192.168.0.0/24, so --dhcp-pool must lie inside it (got {pool})"
            : lan.InPool(ServerAddress.ToString()) || lan.InPool(LabSegment.ClientAddress) ? $"--dhcp-pool {pool} takes {ServerAddress} (the lab's DHCP server) or {LabSegment.ClientAddress} (the client namespace): leave both out, e.g. 192.168.0.100-192.168.0.199"
            : null;
    }

    public static LabDhcpServer Start(LabNames names, EmulatedLan lan, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(names);
        LabSegment.AddNamespace(names.DhcpServer);
        LabSegment.Plug(names, names.DhcpServer, "dhcp", mac: null);
        IpCommand.In(names.DhcpServer, "address", "add", ServerAddress + "/24", "dev", LabSegment.Interface);
        IpCommand.In(names.DhcpServer, "link", "set", LabSegment.Interface, "up");
        var socket = NetworkNamespace.Create(names.DhcpServer, () =>
        {
            var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            s.EnableBroadcast = true;
            s.SetRawSocketOption(1, 25, Encoding.ASCII.GetBytes(LabSegment.Interface + "\0")); // SOL_SOCKET, SO_BINDTODEVICE
            s.Bind(new IPEndPoint(IPAddress.Any, ServerPort));
            return s;
        });
        return new LabDhcpServer(socket, lan, logger);
    }

    /// <summary>
    /// The server's one decision (RFC 2131 §4.3): a DISCOVER is offered the client's lease (silence
    /// when the pool is exhausted); a REQUEST addressed to this server, or renewing, is ACKed when it
    /// asks for the client's lease and NAKed otherwise; a REQUEST for another server, RELEASE, DECLINE
    /// and INFORM get no answer (the leases are stable per MAC, so a release frees nothing).
    /// </summary>
    public static (DhcpMessageType Type, IPAddress? Address)? Decide(DhcpClientMessage message, Func<string, string?> leaseOf)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(leaseOf);
        var lease = leaseOf(message.Key) is { } text ? IPAddress.Parse(text) : null;
        switch (message.Type)
        {
            case DhcpMessageType.Discover:
                return lease is null ? null : (DhcpMessageType.Offer, lease);
            case DhcpMessageType.Request when message.ServerId is null || message.ServerId.Equals(ServerAddress):
                var asked = message.Requested ?? (message.ClientAddress.Equals(IPAddress.Any) ? null : message.ClientAddress);
                return asked is not null && asked.Equals(lease) ? (DhcpMessageType.Ack, lease) : (DhcpMessageType.Nak, null);
            default:
                return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _serving;
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        var buffer = new byte[1500];
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
                // A stopped server (EmulatedLan.SetDhcpServing) hears nothing, NAKs nothing.
                if (_lan.DhcpServing && DhcpClientMessage.Read(buffer.AsSpan(0, received.ReceivedBytes)) is { } message && Decide(message, _lan.RequestLease) is { } answer)
                {
                    // RFC 2131 §4.1: to the client's address once it has one, else (and every NAK) broadcast.
                    var to = answer.Type == DhcpMessageType.Nak || message.Broadcast || message.ClientAddress.Equals(IPAddress.Any) ? IPAddress.Broadcast : message.ClientAddress;
                    await _socket.SendToAsync(message.Answer(answer.Type, answer.Address, ServerAddress, Mask, LeaseTime), new IPEndPoint(to, ClientPort), _stop.Token);
                    _logger.LogDebug("DHCP {Type} {Address} to {Mac}", answer.Type, answer.Address, message.Key);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // the lab is going down
        }
    }
}
