using System.Net;
using System.Net.Sockets;
using System.Text;
using AxisEmulator.Vapix.Hosting;

namespace AxisEmulator.Vapix.Tests.Hosting;

/// <summary>
/// The socket filter a graceful close puts on a listener (Linux): new connection attempts get no
/// answer at all, while connections already through the handshake are still accepted and carry
/// data both ways. Loopback only; the one wall-clock wait bounds how long "no answer" is watched.
/// </summary>
public class SynDropFilterTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task New_connection_attempts_go_unanswered_while_queued_connections_are_still_accepted_and_carry_data()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(16);
        if (!OperatingSystem.IsLinux())
        {
            SynDropFilter.TryAttach(listener).Should().BeFalse("elsewhere a graceful close keeps its small window");
            return;
        }

        var endpoint = (IPEndPoint)listener.LocalEndPoint!;
        using var queued = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await queued.ConnectAsync(endpoint).WaitAsync(Bound);

        SynDropFilter.TryAttach(listener).Should().BeTrue();

        using var late = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using (var watch = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            var attempt = async () => await late.ConnectAsync(endpoint, watch.Token);
            await attempt.Should().ThrowAsync<OperationCanceledException>("the SYN was dropped: neither accepted nor refused");
        }

        using var accepted = await listener.AcceptAsync().WaitAsync(Bound);
        await queued.SendAsync(Encoding.ASCII.GetBytes("ping"));
        (await ReceiveAsync(accepted, 4)).Should().Be("ping");
        await accepted.SendAsync(Encoding.ASCII.GetBytes("pong"));
        (await ReceiveAsync(queued, 4)).Should().Be("pong");
        listener.Poll(0, SelectMode.SelectRead).Should().BeFalse("the late attempt never reached the accept queue");
    }

    [Fact]
    public async Task An_attempt_dropped_before_the_close_ends_refused()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(16);
        var endpoint = (IPEndPoint)listener.LocalEndPoint!;
        SynDropFilter.TryAttach(listener).Should().Be(OperatingSystem.IsLinux());

        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var connecting = client.ConnectAsync(endpoint);
        listener.Dispose();

        // The client retries its SYN after about a second and meets a closed port.
        var connect = async () => await connecting.WaitAsync(Bound);
        (await connect.Should().ThrowAsync<SocketException>()).Which.SocketErrorCode.Should().Be(SocketError.ConnectionRefused);
    }

    private static async Task<string> ReceiveAsync(Socket socket, int count)
    {
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read)).AsTask().WaitAsync(Bound);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return Encoding.ASCII.GetString(buffer, 0, read);
    }
}
