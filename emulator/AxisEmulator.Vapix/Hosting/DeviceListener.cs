using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AxisEmulator.Vapix.Hosting;

/// <summary>
/// One device's HTTP listener: a listening socket on a loopback endpoint that really opens and
/// closes, so a client sees "connection refused" while the device is down, exactly like a camera
/// that is off or rebooting. The port is kept across reopenings so the device's endpoint is stable.
/// Accepted connections are served by a <see cref="DeviceHttpServer"/> (shared by a fleet, or this
/// listener's own). Only loopback addresses are accepted unless the caller asks for another one
/// explicitly (<c>allowNonLoopback</c>, e.g. 0.0.0.0 inside a container whose ports are published).
/// </summary>
public sealed class DeviceListener : IAsyncDisposable
{
    /// <summary>Pending connections the kernel queues for a device before refusing (Apache's ListenBacklog is 511).</summary>
    private const int Backlog = 511;

    private readonly RequestDelegate _handler;
    private readonly ILogger _logger;
    private readonly DeviceHttpServer _server;
    private readonly bool _ownsServer;
    private readonly Lock _sync = new();
    private readonly Dictionary<ConnectionContext, TaskCompletionSource> _connections = [];
    private Task _connectionsClosed = Task.CompletedTask;
    private TaskCompletionSource? _slotFreed;
    private Socket? _socket;
    private Task _accepting = Task.CompletedTask;
    private CancellationTokenSource? _stopAccepting;
    private Socket? _reservation;
    private readonly Func<AddressFamily, Socket> _createSocket;
    private readonly Func<X509Certificate2>? _certificate;

    /// <param name="server">The engine shared by a fleet; null: the listener's own, timed by <paramref name="wall"/>.</param>
    /// <param name="wall">The wall clock of a listener without a shared server (the shared one brings its own).</param>
    /// <param name="createSocket">Makes the listening sockets (the network lab makes them in the device's own namespace); null: here.</param>
    /// <param name="certificate">The device's certificate: the listener speaks HTTPS; null: plain HTTP.</param>
    public DeviceListener(IPAddress address, int port, RequestDelegate handler, ILoggerFactory? loggerFactory = null, bool allowNonLoopback = false, DeviceHttpServer? server = null, TimeProvider? wall = null, Func<AddressFamily, Socket>? createSocket = null, Func<X509Certificate2>? certificate = null)
    {
        _certificate = certificate;
        _createSocket = createSocket ?? (family => new Socket(family, SocketType.Stream, ProtocolType.Tcp));
        ArgumentNullException.ThrowIfNull(address);
        if (!allowNonLoopback && !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"Device listeners bind loopback only; {address} is not a loopback address.", nameof(address));
        }

