using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Abstractions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AxisEmulator.Vapix.Hosting;

/// <summary>
/// The one HTTP engine behind every device listener of a process: a single Kestrel server whose
/// "transport" is the set of device sockets. Each <see cref="DeviceListener"/> owns its listening
/// socket (so it opens, refuses and closes on its own) and hands the connections it accepts to this
/// server, tagged with the device's request handler. A thousand devices thus share one heartbeat,
/// one memory pool and one set of I/O queues instead of running a thousand Kestrel servers.
/// </summary>
public sealed class DeviceHttpServer : IAsyncDisposable
{
    private static readonly IServiceProvider Services = KestrelServices.Build();

    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _wall;
    private readonly ConnectionHub _hub = new();
    private readonly SocketConnectionContextFactory _connections;
    private readonly Lazy<Task<KestrelServer>> _server;
    private bool _disposed;

    /// <param name="wall">The wall clock sockets live in (the simulation clock's <c>Wall</c>): grace periods, idle connections.</param>
    /// <param name="limits">What each camera's connections are bounded by; null: <see cref="DeviceServerLimits.Default"/>.</param>
    public DeviceHttpServer(TimeProvider wall, ILoggerFactory? loggerFactory = null, DeviceServerLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(wall);
        _wall = wall;
        Limits = limits ?? DeviceServerLimits.Default;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _connections = new SocketConnectionContextFactory(new SocketConnectionFactoryOptions(), _loggerFactory.CreateLogger<DeviceHttpServer>());
        _server = new Lazy<Task<KestrelServer>>(StartAsync);
    }

    /// <summary>The wall clock the connections are timed by.</summary>
    public TimeProvider Wall => _wall;

    /// <summary>How long stopping the process lets requests in flight finish (wall time).</summary>
    public static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(2);

    /// <summary>The bounds every connection of this server gets (Kestrel's timers and body size; the listeners cap connections).</summary>
    public DeviceServerLimits Limits { get; }

