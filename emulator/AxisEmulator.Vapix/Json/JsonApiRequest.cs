using System.Text.Json;
using System.Text.Json.Nodes;

namespace AxisEmulator.Vapix.Json;

/// <summary>
/// The parsed body of a JSON CGI call: <c>{"apiVersion","context"?,"method","params"?}</c>.
/// Parsing is lenient about types (a numeric apiVersion, params sent as a JSON string by acap-rs)
/// because clients in the field do both.
/// </summary>
public sealed record JsonApiRequest
{
    public string? ApiVersion { get; init; }

    /// <summary>Echoed verbatim when present; any JSON value.</summary>
    public JsonNode? Context { get; init; }

    public bool HasContext { get; init; }

    public string? Method { get; init; }

    public JsonObject? Params { get; init; }

    /// <summary>Null when the body is not a JSON object.</summary>
    public static JsonApiRequest? TryParse(string? body)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body ?? "", documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException)
        {
            return null;
        }

        if (root is not JsonObject obj)
        {
            return null;
        }

        return new JsonApiRequest
        {
            ApiVersion = ScalarText(obj["apiVersion"]),
            HasContext = obj.ContainsKey("context"),
            Context = obj["context"]?.DeepClone(),
            Method = ScalarText(obj["method"]),
            Params = ParamsObject(obj["params"]),
        };
    }

    /// <summary>A string, or a number as it was written (clients send <c>"apiVersion": 1.0</c> too); null for anything else.</summary>
    internal static string? ScalarText(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;

    private static JsonObject? ParamsObject(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            return obj;
        }

        // acap-rs sends "params":"{}" — a JSON object inside a string.
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            try
            {
                return JsonNode.Parse(value.GetValue<string>()) as JsonObject;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return null;
    }
}
