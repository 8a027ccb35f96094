using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AxisEmulator.Vapix.Hosting;
using Microsoft.AspNetCore.Http;

namespace AxisEmulator.Vapix.Tests.Hostile;

/// <summary>
/// What a camera's listener does with clients that hold it (README, "Exposure"): one trickling its
/// headers is cut off, an idle kept-alive connection is closed, and connections past the per-device
/// cap wait in the backlog while the device's other clients and other devices are still answered.
/// These are Kestrel's own timers (its one-second heartbeat on the system clock, which no simulation
/// clock drives), so the limits are shrunk to a second or two and the waits bounded in wall time.
/// </summary>
public class SlowAndIdleClientTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static readonly DeviceServerLimits Short = DeviceServerLimits.Default with
    {
        RequestHeadersTimeout = TimeSpan.FromSeconds(1),
        KeepAliveTimeout = TimeSpan.FromSeconds(1),
        MaxConnectionsPerDevice = 64,
    };

    private static RequestDelegate Answer(string text) => async context =>
    {
        context.Response.ContentType = "text/plain";
        context.Response.ContentLength = Encoding.ASCII.GetByteCount(text);
        await context.Response.WriteAsync(text);
    };

    [Fact]
    public void The_defaults_are_apaches()
    {
        var limits = DeviceServerLimits.Default;
        limits.KeepAliveTimeout.Should().Be(TimeSpan.FromSeconds(5), "KeepAliveTimeout 5");
        limits.RequestHeadersTimeout.Should().Be(TimeSpan.FromSeconds(20), "mod_reqtimeout header=20");
        limits.MinRequestBodyDataRate.BytesPerSecond.Should().Be(500, "mod_reqtimeout body=20,MinRate=500");
        limits.MinRequestBodyDataRate.GracePeriod.Should().Be(TimeSpan.FromSeconds(20));
        limits.MaxConnectionsPerDevice.Should().Be(256, "prefork MaxRequestWorkers");
        limits.MaxRequestBodyBytes.Should().Be(512L * 1024 * 1024);
    }

    [Fact]
    public async Task A_client_trickling_its_headers_is_cut_off_after_the_header_timeout()
    {
        await using var server = new DeviceHttpServer(TimeProvider.System, limits: Short);
        await using var listener = new DeviceListener(IPAddress.Loopback, 0, Answer("ok"), server: server);
        await listener.OpenAsync();
        using var socket = await ConnectAsync(listener);
        var stopwatch = Stopwatch.StartNew();
        await socket.SendAsync("GET / HTTP/1.1\r\nHost: device\r\n"u8.ToArray());

        // One header byte every 100 ms, slowloris style, until the server gives up on the connection.
        var cut = false;
        for (var i = 0; i < 200 && !cut; i++)
        {
            try
            {
                await socket.SendAsync("X"u8.ToArray());
                await Task.Delay(100);
                cut = socket.Poll(0, SelectMode.SelectRead);
            }
            catch (SocketException)
            {
                cut = true;
            }
        }

        stopwatch.Stop();
        cut.Should().BeTrue("the header timeout should have closed the connection");
        stopwatch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)).And.BeLessThan(TimeSpan.FromSeconds(10));
        var answer = await ReadToCloseAsync(socket);
        (answer.Length == 0 || answer.StartsWith("HTTP/1.1 408", StringComparison.Ordinal)).Should().BeTrue($"a cut connection says nothing or 408 (as mod_reqtimeout does), got: {answer}");
        await ShouldAnswerAsync(listener);
    }

    [Fact]
    public async Task An_idle_kept_alive_connection_is_closed_after_the_keep_alive_timeout()
    {
        await using var server = new DeviceHttpServer(TimeProvider.System, limits: Short);
        await using var listener = new DeviceListener(IPAddress.Loopback, 0, Answer("ok"), server: server);
        await listener.OpenAsync();
        using var socket = await ConnectAsync(listener);
        await socket.SendAsync("GET / HTTP/1.1\r\nHost: device\r\n\r\n"u8.ToArray());
        var buffer = new byte[4096];
        var read = await socket.ReceiveAsync(buffer).WaitAsync(Bound);
        Encoding.ASCII.GetString(buffer, 0, read).Should().StartWith("HTTP/1.1 200").And.EndWith("ok");
        var stopwatch = Stopwatch.StartNew();

        (await socket.ReceiveAsync(buffer).WaitAsync(Bound)).Should().Be(0, "the server closes the idle connection");

        stopwatch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)).And.BeLessThan(TimeSpan.FromSeconds(10));
        listener.OpenConnections.Should().BeLessThanOrEqualTo(1);
    }

    [Fact]
    public async Task Idle_connections_past_the_cap_are_held_off_and_normal_requests_are_still_answered()
    {
        await using var server = new DeviceHttpServer(TimeProvider.System, limits: Short);
        await using var held = new DeviceListener(IPAddress.Loopback, 0, Answer("held"), server: server);
        await using var other = new DeviceListener(IPAddress.Loopback, 0, Answer("other"), server: server);
        await held.OpenAsync();
        await other.OpenAsync();
        const int Idle = 200;
        var idle = new List<Socket>();
        for (var i = 0; i < Idle; i++)
        {
            idle.Add(await ConnectAsync(held));
        }

        // The other device shares the server but not the cap: answered at once.
        (await GetAsync(other)).Should().EndWith("other");
        var most = 0;
        var answered = GetAsync(held);
        var stopwatch = Stopwatch.StartNew();
        while (!answered.IsCompleted && stopwatch.Elapsed < Bound)
        {
            most = Math.Max(most, held.OpenConnections);
            await Task.Delay(20);
        }

        (await answered.WaitAsync(Bound)).Should().EndWith("held", "idle connections are cut after the header timeout and the backlog moves on");
        most.Should().BeLessThanOrEqualTo(Short.MaxConnectionsPerDevice, "the device never holds more than its cap");
        most.Should().BeGreaterThan(0);
        idle.ForEach(s => s.Dispose());
    }

    private static async Task<Socket> ConnectAsync(DeviceListener listener)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, listener.Port));
        return socket;
    }

    private static async Task<string> GetAsync(DeviceListener listener)
    {
        using var socket = await ConnectAsync(listener);
        await socket.SendAsync("GET / HTTP/1.1\r\nHost: device\r\nConnection: close\r\n\r\n"u8.ToArray());
        return await ReadToCloseAsync(socket);
    }

    private static async Task ShouldAnswerAsync(DeviceListener listener) => (await GetAsync(listener)).Should().StartWith("HTTP/1.1 200");

    private static async Task<string> ReadToCloseAsync(Socket socket)
    {
        var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer).WaitAsync(Bound)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (SocketException)
        {
            // reset after what was sent
        }

        return Encoding.ASCII.GetString(received.ToArray());
    }
}
