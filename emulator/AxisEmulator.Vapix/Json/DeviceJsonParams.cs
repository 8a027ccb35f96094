using System.Text.Json;
using System.Text.Json.Nodes;

namespace AxisEmulator.Vapix.Json;

/// <summary>
/// Typed reads of a <c>params</c> object for the APIs of <see cref="DeviceJsonErrors"/>: a missing
/// member is 2103, a member of the wrong type or out of range 2104, each naming the member (dotted
/// for nested objects, e.g. <c>server.port</c>).
/// </summary>
public sealed class DeviceJsonParams(JsonObject? values, string prefix = "")
{
    public JsonObject Values { get; } = values ?? [];

    public bool Has(string name) => Values.ContainsKey(name);

    public JsonParamException Missing(string name) => new(DeviceJsonErrors.Missing(prefix + name));

    public JsonParamException Invalid(string name) => new(DeviceJsonErrors.InvalidValue(prefix + name, Values[name]?.ToJsonString()));

    public string String(string name) => OptionalString(name) ?? throw Missing(name);

    public string? OptionalString(string name) => Typed(name, JsonValueKind.String)?.GetValue<string>();

    public bool? OptionalBool(string name) => Values[name] is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
        ? value.GetValue<bool>()
        : Has(name) ? throw Invalid(name) : null;

    public bool Bool(string name) => OptionalBool(name) ?? throw Missing(name);

    /// <summary>An integer within [min, max]; null when absent.</summary>
    public int? OptionalInt(string name, int min, int max) => Typed(name, JsonValueKind.Number) is not { } value
        ? null
        : value.TryGetValue<int>(out var number) && number >= min && number <= max ? number : throw Invalid(name);

    public int Int(string name, int min, int max) => OptionalInt(name, min, max) ?? throw Missing(name);

    /// <summary>A nested object, read with the member's name as prefix; null when absent.</summary>
    public DeviceJsonParams? OptionalObject(string name) => Values[name] switch
    {
        JsonObject inner => new DeviceJsonParams(inner, prefix + name + "."),
        null when !Has(name) => null,
        _ => throw Invalid(name),
    };

    public DeviceJsonParams Object(string name) => OptionalObject(name) ?? throw Missing(name);

    /// <summary>An array of objects, each read with <c>name[i].</c> as prefix; null when absent.</summary>
    public IReadOnlyList<DeviceJsonParams>? OptionalObjects(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        if (Values[name] is not JsonArray array || array.Any(item => item is not JsonObject))
        {
            throw Invalid(name);
        }

        return [.. array.Select((item, i) => new DeviceJsonParams((JsonObject)item!, FormattableString.Invariant($"{prefix}{name}[{i}].")))];
    }

    private JsonValue? Typed(string name, JsonValueKind kind) => Values[name] switch
    {
        JsonValue value when value.GetValueKind() == kind => value,
        null when !Has(name) => null,
        _ => throw Invalid(name),
    };
}
