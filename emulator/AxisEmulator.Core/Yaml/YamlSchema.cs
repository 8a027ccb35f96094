using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace AxisEmulator.Core.Yaml;

/// <summary>
/// A JSON Schema (draft 2020-12, JsonSchema.Net) that YAML files are checked against: the schema
/// decides what is wrong, <see cref="YamlSchemaMessages"/> says it in the field layer's words at the
/// file and line of the offending key.
/// </summary>
public sealed class YamlSchema
{
    private static readonly EvaluationOptions Quick = new() { OutputFormat = OutputFormat.Flag };
    private static readonly EvaluationOptions Detailed = new() { OutputFormat = OutputFormat.List };

    private readonly JsonSchema _schema;

    private YamlSchema(JsonSchema schema, JsonNode document)
    {
        _schema = schema;
        Document = document;
    }

    /// <summary>The schema as JSON, to read the keywords around a failure (bounds, units, allowed keys).</summary>
    public JsonNode Document { get; }

    /// <summary>Builds <paramref name="schemaText"/> under <paramref name="id"/>, with <paramref name="subschemas"/> (JSON Pointers such as <c>/$defs/complete</c>) as schemas of their own.</summary>
    public static IReadOnlyDictionary<string, YamlSchema> Load(string schemaText, Uri id, params string[] subschemas)
    {
        ArgumentNullException.ThrowIfNull(schemaText);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(subschemas);
        var document = JsonNode.Parse(schemaText) ?? throw new ArgumentException("the schema is empty", nameof(schemaText));
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var schemas = new Dictionary<string, YamlSchema>(StringComparer.Ordinal)
        {
            [""] = new(JsonSchema.FromText(schemaText, options, id), document),
        };
        foreach (var pointer in subschemas)
        {
            var reference = new JsonObject { ["$schema"] = document["$schema"]?.DeepClone(), ["$ref"] = id.AbsoluteUri + "#" + pointer };
            schemas[pointer] = new(JsonSchema.Build(JsonSerializer.SerializeToElement(reference), options, new Uri(id, "ref" + schemas.Count)), document);
        }

        return schemas;
    }

    /// <summary>Every keyword that fails for <paramref name="json"/>, one per value, in document order.</summary>
    public IReadOnlyList<SchemaFailure> Evaluate(YamlJson json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var instance = JsonSerializer.SerializeToElement(json.Json);
        if (_schema.Evaluate(instance, Quick).IsValid)
        {
            return [];
        }

        var failures = new List<SchemaFailure>();
        foreach (var detail in _schema.Evaluate(instance, Detailed).Details ?? [])
        {
            if (detail.IsValid)
            {
                continue;
            }

            var fragment = Uri.UnescapeDataString(detail.SchemaLocation.Fragment.TrimStart('#'));
            var pointer = detail.InstanceLocation.ToString();
            if (detail.Errors is { Count: > 0 } errors)
            {
                foreach (var (keyword, message) in errors)
                {
                    failures.Add(Failure(json, keyword, pointer, fragment, detail.EvaluationPath.ToString(), message));
                }
            }
            else if (Resolve(fragment) is JsonObject subschema && subschema.ContainsKey("not"))
            {
                // JsonSchema.Net fails a "not" without a message of its own.
                failures.Add(Failure(json, "not", pointer, fragment, detail.EvaluationPath.ToString(), "must not be there"));
            }
        }

        return [.. failures
            .OrderBy(f => f.At?.Order ?? int.MaxValue)
            .DistinctBy(f => (f.Keyword == "required", f.Pointer))];
    }

    /// <summary>The part of the schema at a JSON Pointer (<c>/$defs/watts</c>); null when there is none.</summary>
    public JsonNode? Resolve(string pointer)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        var node = (JsonNode?)Document;
        foreach (var raw in pointer.Split('/').Skip(1))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
        }

        return node;
    }

    private SchemaFailure Failure(YamlJson json, string keyword, string pointer, string fragment, string evaluationPath, string message)
    {
        // A failed "additionalProperties: false" comes as a nameless keyword of the false schema below it.
        if (evaluationPath.EndsWith("/additionalProperties", StringComparison.Ordinal))
        {
            keyword = "additionalProperties";
            fragment = fragment[..fragment.LastIndexOf("/additionalProperties", StringComparison.Ordinal)];
        }

        // JsonSchema.Net 8 names the location of an "items" subschema with one segment too many
        // (#/properties/estimates/items/estimates); the subschema is then one level up.
        var subschema = Resolve(fragment) as JsonObject ?? Resolve(fragment[..Math.Max(0, fragment.LastIndexOf('/'))]) as JsonObject ?? [];
        return new SchemaFailure(keyword, pointer, json.PathOf(pointer), json.At(pointer), subschema, message);
    }
}

/// <summary>One failed keyword: where (JSON Pointer, dotted path, YAML node) and the subschema that holds it.</summary>
/// <param name="Keyword">The JSON Schema keyword (<c>type</c>, <c>minimum</c>, <c>required</c>…); <c>additionalProperties</c> for an unknown key.</param>
/// <param name="Subschema">The schema object the keyword belongs to (for an unknown key: the mapping's).</param>
/// <param name="LibraryMessage">JsonSchema.Net's own words, for keywords the messages do not know.</param>
public sealed record SchemaFailure(string Keyword, string Pointer, string Path, YamlJson.Located? At, JsonObject Subschema, string LibraryMessage);