    /// <summary>Starts the shared server (once; later calls return at once).</summary>
    public Task EnsureStartedAsync()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _server.Value;
    }

    /// <summary>
    /// Hands an accepted socket to the server; its requests go to <paramref name="handler"/>. Returns
    /// the connection so the listener can close it with the device.
    /// </summary>
    /// <param name="certificate">The device's certificate when the connection speaks TLS; null: plain HTTP.</param>
    internal ConnectionContext Admit(Socket socket, RequestDelegate handler, Func<X509Certificate2>? certificate = null)
    {
        var connection = _connections.Create(socket);
        connection.Features.Set(new DeviceConnection(handler, _wall) { Certificate = certificate });
        var incoming = certificate is null ? _hub.Plain : _hub.Tls;
        if (!incoming.Writer.TryWrite(connection))
        {
            // The server is stopping: nobody will serve this connection.
            connection.Abort();
        }

        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_server.IsValueCreated)
        {
            var server = await _server.Value;
            using var abort = new CancellationTokenSource(StopGracePeriod, _wall);
            await server.StopAsync(abort.Token);
            server.Dispose();
        }

        _hub.Complete();
        _connections.Dispose();
    }

    private async Task<KestrelServer> StartAsync()
    {
        var options = new KestrelServerOptions { ApplicationServices = Services, AddServerHeader = false };
        Limits.ApplyTo(options);
        options.Listen(new DeviceSocketsEndPoint(tls: false));
        options.Listen(new DeviceSocketsEndPoint(tls: true), listen =>
        {
            // Real units speak HTTP/2 over TLS (ALPN h2, http/1.1 for the rest); each device has its own certificate.
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificateSelector = (connection, _) => connection?.Features.Get<DeviceConnection>()?.Certificate?.Invoke(),
            });
        });
        var server = new KestrelServer(Options.Create(options), _hub, _loggerFactory);
        await server.StartAsync(new Application(), CancellationToken.None);
        return server;
    }

    /// <summary>
    /// A connection's tie to its device: the handler of the listener that accepted it, and where the
    /// connection stands (before its first request, in a request, between requests) when the
    /// listener closes gracefully.
    /// </summary>
    internal sealed class DeviceConnection(RequestDelegate handler, TimeProvider wall)
    {
        private const int Fresh = 0;
        private const int InRequest = 1;
        private const int BetweenRequests = 2;

        private int _state;
        private int _closing;
        private long _requestEnded;

        public RequestDelegate Handler { get; } = handler;

        /// <summary>The device's certificate on a TLS connection; null on plain HTTP.</summary>
        public Func<X509Certificate2>? Certificate { get; init; }

        /// <summary>Marks a request as started; true when the listener is closing, so this answer should be the connection's last.</summary>
        public bool StartRequest()
        {
            Interlocked.Exchange(ref _state, InRequest);
            return Volatile.Read(ref _closing) != 0;
        }

        public void EndRequest()
        {
            Volatile.Write(ref _requestEnded, wall.GetTimestamp());
            Interlocked.Exchange(ref _state, BetweenRequests);
        }

        public void BeginClosing() => Interlocked.Exchange(ref _closing, 1);

        /// <summary>
        /// True when the connection has been waiting for its next request for at least
        /// <paramref name="settle"/>: Kestrel closes such a connection cleanly when asked, whereas a
        /// close asked for while a request is still finishing can leave it open.
        /// </summary>
        public bool IdleFor(TimeSpan settle) =>
            Volatile.Read(ref _state) == BetweenRequests && wall.GetElapsedTime(Volatile.Read(ref _requestEnded)) >= settle;
    }

    /// <summary>Kestrel's two "endpoints": the device sockets speaking plain HTTP or TLS, bound by their listeners, not by Kestrel.</summary>
    private sealed class DeviceSocketsEndPoint(bool tls) : EndPoint
    {
        public bool Tls { get; } = tls;

        public override string ToString() => Tls ? "device-listeners-tls" : "device-listeners";
    }

    /// <summary>The transport Kestrel sees: connections arrive as the device listeners accept them.</summary>
    private sealed class ConnectionHub : IConnectionListenerFactory
    {
        public Channel<ConnectionContext> Plain { get; } = Channel.CreateUnbounded<ConnectionContext>(new UnboundedChannelOptions { SingleReader = true });

        public Channel<ConnectionContext> Tls { get; } = Channel.CreateUnbounded<ConnectionContext>(new UnboundedChannelOptions { SingleReader = true });

        public void Complete()
        {
            Plain.Writer.TryComplete();
            Tls.Writer.TryComplete();
        }

        public ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IConnectionListener>(new Listener(this, endpoint, endpoint is DeviceSocketsEndPoint { Tls: true } ? Tls : Plain));

        private sealed class Listener(ConnectionHub hub, EndPoint endpoint, Channel<ConnectionContext> incoming) : IConnectionListener
        {
            public EndPoint EndPoint => endpoint;

            public async ValueTask<ConnectionContext?> AcceptAsync(CancellationToken cancellationToken = default)
            {
                try
                {
                    return await incoming.Reader.ReadAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is ChannelClosedException or OperationCanceledException)
                {
                    return null; // Kestrel's signal that the listener is done
                }
            }

            public ValueTask UnbindAsync(CancellationToken cancellationToken = default)
            {
                hub.Complete();
                return ValueTask.CompletedTask;
            }

            public ValueTask DisposeAsync()
            {
                hub.Complete();
                return ValueTask.CompletedTask;
            }
        }
    }

    private sealed class Application : IHttpApplication<HttpContext>
    {
        /// <summary>One context per connection, reused request after request, as ASP.NET Core's own hosting does.</summary>
        public HttpContext CreateContext(IFeatureCollection contextFeatures)
        {
            if (contextFeatures is IHostContextContainer<HttpContext> container)
            {
                if (container.HostContext is DefaultHttpContext reused)
                {
                    reused.Initialize(contextFeatures);
                    return reused;
                }

                var context = new DefaultHttpContext(contextFeatures);
                container.HostContext = context;
                return context;
            }

            return new DefaultHttpContext(contextFeatures);
        }

        public Task ProcessRequestAsync(HttpContext context)
        {
            if (context.Features.Get<DeviceConnection>() is { } device)
            {
                if (device.StartRequest())
                {
                    context.Response.Headers.Connection = "close";
                }

                return device.Handler(context);
            }

            context.Abort();
            return Task.CompletedTask;
        }

        public void DisposeContext(HttpContext context, Exception? exception)
        {
            context.Features.Get<DeviceConnection>()?.EndRequest();
            if (context is DefaultHttpContext pooled)
            {
                pooled.Uninitialize();
            }
        }
    }
}
