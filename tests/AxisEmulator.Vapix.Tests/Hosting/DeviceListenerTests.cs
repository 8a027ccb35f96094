using System.Net;
using System.Net.Sockets;
using System.Text;
using AxisEmulator.Core.Devices;
using AxisEmulator.Vapix.Hosting;
using AxisEmulator.Vapix.Tests.Server;
using Microsoft.AspNetCore.Http;

namespace AxisEmulator.Vapix.Tests.Hosting;

/// <summary>
/// How a device listener opens and closes its socket: a graceful close (reboot) answers every client
/// that got through the handshake and refuses the rest; a power cut drops everything. Loopback only.
/// </summary>
public class DeviceListenerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static RequestDelegate Answer(string text) => async context =>
    {
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(text);
    };

    [Fact]
    public async Task Every_client_connected_before_a_graceful_close_is_answered_and_later_ones_are_refused()
    {
        await using var listener = new DeviceListener(IPAddress.Loopback, 0, Answer("still here"), wall: TimeProvider.System);
        await listener.OpenAsync();
        var endpoint = new IPEndPoint(IPAddress.Loopback, listener.Port);

        // Handshakes complete in the kernel; some of these are still in the accept queue when the close starts.
        var clients = new List<Socket>();
        for (var i = 0; i < 64; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(endpoint);
            clients.Add(socket);
        }

        var closing = listener.CloseAsync(graceful: true);
        var answers = await Task.WhenAll(clients.Select(socket => RequestAsync(socket, "GET / HTTP/1.1\r\nHost: device\r\n\r\n")));

        answers.Should().AllSatisfy(answer =>
        {
            // Read to the end of the connection: the answer during a shutdown is the connection's last.
            answer.Should().StartWith("HTTP/1.1 200 OK\r\n");
            answer.Should().EndWith("still here\r\n0\r\n\r\n");
        });
        await closing.WaitAsync(Bound);
        listener.IsOpen.Should().BeFalse();
        await listener.ConnectionsClosed.WaitAsync(Bound);
        listener.OpenConnections.Should().Be(0);
        await ShouldBeRefusedAsync(endpoint);
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task Clients_connecting_throughout_a_graceful_close_are_answered_or_refused_never_reset()
    {
        await using var listener = new DeviceListener(IPAddress.Loopback, 0, Answer("up"), wall: TimeProvider.System);
        await listener.OpenAsync();
        var endpoint = new IPEndPoint(IPAddress.Loopback, listener.Port);
        var answered = 0;
        var startClose = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Each client polls until it is refused; the close starts once polling is in full swing.
        async Task<List<string>> PollUntilRefusedAsync()
        {
            var failures = new List<string>();
            for (var attempt = 0; attempt < 10_000; attempt++)
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    await socket.ConnectAsync(endpoint).WaitAsync(Bound);
                }
                catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionRefused)
                {
                    return failures;
                }

                try
                {
                    var answer = await RequestAsync(socket, "GET / HTTP/1.1\r\nHost: device\r\nConnection: close\r\n\r\n");
                    if (!answer.EndsWith("up\r\n0\r\n\r\n", StringComparison.Ordinal))
                    {
                        failures.Add("incomplete answer: " + answer);
                    }
                    else if (Interlocked.Increment(ref answered) == 200)
                    {
                        startClose.TrySetResult();
                    }
                }
                catch (SocketException ex)
                {
                    failures.Add(ex.SocketErrorCode.ToString());
                }
            }

            return ["never refused"];
        }

        var clients = Enumerable.Range(0, 16).Select(_ => Task.Run(PollUntilRefusedAsync)).ToArray();
        await startClose.Task.WaitAsync(Bound);
        await listener.CloseAsync(graceful: true).WaitAsync(Bound);
        var failures = (await Task.WhenAll(clients).WaitAsync(Bound)).SelectMany(f => f).ToList();

        failures.Should().BeEmpty("a client that got through the handshake is answered; after the close it is refused");
        answered.Should().BeGreaterThanOrEqualTo(200);
    }

    [Fact]
    public async Task Graceful_closes_racing_with_arriving_connections_all_finish_promptly()
    {
        // Regression: the drain's blocking Accept could wait for a readiness notice the cancelled
        // accept loop had already taken, holding a thread-pool thread (and the close) until the next
        // connection came, which never comes once new SYNs are dropped. 1,000 devices rebooting at
        // once under pollers starved the pool this way.
        for (var round = 0; round < 60; round++)
        {
            await using var listener = new DeviceListener(IPAddress.Loopback, 0, Answer("up"), wall: TimeProvider.System);
            await listener.OpenAsync();
            var endpoint = new IPEndPoint(IPAddress.Loopback, listener.Port);
            var clients = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    await socket.ConnectAsync(endpoint).WaitAsync(Bound);
                    return await RequestAsync(socket, "GET / HTTP/1.1\r\nHost: device\r\nConnection: close\r\n\r\n");
                }
                catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionRefused)
                {
                    return "refused";
                }
            })).ToArray();

            var close = listener.CloseAsync(graceful: true);
            // A close takes milliseconds; the blocking drain took up to 1.7 s in one round in 40 (and for ever under load).
            (await Task.WhenAny(close, Task.Delay(TimeSpan.FromMilliseconds(750)))).Should().BeSameAs(close, $"round {round}: the close must not wait for a connection that may never come");
            var answers = await Task.WhenAll(clients).WaitAsync(Bound);
            answers.Should().AllSatisfy(a => (a == "refused" || a.EndsWith("up\r\n0\r\n\r\n", StringComparison.Ordinal)).Should().BeTrue($"answered or refused, not '{a}'"));
        }
    }

    [Fact]
    public async Task A_graceful_close_closes_idle_keep_alive_connections_with_a_fin()
    {
        await using var listener = new DeviceListener(IPAddress.Loopback, 0, Answer("first"), wall: TimeProvider.System);
        await listener.OpenAsync();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, listener.Port));
        var first = await RequestAsync(socket, "GET / HTTP/1.1\r\nHost: device\r\n\r\n", untilClosed: false);
        first.Should().StartWith("HTTP/1.1 200 OK\r\n").And.NotContain("Connection: close");

        await listener.CloseAsync(graceful: true).WaitAsync(Bound);

        var buffer = new byte[64];
        (await socket.ReceiveAsync(buffer.AsMemory()).AsTask().WaitAsync(Bound)).Should().Be(0, "an orderly close (FIN), not a reset");
        await listener.ConnectionsClosed.WaitAsync(Bound);
        listener.OpenConnections.Should().Be(0);
    }

    [Fact]
    public async Task A_power_cut_drops_requests_in_flight_without_an_answer()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var listener = new DeviceListener(IPAddress.Loopback, 0, async context =>
        {
            entered.TrySetResult();
            await release.Task.WaitAsync(context.RequestAborted);
            await context.Response.WriteAsync("too late");
        }, wall: TimeProvider.System);
        await listener.OpenAsync();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, listener.Port));
        var answer = RequestAsync(socket, "GET / HTTP/1.1\r\nHost: device\r\n\r\n");
        await entered.Task.WaitAsync(Bound);

        await listener.CloseAsync(graceful: false).WaitAsync(Bound);
        release.TrySetResult();

        var read = async () => await answer.WaitAsync(Bound);
        (await read.Should().ThrowAsync<SocketException>()).Which.SocketErrorCode.Should().Be(SocketError.ConnectionReset);
        await listener.ConnectionsClosed.WaitAsync(Bound);
        listener.OpenConnections.Should().Be(0);
    }

    [Fact]
    public async Task A_listener_reopens_on_the_same_port_after_a_close()
    {
        await using var listener = new DeviceListener(IPAddress.Loopback, 0, Answer("back"), wall: TimeProvider.System);
        await listener.OpenAsync();
        var port = listener.Port;
        await listener.CloseAsync(graceful: true);
        await ShouldBeRefusedAsync(new IPEndPoint(IPAddress.Loopback, port));

        await listener.OpenAsync();

        listener.Port.Should().Be(port);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        (await RequestAsync(socket, "GET / HTTP/1.1\r\nHost: device\r\nConnection: close\r\n\r\n")).Should().EndWith("back\r\n0\r\n\r\n");
    }

    [Fact]
    public async Task A_listener_reopens_at_once_while_a_client_of_the_last_boot_has_not_sent_its_request()
    {
        await using var listener = new DeviceListener(IPAddress.Loopback, 0, Answer("served"), wall: TimeProvider.System);
        await listener.OpenAsync();
        var endpoint = new IPEndPoint(IPAddress.Loopback, listener.Port);
        using var slow = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await slow.ConnectAsync(endpoint);

        await listener.CloseAsync(graceful: true).WaitAsync(Bound);
        await listener.OpenAsync().WaitAsync(Bound);

        listener.ConnectionsClosed.IsCompleted.Should().BeFalse("the slow client still has its answer to come");
        using var fresh = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await fresh.ConnectAsync(endpoint);
        (await RequestAsync(fresh, "GET / HTTP/1.1\r\nHost: device\r\nConnection: close\r\n\r\n")).Should().EndWith("served\r\n0\r\n\r\n");
        (await RequestAsync(slow, "GET / HTTP/1.1\r\nHost: device\r\n\r\n")).Should().StartWith("HTTP/1.1 200 OK\r\n").And.Contain("Connection: close");
        await listener.ConnectionsClosed.WaitAsync(Bound);
    }

    [Fact]
    public async Task A_client_connected_as_the_device_reboots_gets_systemready_no_and_other_cgis_get_503()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        var endpoint = h.Endpoint(camera);
        using var systemReady = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var param = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await systemReady.ConnectAsync(endpoint.Host, endpoint.Port);
        await param.ConnectAsync(endpoint.Host, endpoint.Port);

        camera.Restart().Should().BeTrue();
        camera.Phase.Should().Be(DevicePhase.ShuttingDown);
        var closing = h.Listeners.SettledAsync(camera.Id);

        const string Call = """{"apiVersion":"1.0","method":"systemready"}""";
        var ready = RawResponse.Parse(Encoding.UTF8.GetBytes(await RequestAsync(systemReady,
            $"POST /axis-cgi/systemready.cgi HTTP/1.1\r\nHost: {endpoint.Authority}\r\nContent-Type: application/json\r\nContent-Length: {Call.Length}\r\n\r\n{Call}")));
        var list = RawResponse.Parse(Encoding.UTF8.GetBytes(await RequestAsync(param,
            $"GET /axis-cgi/param.cgi?action=list&group=Brand HTTP/1.1\r\nHost: {endpoint.Authority}\r\n\r\n")));

        ready.Status.Should().Be(200);
        ready.Body.Should().Contain("\"systemready\": \"no\"");
        list.Status.Should().Be(503);
        await closing.WaitAsync(Bound);
        await h.ShouldRefuseConnectionsAsync(camera);
    }

    [Fact]
    public async Task Once_the_set_has_settled_a_removed_devices_listener_refuses_connections()
    {
        await using var h = new ServerHarness();
        for (var i = 0; i < 8; i++)
        {
            var camera = await h.ReadyDeviceAsync();
            var endpoint = h.Endpoint(camera);

            h.Emulator.RemoveDevice(camera.Id).Should().BeTrue();
            var settled = h.Listeners.SettledAsync();

            // Connect the moment "settled" completes: before, removed devices were not waited for,
            // so it completed at once while the listener was still open.
            await settled.WaitAsync(Bound);
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            var connect = () => socket.Connect(IPAddress.Parse(endpoint.Host), endpoint.Port);
            connect.Should().Throw<SocketException>($"device {i} was removed and the set has settled")
                .Which.SocketErrorCode.Should().Be(SocketError.ConnectionRefused);
        }
    }

    /// <summary>Sends <paramref name="request"/> and reads the answer (to the end of the connection, or one read).</summary>
    private static async Task<string> RequestAsync(Socket socket, string request, bool untilClosed = true)
    {
        await socket.SendAsync(Encoding.ASCII.GetBytes(request));
        var received = new MemoryStream();
        var buffer = new byte[4096];
        do
        {
            var count = await socket.ReceiveAsync(buffer.AsMemory()).AsTask().WaitAsync(Bound);
            if (count == 0)
            {
                break;
            }

            received.Write(buffer, 0, count);
        }
        while (untilClosed);

        return Encoding.ASCII.GetString(received.ToArray());
    }

    private static async Task ShouldBeRefusedAsync(IPEndPoint endpoint)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var connect = async () => await socket.ConnectAsync(endpoint);
        (await connect.Should().ThrowAsync<SocketException>()).Which.SocketErrorCode.Should().Be(SocketError.ConnectionRefused);
    }
}
