using System.Net;
using System.Net.Sockets;
using AxisEmulator.Vapix.Onvif.Discovery;

namespace AxisEmulator.Lab.WsDiscovery;

/// <summary>
/// A camera's WS-Discovery (2005/04, as ONVIF uses it) on its eth0 while its network is up: a Hello
/// to 239.255.255.250:3702 for each new set of addresses, a Bye on an orderly shutdown (nothing on a
/// power cut), a ProbeMatch to a matching Probe and a ResolveMatch to a Resolve of its endpoint,
/// unicast to the asker after a random wait of up to APP_MAX_DELAY (WS-Discovery §3.2: so a segment of
/// cameras does not answer in one burst). The messages are the VAPIX server's
/// (<see cref="DiscoverableDevice"/>), so <c>WebService.DiscoveryMode.Discoverable=No</c> keeps it silent.
/// </summary>
internal sealed class WsDiscoveryResponder : Discovery.IDiscoveryResponder
{
    public const int Port = 3702;
    private static readonly IPEndPoint Group = new(IPAddress.Parse("239.255.255.250"), Port);
    private static readonly TimeSpan AppMaxDelay = TimeSpan.FromMilliseconds(500);
    private readonly Socket _socket;
    private readonly DiscoverableDevice? _device;
    private readonly TimeProvider _wall;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _listening;
    private IReadOnlyList<IPAddress> _addresses = [];

    public WsDiscoveryResponder(Discovery.DiscoveryLink link)
    {
        _wall = link.Wall;
        // Without the VAPIX server (a lab with no listeners) there is no device service to point at.
        _device = link.Vapix is { } vapix ? DiscoverableDevice.For(vapix, link.Device, WebServers) : null;
        _socket = Discovery.MulticastSocket.Open(link.Namespace, link.Interface, Group);
        _listening = Task.Run(ListenAsync);
    }

    public void Publish(IReadOnlyList<IPAddress> addresses)
    {
        Volatile.Write(ref _addresses, addresses);
        if (_device?.Hello() is { } hello)
        {
            _ = SendAsync(hello, Group);
        }
    }

    public Task GoodbyeAsync() => _device?.Bye() is { } bye ? SendAsync(bye, Group) : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _listening;
        _stop.Dispose();
    }

    /// <summary>Port 80 of each address the camera holds, its own (leased or static) address first.</summary>
    private List<Uri> WebServers() => [.. Volatile.Read(ref _addresses).Select(a => new Uri($"http://{a}/"))];

    private async Task ListenAsync()
    {
        var buffer = new byte[65536];
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
                if (received.RemoteEndPoint is IPEndPoint asker && _device?.AnswerTo(buffer.AsSpan(0, received.ReceivedBytes)) is { } answer)
                {
                    _ = AnswerLaterAsync(answer, asker);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // the network went down
        }
    }

    private async Task AnswerLaterAsync(byte[] answer, IPEndPoint asker)
    {
        try
        {
            await Task.Delay(TimeSpan.FromTicks((long)(Random.Shared.NextDouble() * AppMaxDelay.Ticks)), _wall, _stop.Token);
            await SendAsync(answer, asker);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // the network went down before the answer was due
        }
    }

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
