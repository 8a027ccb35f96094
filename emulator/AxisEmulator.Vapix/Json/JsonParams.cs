using System.Text.Json;
using System.Text.Json.Nodes;

namespace AxisEmulator.Vapix.Json;

/// <summary>A bad <c>params</c> member: the error a setter answers, naming the parameter.</summary>
public sealed class JsonParamException(JsonError error) : Exception(error.Message)
{
    public JsonError Error { get; } = error;

    public JsonParamException()
        : this(new JsonError(0, "bad parameter"))
    {
    }

    public JsonParamException(string message)
        : this(new JsonError(0, message))
    {
    }

    public JsonParamException(string message, Exception inner)
        : this(new JsonError(0, message)) => _ = inner;
}

/// <summary>
/// Typed reads of a setter's <c>params</c>. A missing or mistyped member throws
/// <see cref="JsonParamException"/> with the CGI family's code and the member's name ([E]: the
/// texts are modelled; the codes are the family's missing-parameter code).
/// </summary>
public sealed class JsonParams(JsonObject? values, JsonErrorSet errors)
{
    public JsonObject Values { get; } = values ?? [];

    public bool Has(string name) => Values.ContainsKey(name);

    public JsonError Missing(string name) => new(errors.MissingParameter, $"Missing parameter: '{name}'");

    public JsonError Invalid(string name) => new(errors.MissingParameter, $"Invalid parameter: '{name}'");

    public JsonParamException InvalidValue(string name) => new(Invalid(name));

    public string String(string name) => OptionalString(name) ?? throw new JsonParamException(Missing(name));

    public string? OptionalString(string name) => Get(name, JsonValueKind.String)?.GetValue<string>();

    public bool Bool(string name) => OptionalBool(name) ?? throw new JsonParamException(Missing(name));

    public bool? OptionalBool(string name) => Values[name] is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
        ? value.GetValue<bool>()
        : Has(name) ? throw InvalidValue(name) : null;

    public int Int(string name) => Get(name, JsonValueKind.Number) is { } value && value.TryGetValue<int>(out var number)
        ? number
        : throw new JsonParamException(Has(name) ? Invalid(name) : Missing(name));

    /// <summary>An array of strings; null when absent.</summary>
    public IReadOnlyList<string>? OptionalStrings(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        if (Values[name] is not JsonArray array || array.Any(item => item is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
        {
            throw InvalidValue(name);
        }

        return [.. array.Select(item => item!.GetValue<string>())];
    }

    public JsonArray Array(string name) => Values[name] as JsonArray ?? throw new JsonParamException(Has(name) ? Invalid(name) : Missing(name));

    public JsonObject Object(string name) => Values[name] as JsonObject ?? throw new JsonParamException(Has(name) ? Invalid(name) : Missing(name));

    /// <summary>Runs <paramref name="handle"/>, turning a bad parameter into the call's error answer.</summary>
    public static VapixResponse Guard(JsonApiCall call, Func<VapixResponse> handle)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(handle);
        try
        {
            return handle();
        }
        catch (JsonParamException bad)
        {
            return call.Fail(bad.Error);
        }
    }

    private JsonValue? Get(string name, JsonValueKind kind) => Values[name] switch
    {
        JsonValue value when value.GetValueKind() == kind => value,
        null when !Has(name) => null,
        _ => throw InvalidValue(name),
    };
}
