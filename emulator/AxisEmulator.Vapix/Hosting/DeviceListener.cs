using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AxisEmulator.Vapix.Hosting;

/// <summary>
/// One device's HTTP listener: a bare Kestrel server on a loopback endpoint that really opens and
/// closes, so a client sees "connection refused" while the device is down, exactly like a camera
/// that is off or rebooting. The port is kept across reopenings so the device's endpoint is stable.
/// Only loopback addresses are accepted unless the caller asks for another one explicitly
/// (<c>allowNonLoopback</c>, e.g. 0.0.0.0 inside a container whose ports are published).
/// </summary>
public sealed class DeviceListener : IAsyncDisposable
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().BuildServiceProvider();

    private readonly RequestDelegate _handler;
    private readonly ILoggerFactory _loggerFactory;
    private KestrelServer? _server;
    private System.Net.Sockets.Socket? _reservation;

    public DeviceListener(IPAddress address, int port, RequestDelegate handler, ILoggerFactory? loggerFactory = null, bool allowNonLoopback = false)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!allowNonLoopback && !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"Device listeners bind loopback only; {address} is not a loopback address.", nameof(address));
        }

        Address = address;
        Port = port;
        _handler = handler;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    }

    public IPAddress Address { get; }

    /// <summary>The bound port (assigned on the first open when 0 was asked for).</summary>
    public int Port { get; private set; }

    public bool IsOpen => _server is not null;

    /// <summary>
    /// <c>http://127.0.0.1:port</c>, once a port is known: the address a local client connects to. A
    /// wildcard bind (0.0.0.0, ::) is reported as the matching loopback address.
    /// </summary>
    public Uri? Endpoint => Port == 0 ? null : new Uri($"http://{Host(ClientAddress(Address))}:{Port}");

    public async Task OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_server is not null)
        {
            return;
        }

        ReleasePort();
        var options = new KestrelServerOptions { ApplicationServices = Services, AddServerHeader = false };
        options.Limits.MaxRequestBodySize = 512L * 1024 * 1024;
        options.Listen(Address, Port);
        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), _loggerFactory);
        var server = new KestrelServer(Options.Create(options), transport, _loggerFactory);
        await server.StartAsync(new Application(_handler), cancellationToken);
        if (Port == 0)
        {
            var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            Port = bound is null ? 0 : new Uri(bound).Port;
        }

        _server = server;
    }

    /// <summary>How long a graceful close lets requests in flight finish before aborting them (wall time: it is about sockets).</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Closes the socket. By default requests in flight are aborted, as when a camera loses power.
    /// <paramref name="graceful"/> is a shutdown (restart, factory default): answers already given
    /// reach their clients and connections end with a FIN rather than a reset, as Apache's graceful stop.
    /// </summary>
    public async Task CloseAsync(bool graceful = false)
    {
        var server = _server;
        if (server is null)
        {
            return;
        }

        _server = null;
        using var abort = graceful ? new CancellationTokenSource(GracePeriod) : new CancellationTokenSource();
        if (!graceful)
        {
            await abort.CancelAsync();
        }

        await server.StopAsync(abort.Token);
        server.Dispose();
        ReservePort();
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        ReleasePort();
    }

    /// <summary>
    /// Keeps the port while the device is down: a bound socket that does not listen refuses every
    /// connection, as a camera that is off does, but stops the OS from handing the port to another
    /// listener that binds port 0 meanwhile (which would leave this device unable to come back on it).
    /// </summary>
    private void ReservePort()
    {
        if (Port == 0 || _reservation is not null)
        {
            return;
        }

        var socket = new System.Net.Sockets.Socket(Address.AddressFamily, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        try
        {
            socket.SetSocketOption(System.Net.Sockets.SocketOptionLevel.Socket, System.Net.Sockets.SocketOptionName.ReuseAddress, true);
            socket.Bind(new IPEndPoint(Address, Port));
            _reservation = socket;
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            socket.Dispose(); // best effort: the port is simply not held
            _loggerFactory.CreateLogger<DeviceListener>().LogWarning("Could not hold {Address}:{Port} while the device is down: {Error}", Address, Port, ex.SocketErrorCode);
        }
    }

    private static IPAddress ClientAddress(IPAddress address) =>
        address.Equals(IPAddress.Any) ? IPAddress.Loopback
        : address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
        : address;

    private static string Host(IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();

    private void ReleasePort()
    {
        _reservation?.Dispose();
        _reservation = null;
    }

    private sealed class Application(RequestDelegate handler) : IHttpApplication<HttpContext>
    {
        public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

        public Task ProcessRequestAsync(HttpContext context) => handler(context);

        public void DisposeContext(HttpContext context, Exception? exception)
        {
        }
    }
}
