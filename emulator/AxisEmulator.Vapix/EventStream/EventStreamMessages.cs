using System.Text;
using System.Text.Json;
using AxisEmulator.Core.Events.Notifications;

namespace AxisEmulator.Vapix.EventStream;

/// <summary>The JSON-RPC messages the device sends on the stream (VAPIX event streaming over WebSocket).</summary>
internal static class EventStreamMessages
{
    public const string ApiVersion = "1.0";

    /// <summary>Code of every refused <c>events:configure</c> (what AXIS OS answers an empty filter list with).</summary>
    public const int InvalidPayload = 2104;

    /// <summary><c>{"apiVersion":"1.0","context":…,"method":"events:configure","data":{}}</c>.</summary>
    public static string Accepted(string? context) => Write(json =>
    {
        Envelope(json, context, ConfigureRequest.Method);
        json.WriteStartObject("data");
        json.WriteEndObject();
    });

    /// <summary><c>{…,"error":{"code":2104,"message":"Invalid event datasource payload: …"}}</c>.</summary>
    public static string Refused(string? context, string problem) => Write(json =>
    {
        Envelope(json, context, ConfigureRequest.Method);
        json.WriteStartObject("error");
        json.WriteNumber("code", InvalidPayload);
        json.WriteString("message", "Invalid event datasource payload: " + problem);
        json.WriteEndObject();
    });

    /// <summary><c>events:notify</c> with the notification's topic, timestamp (ms since 1970, device clock) and message.</summary>
    public static string Notify(EventNotification notification) => Write(json =>
    {
        Envelope(json, null, "events:notify");
        json.WriteStartObject("params");
        json.WriteStartObject("notification");
        json.WriteString("topic", notification.Topic);
        json.WriteNumber("timestamp", notification.Timestamp.ToUnixTimeMilliseconds());
        json.WriteStartObject("message");
        Items(json, "source", notification.Source);
        Items(json, "key", notification.Key);
        Items(json, "data", notification.Data);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    });

    private static void Envelope(Utf8JsonWriter json, string? context, string method)
    {
        json.WriteString("apiVersion", ApiVersion);
        if (context is not null)
        {
            json.WriteString("context", context);
        }

        json.WriteString("method", method);
    }

    private static void Items(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string> items)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in items)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
