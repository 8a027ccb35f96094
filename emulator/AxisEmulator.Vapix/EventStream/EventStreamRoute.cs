using AxisEmulator.Core.Devices;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Forms;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.EventStream;

/// <summary>
/// <c>GET /vapix/ws-data-stream?sources=events</c>: the VAPIX event stream over WebSocket (API
/// discovery id <c>event-streaming-over-websocket</c>). The upgrade request is authorized like any
/// viewer-level VAPIX GET (Digest or Basic per the authentication policy); anything but a WebSocket
/// handshake for the <c>events</c> source gets Apache's 400.
/// </summary>
internal static class EventStreamRoute
{
    public const string Path = "/vapix/ws-data-stream";

    public static async Task<Reply> HandleAsync(VapixExchange exchange)
    {
        if (exchange.Authorize(AccessLevel.Viewer, json: false) is { } refusal)
        {
            return refusal;
        }

        // The event system runs from network-up; a unit going down takes no new subscribers.
        if (!exchange.Camera.Phase.HasNetwork())
        {
            return ApachePages.ServiceUnavailable();
        }

        var sources = (FormFields.Parse(exchange.Target.Query)["sources"] ?? "").Split(',');
        if (!WebSocketHandshake.IsUpgrade(exchange.Http.Request) || !sources.Contains("events", StringComparer.Ordinal)
            || await WebSocketHandshake.AcceptAsync(exchange.Http) is not { } socket)
        {
            return ApachePages.BadRequest();
        }

        using (socket)
        {
            await new EventStreamSession(exchange.Camera, socket).RunAsync(exchange.Aborted);
        }

        return Reply.Upgraded;
    }
}