        Address = address;
        Port = port;
        _handler = handler;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<DeviceListener>();
        _ownsServer = server is null;
        _server = server ?? new DeviceHttpServer(wall ?? throw new ArgumentNullException(nameof(wall), "A listener without a shared server needs the wall clock its sockets are timed by."), loggerFactory);
    }

    public IPAddress Address { get; }

    /// <summary>The bound port (assigned on the first open when 0 was asked for).</summary>
    public int Port { get; private set; }

    /// <summary>The wall clock the sockets are timed by (the server's).</summary>
    private TimeProvider Wall => _server.Wall;

    public bool IsOpen => Volatile.Read(ref _socket) is not null;

    /// <summary>Connections accepted and not yet closed.</summary>
    public int OpenConnections
    {
        get { lock (_sync) { return _connections.Count; } }
    }

    /// <summary>
    /// <c>http://127.0.0.1:port</c> (<c>https://</c> for TLS), once a port is known: the address a local
    /// client connects to. A wildcard bind (0.0.0.0, ::) is reported as the matching loopback address.
    /// </summary>
    public Uri? Endpoint => Port == 0 ? null : new Uri($"{Scheme}://{Host(ClientAddress(Address))}:{Port}");

    /// <summary><c>https</c> when the listener speaks TLS, else <c>http</c>.</summary>
    public string Scheme => _certificate is null ? "http" : "https";

    /// <summary>
    /// How long a graceful close lets accepted connections send and finish their request before
    /// aborting them (wall time: it is about sockets): Apache's default <c>Timeout</c>, which its
    /// graceful stop lets a connection use. The device does not wait for it: the listener can reopen
    /// meanwhile. (A busy client can take seconds between its connect and its request.)
    /// </summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(60);

    /// <summary>Completes when the connections that were open at the last close have all ended.</summary>
    public Task ConnectionsClosed => Volatile.Read(ref _connectionsClosed);

    public async Task OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_socket is not null)
        {
            return;
        }

        await _server.EnsureStartedAsync().WaitAsync(cancellationToken);
        ReleasePort();
        var socket = _createSocket(Address.AddressFamily);
        try
        {
            // As Kestrel and Apache do: a port in TIME_WAIT from the last boot must not keep the device off the network.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            if (Address.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            socket.Bind(new IPEndPoint(Address, Port));
            socket.Listen(Backlog);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new IOException($"Could not listen on {Address}:{Port}: {ex.SocketErrorCode}", ex);
        }

        Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        var stop = new CancellationTokenSource();
        _stopAccepting = stop;
        _accepting = AcceptLoopAsync(socket, stop.Token);
        Volatile.Write(ref _socket, socket);
    }

    /// <summary>
    /// Puts the closed listener on another port (a device whose <c>HTTPS.Port</c> changed): the port
    /// held while it was down is let go, the next <see cref="OpenAsync"/> binds the new one.
    /// </summary>
    public void MoveTo(int port)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        if (IsOpen)
        {
            throw new InvalidOperationException($"Close the listener on {Address}:{Port} before moving it to port {port}.");
        }

        ReleasePort();
        Port = port;
    }

    /// <summary>
    /// Closes the socket. By default requests in flight are aborted, as when a camera loses power.
    /// <paramref name="graceful"/> is a shutdown (restart, factory default), as Apache's graceful stop:
    /// connections already accepted by the kernel are still served, answers already given reach their
    /// clients, and connections end with a FIN rather than a reset; whoever connects afterwards is refused.
    /// </summary>
    public async Task CloseAsync(bool graceful = false)
    {
        var socket = Volatile.Read(ref _socket);
        if (socket is null)
        {
            return;
        }

        Volatile.Write(ref _socket, null);
        if (graceful)
        {
            // Stop the accept loop without closing the socket, take in what the kernel has already
            // queued, and only then stop listening: nobody who got past the handshake is reset.
            await _stopAccepting!.CancelAsync();
            await _accepting;
            if (SynDropFilter.TryAttach(socket))
            {
                // New attempts are now dropped (the client retries them); handshakes under way
                // finish within microseconds on loopback: take them in after a moment.
                Drain(socket);
                await Task.Delay(HandshakeSettle, Wall);
            }

            Drain(socket);
        }

        socket.Dispose();
        await _accepting;
        _stopAccepting?.Dispose();
        _stopAccepting = null;
        ReservePort();

        // The socket is what the device's state is about; the connections wind down on their own.
        Volatile.Write(ref _connectionsClosed, CloseConnectionsAsync(graceful));
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        await CloseConnectionsAsync(graceful: false);
        ReleasePort();
        if (_ownsServer)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task AcceptLoopAsync(Socket socket, CancellationToken stop)
    {
        while (true)
        {
            Socket accepted;
            try
            {
                await SlotAsync(stop);
                accepted = await socket.AcceptAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return; // a graceful close drains the queue itself
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return; // the socket was closed: the device went down
            }

            Admit(accepted);
        }
    }

    /// <summary>
    /// Waits while the device holds <see cref="DeviceServerLimits.MaxConnectionsPerDevice"/> connections:
    /// further clients stay in the listen backlog until one closes, as at Apache's MaxRequestWorkers.
    /// </summary>
    private async Task SlotAsync(CancellationToken stop)
    {
        while (true)
        {
            Task freed;
            lock (_sync)
            {
                if (_connections.Count < _server.Limits.MaxConnectionsPerDevice)
                {
                    return;
                }

                _slotFreed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                freed = _slotFreed.Task;
            }

            await freed.WaitAsync(stop);
        }
    }

    /// <summary>Accepts every connection still queued in the kernel (without waiting for more).</summary>
    private void Drain(Socket socket)
    {
        // Non-blocking: a blocking Accept was seen to wait although a connection was queued (it
        // waits for the runtime's readiness notice, which the cancelled accept loop may already
        // have taken), holding a thread-pool thread until someone else connected, or for ever
        // once new SYNs are dropped; a thousand devices rebooting at once starved the pool so.
        socket.Blocking = false;
        try
        {
            while (true)
            {
                Admit(socket.Accept());
            }
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.WouldBlock)
        {
            // the queue is empty
        }
        catch (SocketException ex)
        {
            _logger.LogDebug("{Address}:{Port}: stopped draining the accept queue: {Error}", Address, Port, ex.SocketErrorCode);
        }
    }

    private void Admit(Socket accepted)
    {
        accepted.NoDelay = true;
        var connection = _server.Admit(accepted, _handler, _certificate);
        lock (_sync)
        {
            _connections.Add(connection, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        connection.ConnectionClosed.Register(() => Forget(connection));
    }

    private void Forget(ConnectionContext connection)
    {
        TaskCompletionSource? closed;
        TaskCompletionSource? slot;
        lock (_sync)
        {
            _connections.Remove(connection, out closed);
            (slot, _slotFreed) = (_slotFreed, null);
        }

        closed?.TrySetResult();
        slot?.TrySetResult();
    }

    /// <summary>
    /// Graceful: every connection gets to finish its request in flight, or to send and get answered
    /// its first one (with <c>Connection: close</c>), and is then closed with a FIN once it waits
    /// for its next request; what is left after <see cref="GracePeriod"/> is aborted. Otherwise
    /// everything is aborted at once.
    /// </summary>
    private async Task CloseConnectionsAsync(bool graceful)
    {
        List<ConnectionContext> open;
        Task[] all;
        lock (_sync)
        {
            open = [.. _connections.Keys];
            all = [.. _connections.Values.Select(c => c.Task)];
        }

        if (open.Count == 0)
        {
            return;
        }

        if (graceful)
        {
            open.ForEach(c => c.Features.Get<DeviceHttpServer.DeviceConnection>()?.BeginClosing());
            var started = Wall.GetTimestamp();
            while (open.Count > 0 && Wall.GetElapsedTime(started) < GracePeriod)
            {
                foreach (var connection in open.Where(c => c.Features.Get<DeviceHttpServer.DeviceConnection>()?.IdleFor(Settle) == true).ToList())
                {
                    connection.Features.Get<IConnectionLifetimeNotificationFeature>()?.RequestClose();
                    open.Remove(connection);
                }

                // Wall-clock polling on purpose: this is about sockets, not the simulation.
                await Task.Delay(Poll, Wall);
                lock (_sync)
                {
                    open.RemoveAll(c => !_connections.ContainsKey(c));
                }
            }

            if (open.Count > 0)
            {
                _logger.LogDebug("{Address}:{Port}: {Count} connections still open after the grace period; aborting them", Address, Port, open.Count);
            }
        }

        foreach (var connection in open)
        {
            connection.Abort(new ConnectionAbortedException("The device went down."));
        }

        Task[] closing;
        lock (_sync)
        {
            closing = [.. open.Where(_connections.ContainsKey).Select(c => _connections[c].Task)];
        }

        try
        {
            // Aborting is immediate on the socket; the bookkeeping follows on the I/O threads.
            await Task.WhenAll(closing).WaitAsync(GracePeriod, Wall);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("{Address}:{Port}: {Count} aborted connections did not report closing", Address, Port, closing.Count(t => !t.IsCompleted));
        }

        // Connections asked to close above end on their own; wait for them too, so ConnectionsClosed means what it says.
        await Task.WhenAll(all).WaitAsync(GracePeriod, Wall).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>How long a connection must have been between requests before it is asked to close (see <see cref="DeviceHttpServer.DeviceConnection.IdleFor"/>).</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(20);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    /// <summary>How long a graceful close waits for handshakes begun before new ones were dropped.</summary>
    private static readonly TimeSpan HandshakeSettle = TimeSpan.FromMilliseconds(2);

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

        var socket = _createSocket(Address.AddressFamily);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(new IPEndPoint(Address, Port));
            _reservation = socket;
        }
        catch (SocketException ex)
        {
            socket.Dispose(); // best effort: the port is simply not held
            _logger.LogWarning("Could not hold {Address}:{Port} while the device is down: {Error}", Address, Port, ex.SocketErrorCode);
        }
    }

    private static IPAddress ClientAddress(IPAddress address) =>
        address.Equals(IPAddress.Any) ? IPAddress.Loopback
        : address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
        : address;

    private static string Host(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();

    private void ReleasePort()
    {
        _reservation?.Dispose();
        _reservation = null;
    }
}
