using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Events.Notifications;
using AxisEmulator.Core.Network;

namespace AxisEmulator.Vapix.EventStream;

/// <summary>
/// One client's event stream: reads its <c>events:configure</c> messages, and sends it the
/// notifications its filters pass, as the device's timeline produces them (subscribed, never polled).
/// When the camera goes down in order the stream closes with 1001 (going away); when it loses power,
/// its cable or its firmware, the connection just drops.
/// </summary>
internal sealed class EventStreamSession(Device camera, WebSocket socket)
{
    /// <summary>Largest client message read (a configure with many filters is a few kilobytes).</summary>
    public const int MaxMessageBytes = 64 * 1024;

    private static readonly string GoingAway = "\u0000close";

    private readonly Channel<string> _outbox = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly object _sync = new();
    private IReadOnlyList<EventFilter> _filters = [];

    public async Task RunAsync(CancellationToken aborted)
    {
        camera.Timeline.Appended += OnAppended;
        try
        {
            if (camera.ListenerClose != ListenerClose.Open)
            {
                Down(camera.ListenerClose);
            }

            var sending = SendLoopAsync(aborted);
            await ReceiveLoopAsync(aborted);
            _outbox.Writer.TryComplete();
            await sending;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The client went away, or the device dropped the connection: nothing more to say.
        }
        finally
        {
            camera.Timeline.Appended -= OnAppended;
            _outbox.Writer.TryComplete();
        }
    }

    private void OnAppended(TimelineEntry entry)
    {
        if (entry.Event is ListenerClosed)
        {
            Down(camera.ListenerClose);
            return;
        }

        var notifications = EventNotifications.From(entry, camera.SystemTime.Offset);
        if (notifications.Count > 0)
        {
            lock (_sync)
            {
                Enqueue(notifications);
            }
        }
    }

    private void Down(ListenerClose close)
    {
        if (close.DropsConnections())
        {
            // No close frame: what is pending fails at once, as on a dead link.
            _outbox.Writer.TryComplete();
            socket.Abort();
        }
        else
        {
            _outbox.Writer.TryWrite(GoingAway);
        }
    }

    /// <summary>Queues what passes the current filters (call under <see cref="_sync"/>).</summary>
    private void Enqueue(IReadOnlyList<EventNotification> notifications)
    {
        foreach (var notification in notifications)
        {
            if (_filters.Any(f => f.Matches(notification)))
            {
                _outbox.Writer.TryWrite(EventStreamMessages.Notify(notification));
            }
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken stop)
    {
        var buffer = new byte[MaxMessageBytes];
        while (socket.State == WebSocketState.Open)
        {
            var count = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                if (count == buffer.Length)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "message too big", stop);
                    return;
                }

                result = await socket.ReceiveAsync(buffer.AsMemory(count), stop);
                count += result.Count;
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return; // the send loop answers the close once the outbox is done
            }

            Configure(result.MessageType == WebSocketMessageType.Text ? Encoding.UTF8.GetString(buffer, 0, count) : "");
        }
    }

    private void Configure(string text)
    {
        var request = ConfigureRequest.Parse(text);
        lock (_sync)
        {
            if (request.Filters is not { } filters)
            {
                _outbox.Writer.TryWrite(EventStreamMessages.Refused(request.Context, request.Problem!));
                return;
            }

            _filters = filters;
            _outbox.Writer.TryWrite(EventStreamMessages.Accepted(request.Context));
            Enqueue(EventNotifications.CurrentState(camera));
        }
    }

    private async Task SendLoopAsync(CancellationToken stop)
    {
        await foreach (var message in _outbox.Reader.ReadAllAsync(stop))
        {
            if (ReferenceEquals(message, GoingAway))
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "device shutting down", stop);
                return;
            }

            await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, stop);
        }

        if (socket.State is WebSocketState.CloseReceived)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", stop);
        }
    }
}
