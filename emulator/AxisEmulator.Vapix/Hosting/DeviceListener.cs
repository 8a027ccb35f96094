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
/// </summary>
public sealed class DeviceListener : IAsyncDisposable
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().BuildServiceProvider();

    private readonly RequestDelegate _handler;
    private readonly ILoggerFactory _loggerFactory;
    private KestrelServer? _server;

    public DeviceListener(IPAddress address, int port, RequestDelegate handler, ILoggerFactory? loggerFactory = null)
    {
        if (!IPAddress.IsLoopback(address))
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

    /// <summary><c>http://127.0.0.1:port</c>, once a port is known.</summary>
    public Uri? Endpoint => Port == 0 ? null : new Uri($"http://{(Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{Address}]" : Address.ToString())}:{Port}");

    public async Task OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_server is not null)
        {
            return;
        }

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

    /// <summary>Closes the socket; requests in flight are aborted, as when a camera loses power.</summary>
    public async Task CloseAsync()
    {
        var server = _server;
        if (server is null)
        {
            return;
        }

        _server = null;
        using var abort = new CancellationTokenSource();
        await abort.CancelAsync();
        await server.StopAsync(abort.Token);
        server.Dispose();
    }

    public async ValueTask DisposeAsync() => await CloseAsync();

    private sealed class Application(RequestDelegate handler) : IHttpApplication<HttpContext>
    {
        public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

        public Task ProcessRequestAsync(HttpContext context) => handler(context);

        public void DisposeContext(HttpContext context, Exception? exception)
        {
        }
    }
}
