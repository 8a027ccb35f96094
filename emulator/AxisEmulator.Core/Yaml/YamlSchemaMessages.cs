using System.Text.Json.Nodes;

namespace AxisEmulator.Core.Yaml;

/// <summary>
/// Says what a <see cref="SchemaFailure"/> means in the words of the field layer: the value is read
/// again with <see cref="YamlValues"/> for the type and bounds the schema asks, so a schema-checked file
/// gets the same messages as a hand-read one ("must be a string, got the number 12.10 (quote it…)").
/// Two extension keywords feed the words: <c>x-unit</c> (a number's unit) and <c>x-message</c> (what
/// the value must look like, with <c>{value}</c> for the value as written).
/// </summary>
public static class YamlSchemaMessages
{
    /// <summary>The error for <paramref name="failure"/>, at the offending key's line; null for <c>required</c>, whose line the caller knows.</summary>
    public static FileError? Describe(SchemaFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (failure.Keyword == "required" || failure.At is not { } at)
        {
            return null;
        }

        var name = YamlValues.Name(failure.Path);
        var schema = failure.Subschema;
        switch (failure.Keyword)
        {
            case "additionalProperties":
                {
                    var key = at.Key!;
                    var parent = failure.Path.Contains('.', StringComparison.Ordinal) ? failure.Path[..failure.Path.LastIndexOf('.')] : "";
                    var where = parent.Length == 0 ? "at the top level" : $"in '{parent}'";
                    return new FileError(key.File, key.Line, YamlMessages.UnknownKey(key.Value, where, AllowedKeys(schema)));
                }

            case "not":
                return new FileError(at.Key?.File ?? at.Node.File, at.Key?.Line ?? at.Node.Line, $"{name} {Shape(schema, at.Node)}");

            case "pattern" or "minLength" or "maxLength" or "format":
                return new FileError(at.Node.File, at.Line, $"{name} {Shape(schema, at.Node)}");

            case "uniqueItems":
                {
                    var items = (at.Node as YSequence)?.Items ?? [];
                    var twice = items.Where((item, i) => item is YScalar s && items.Take(i).Any(o => o is YScalar p && p.Value == s.Value)).FirstOrDefault() ?? at.Node;
                    return new FileError(twice.File, twice.Line, $"{name} lists {twice.Describe()} twice");
                }

            case "enum":
                {
                    var names = schema["enum"]?.AsArray().Select(v => v?.ToString() ?? "null").ToList() ?? [];
                    return Probe(at, failure.Path, (node, path, errors) => YamlValues.OneOf(node, path, names, errors))
                        ?? new FileError(at.Node.File, at.Line, $"{name} must be one of {string.Join(", ", names)}");
                }

            case "type" or "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum":
                return ReadAs(at, failure.Path, schema) ?? new FileError(at.Node.File, at.Line, $"{name}: {failure.LibraryMessage}");

            default:
                return new FileError(at.Node.File, at.Line, $"{name}: {failure.LibraryMessage}");
        }
    }

    /// <summary>The keys a mapping's schema allows, in its order, without the ones it forbids (<c>"id": { "not": {} }</c>).</summary>
    public static IReadOnlyList<string> AllowedKeys(JsonObject schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return schema["properties"] is JsonObject properties
            ? [.. properties.Where(p => p.Value is not JsonObject child || !child.ContainsKey("not")).Select(p => p.Key)]
            : [];
    }

    /// <summary>The range the schema gives a number (<c>minimum</c>, <c>exclusiveMinimum</c>, <c>maximum</c>, <c>x-unit</c>).</summary>
    public static NumberRange RangeOf(JsonObject schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var unit = schema["x-unit"]?.GetValue<string>() ?? "";
        var max = schema["maximum"]?.GetValue<double>() ?? double.PositiveInfinity;
        if (schema["exclusiveMinimum"]?.GetValue<double>() is { } above)
        {
            return NumberRange.GreaterThan(above, max, unit);
        }

        var min = schema["minimum"]?.GetValue<double>();
        return min is null && double.IsPositiveInfinity(max) ? NumberRange.Any
            : double.IsPositiveInfinity(max) ? NumberRange.AtLeast(min!.Value, unit)
            : NumberRange.Between(min ?? double.NegativeInfinity, max, unit);
    }

    /// <summary>Reads the value as the schema's (non-null) type and bounds say, to get the layer's message.</summary>
    private static FileError? ReadAs(YamlJson.Located at, string path, JsonObject schema)
    {
        var types = schema["type"] switch
        {
            JsonArray list => list.Select(t => t?.GetValue<string>()).ToList(),
            JsonValue one => [one.GetValue<string>()],
            _ => [],
        };
        return types.FirstOrDefault(t => t != "null") switch
        {
            "number" => Probe(at, path, (node, p, errors) => YamlValues.Number(node, p, RangeOf(schema), errors)),
            "integer" => Probe(at, path, (node, p, errors) => YamlValues.Integer(node, p, RangeOf(schema), errors)),
            "string" => Probe(at, path, (node, p, errors) => YamlValues.String(node, p, errors)),
            "boolean" => Probe(at, path, (node, p, errors) => YamlValues.Boolean(node, p, errors)),
            "object" => Probe(at, path, (node, p, errors) => YamlValues.Mapping(node, p, errors), at.Key?.Line),
            "array" => Probe(at, path, (node, p, errors) => YamlValues.Sequence(node, p, errors)),
            _ => null,
        };
    }

    /// <param name="line">Where to report; the value's line (a mapping's key line) when null.</param>
    private static FileError? Probe(YamlJson.Located at, string path, Action<YNode, string, List<FileError>> read, int? line = null)
    {
        var errors = new List<FileError>();
        read(at.Node, path, errors);
        return errors.Count == 0 ? null : errors[0] with { Line = line ?? at.Line };
    }

    /// <summary>"must be 6 hex digits…, got 'XYZ'" from <c>x-message</c>, or the bare keyword.</summary>
    private static string Shape(JsonObject schema, YNode node)
    {
        var value = node is YScalar scalar ? scalar.Value : node.Describe();
        return schema["x-message"]?.GetValue<string>().Replace("{value}", value, StringComparison.Ordinal)
            ?? (schema["pattern"] is { } pattern ? $"must match {pattern}, got '{value}'" : "is not allowed here");
    }
}
