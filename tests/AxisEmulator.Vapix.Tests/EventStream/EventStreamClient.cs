using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using AxisEmulator.Core.Devices;
using AxisEmulator.Vapix.Tests.Server;

namespace AxisEmulator.Vapix.Tests.EventStream;

/// <summary>A .NET <see cref="ClientWebSocket"/> on a device's event stream, authenticated with a hand-made Digest answer.</summary>
internal sealed class EventStreamClient : IDisposable
{
    public const string Target = "/vapix/ws-data-stream?sources=events";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private EventStreamClient(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    public static async Task<EventStreamClient> ConnectAsync(ServerHarness h, Device camera, string user = "root", string password = "pass")
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", await h.DigestAsync(camera, "GET", Target, user, password));
        var endpoint = h.Endpoint(camera);
        await socket.ConnectAsync(new Uri($"ws://{endpoint.Host}:{endpoint.Port}{Target}"), CancellationToken.None).WaitAsync(Patience);
        return new EventStreamClient(socket);
    }

    public static string Configure(params string[] topicFilters) => JsonSerializer.Serialize(new
    {
        apiVersion = "1.0",
        context = "test",
        method = "events:configure",
        @params = new { eventFilterList = topicFilters.Select(t => new { topicFilter = t }) },
    });

    public Task SendAsync(string text) => Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next text message as JSON, or null when the device closed the stream (see <see cref="ClientWebSocket.CloseStatus"/>).</summary>
    public async Task<JsonElement?> ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        var count = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await Socket.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None).AsTask().WaitAsync(Patience);
            count += result.Count;
        }
        while (!result.EndOfMessage);

        return result.MessageType == WebSocketMessageType.Close ? null : JsonDocument.Parse(buffer.AsMemory(0, count)).RootElement.Clone();
    }

    /// <summary>Every message up to the device's close (which ends the list).</summary>
    public async Task<List<JsonElement>> ReceiveUntilClosedAsync()
    {
        var messages = new List<JsonElement>();
        while (await ReceiveAsync() is { } message)
        {
            messages.Add(message);
        }

        return messages;
    }

    public void Dispose() => Socket.Dispose();
}
