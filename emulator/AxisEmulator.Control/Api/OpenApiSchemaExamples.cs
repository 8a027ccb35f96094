using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace AxisEmulator.Control.Api;

/// <summary>
/// An example on every component schema, built from the schema itself so it always conforms: the
/// first value of an enum, a camera-like value for well-known property names (<c>id</c>, <c>profile</c>,
/// <c>time</c>…), a plausible value of the type otherwise. Nested objects are expanded a few levels.
/// </summary>
internal static class OpenApiSchemaExamples
{
    private const int MaxDepth = 4;

    /// <summary>Values that read like the emulator's own answers, by property name.</summary>
    private static readonly Dictionary<string, JsonNode> KnownStrings = new(StringComparer.Ordinal)
    {
        ["id"] = "cam-1",
        ["deviceId"] = "cam-1",
        ["profile"] = "P3265-LVE",
        ["model"] = "P3265-LVE",
        ["serial"] = "B8A44F000001",
        ["time"] = "2026-01-01T00:02:03.5+00:00",
        ["version"] = "12.9.57",
        ["file"] = "factory-reset-button.yaml",
        ["event"] = "reset-release",
        ["inactiveVersion"] = "11.11.192",
        ["endpoint"] = "http://127.0.0.1:8081",
        ["ipAddress"] = "192.168.0.90",
        ["linkLocal"] = "169.254.17.42",
        ["bootId"] = "0b6f3c36-4d0e-4f5e-9d61-6a3c2f1b7e10",
        ["status"] = "healthy",
        ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        ["title"] = "Not Found",
        ["detail"] = "No device 'cam-9'.",
    };

    public static void AddTo(OpenApiDocument document)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null)
        {
            return;
        }

        foreach (var schema in schemas.Values.OfType<OpenApiSchema>())
        {
            schema.Example ??= ExampleOf(schema, schemas, null, 0);
        }
    }

    private static JsonNode? ExampleOf(IOpenApiSchema schema, IDictionary<string, IOpenApiSchema> schemas, string? name, int depth)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            return reference.Reference.Id is { } id && schemas.TryGetValue(id, out var target) && target is OpenApiSchema concrete
                ? concrete.Example?.DeepClone() ?? (depth < MaxDepth ? ExampleOf(concrete, schemas, name, depth + 1) : null)
                : null;
        }

        if (schema.Example is { } given)
        {
            return given.DeepClone();
        }

        if (schema.Enum?.FirstOrDefault(value => value is not null) is { } first)
        {
            return first.DeepClone();
        }

        var options = (schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? []);
        if (options.FirstOrDefault(option => option.Type != JsonSchemaType.Null) is { } option)
        {
            return ExampleOf(option, schemas, name, depth);
        }

        var type = schema.Type ?? 0;
        if (type.HasFlag(JsonSchemaType.Object) || schema.Properties is { Count: > 0 })
        {
            return ObjectExample(schema, schemas, depth);
        }

        if (type.HasFlag(JsonSchemaType.Array))
        {
            var item = schema.Items is null || depth >= MaxDepth ? null : ExampleOf(schema.Items, schemas, name, depth + 1);
            return item is null ? new JsonArray() : new JsonArray(item);
        }

        if (type.HasFlag(JsonSchemaType.String))
        {
            return StringExample(schema, name);
        }

        if (type.HasFlag(JsonSchemaType.Integer))
        {
            return schema.Minimum is { } min && decimal.TryParse(min, System.Globalization.CultureInfo.InvariantCulture, out var m) && m > 1 ? JsonValue.Create(m) : JsonValue.Create(1);
        }

        if (type.HasFlag(JsonSchemaType.Number))
        {
            return JsonValue.Create(12.5);
        }

        return type.HasFlag(JsonSchemaType.Boolean) ? JsonValue.Create(true) : null;
    }

    private static JsonObject ObjectExample(IOpenApiSchema schema, IDictionary<string, IOpenApiSchema> schemas, int depth)
    {
        var example = new JsonObject();
        foreach (var (property, propertySchema) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (depth < MaxDepth && ExampleOf(propertySchema, schemas, property, depth + 1) is { } value)
            {
                example[property] = value;
            }
        }

        if (example.Count == 0 && schema.AdditionalProperties is { } values && depth < MaxDepth
            && ExampleOf(values, schemas, null, depth + 1) is { } one)
        {
            example["key"] = one;
        }

        return example;
    }

    private static JsonNode StringExample(IOpenApiSchema schema, string? name) => schema.Format switch
    {
        "date-time" => "2026-01-01T00:02:03.5+00:00",
        "uri" => "http://127.0.0.1:8081/",
        "uuid" => "0b6f3c36-4d0e-4f5e-9d61-6a3c2f1b7e10",
        _ when name is not null && KnownStrings.TryGetValue(name, out var known) => known.DeepClone(),
        _ when schema.Pattern is not null => "0",
        _ => name ?? "text",
    };
}
