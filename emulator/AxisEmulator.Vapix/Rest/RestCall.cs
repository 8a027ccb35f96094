using System.Text.Json;
using System.Text.Json.Nodes;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Json;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.Rest;

/// <summary>
/// One Device Configuration REST call (<c>/config/rest/&lt;api&gt;/&lt;version&gt;/...</c>): answers are
/// <c>{"status":"success","data":...}</c> (vapix-facts §9.8) or <c>{"status":"error","error":{"code","message"}}</c>
/// with an HTTP status ([E] codes and texts modelled). Requests carry <c>{"data": ...}</c>.
/// </summary>
internal sealed class RestCall
{
    private RestCall(VapixExchange exchange, string root, IReadOnlyList<string> segments)
    {
        Exchange = exchange;
        Root = root;
        Segments = segments;
    }

    public VapixExchange Exchange { get; }

    public string Root { get; }

    /// <summary>The path below the API root, split at '/', e.g. <c>["users", "joe"]</c>.</summary>
    public IReadOnlyList<string> Segments { get; }

    public string Method => Exchange.Method;

    public bool IsRead => Method is "GET" or "HEAD";

    /// <summary>Checks access (viewers read, administrators change, unless told otherwise) and builds the call; null with <paramref name="refusal"/> set when refused.</summary>
    public static RestCall? Authorize(VapixExchange exchange, string root, out Reply? refusal, AccessLevel readAccess = AccessLevel.Viewer)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var segments = exchange.Target.Path.Length > root.Length
            ? exchange.Target.Path[(root.Length + 1)..].Split('/').Select(Uri.UnescapeDataString).ToArray()
            : [];
        var required = exchange.Method is "GET" or "HEAD" ? readAccess : AccessLevel.Admin;
        refusal = exchange.Authorize(required, json: false); // [E] Apache's HTML 401, as for the legacy CGIs
        return refusal is null ? new RestCall(exchange, root, segments) : null;
    }

    /// <summary>The request's <c>data</c> member; null when the body is not <c>{"data": ...}</c>.</summary>
    public async Task<JsonNode?> DataAsync()
    {
        try
        {
            return JsonNode.Parse(await Exchange.BodyAsync()) is JsonObject body && body.TryGetPropertyValue("data", out var data) ? data ?? JsonValue.Create((string?)null) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static Reply Success(JsonNode? data = null)
    {
        var body = new JsonObject { ["status"] = "success" };
        if (data is not null)
        {
            body["data"] = data;
        }

        return Reply.Text(200, VapixContentTypes.Json, AxisJsonWriter.Write(body, JsonLayout.Indented) + "\n");
    }

    public static Reply Error(int status, string message) =>
        Reply.Text(status, VapixContentTypes.Json, AxisJsonWriter.Write(
            new JsonObject { ["status"] = "error", ["error"] = new JsonObject { ["code"] = status, ["message"] = message } },
            JsonLayout.Indented) + "\n");

    public static Reply BadData() => Error(400, "Invalid request data");

    public static Reply NotFound() => Error(404, "Not found");

    public static Reply MethodNotAllowed() => Error(405, "Method not allowed");
}
