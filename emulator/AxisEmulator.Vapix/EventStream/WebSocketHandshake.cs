using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AxisEmulator.Vapix.EventStream;

/// <summary>
/// The RFC 6455 opening handshake on the device's own HTTP pipeline (a bare Kestrel application, so
/// ASP.NET Core's WebSocket middleware is not in it): checks the request, answers 101 and wraps the
/// upgraded connection in the BCL's <see cref="WebSocket"/>.
/// </summary>
internal static class WebSocketHandshake
{
    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>Whether the request asks for a WebSocket at all (GET with <c>Upgrade: websocket</c> and <c>Connection: upgrade</c>).</summary>
    public static bool IsUpgrade(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && HasToken(request.Headers.Upgrade, "websocket")
        && HasToken(request.Headers.Connection, "upgrade");

    /// <summary>The WebSocket, or null when the handshake is malformed (bad key or version) or the connection cannot be upgraded.</summary>
    public static async Task<WebSocket?> AcceptAsync(HttpContext context)
    {
        var request = context.Request;
        var key = request.Headers.SecWebSocketKey.ToString();
        if (request.Headers.SecWebSocketVersion.ToString() != "13" || !IsValidKey(key)
            || context.Features.Get<IHttpUpgradeFeature>() is not { IsUpgradableRequest: true } upgrade)
        {
            return null;
        }

        var headers = context.Response.Headers;
        headers.Upgrade = "websocket";
        headers.SecWebSocketAccept = AcceptFor(key);
        var stream = await upgrade.UpgradeAsync();

        // No keep-alive pings: they would run on a wall-clock timer, outside simulated time.
        return WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
    }

    /// <summary><c>Sec-WebSocket-Accept</c> for <paramref name="key"/> (RFC 6455 §4.2.2).</summary>
#pragma warning disable CA5350 // RFC 6455 fixes SHA-1 here; it is a handshake check, not security.
    public static string AcceptFor(string key) => Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + AcceptGuid)));
#pragma warning restore CA5350

    private static bool IsValidKey(string key)
    {
        Span<byte> decoded = stackalloc byte[24];
        return key.Length == 24 && Convert.TryFromBase64String(key, decoded, out var length) && length == 16;
    }

    private static bool HasToken(Microsoft.Extensions.Primitives.StringValues values, string token)
    {
        foreach (var value in values)
        {
            foreach (var part in (value ?? "").Split(','))
            {
                if (part.Trim().Equals(token, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
