using System.Globalization;
using System.Text.Json.Nodes;

namespace AxisEmulator.Core.Yaml;

/// <summary>
/// A YAML tree as JSON, by the YAML 1.2 core schema (a plain <c>12</c> is a number, <c>"12"</c> a
/// string, <c>~</c> null), with every JSON location mapped back to the node it came from so that a
/// JSON Schema failure can be reported at its file and line.
/// </summary>
public sealed class YamlJson
{
    private readonly YNode _root;

    // Built on the first failure only: a valid file never needs its pointers.
    private Dictionary<string, Located>? _byPointer;

    private YamlJson(YNode root)
    {
        _root = root;
        Json = Convert(root);
    }

    /// <summary>Where a JSON value came from: its node, the key it was read under, and its place in the file.</summary>
    /// <param name="Key">The mapping key (its line is where messages about a whole mapping belong); null for list items and the root.</param>
    /// <param name="Order">Position in document order, to list errors in the order a reader meets them.</param>
    public sealed record Located(YNode Node, YScalar? Key, int Order)
    {
        /// <summary>The line for a message about this value: a mapping's key line, else the value's own.</summary>
        public int Line => Node is YMapping && Key is not null ? Key.Line : Node.Line;
    }

    public JsonNode? Json { get; }

    public static YamlJson From(YNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return new YamlJson(root);
    }

    /// <summary>The node at a JSON Pointer (<c>/power/loads/peak</c>, <c>/estimates/0</c>); null when there is none.</summary>
    public Located? At(string pointer)
    {
        if (_byPointer is null)
        {
            _byPointer = new Dictionary<string, Located>(StringComparer.Ordinal);
            Locate(_root, "", null);
        }

        return _byPointer.GetValueOrDefault(pointer);
    }

    /// <summary>A JSON Pointer as a dotted path for messages: <c>/power/loads/peak</c> → <c>power.loads.peak</c>, <c>/estimates/0</c> → <c>estimates[0]</c>.</summary>
    public string PathOf(string pointer)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        var path = "";
        var prefix = "";
        foreach (var segment in pointer.Split('/').Skip(1))
        {
            prefix += "/" + segment;
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            path = At(prefix) is { Key: null } && path.Length > 0 ? $"{path}[{name}]" : path.Length == 0 ? name : path + "." + name;
        }

        return path;
    }

    private static JsonNode? Convert(YNode node)
    {
        switch (node)
        {
            case YMapping mapping:
                {
                    var json = new JsonObject();
                    foreach (var (key, value) in mapping.Entries)
                    {
                        json[key.Value] = Convert(value);
                    }

                    return json;
                }

            case YSequence sequence:
                return new JsonArray([.. sequence.Items.Select(Convert)]);

            default:
                return Scalar((YScalar)node);
        }
    }

    private void Locate(YNode node, string pointer, YScalar? key)
    {
        _byPointer![pointer] = new Located(node, key, _byPointer.Count);
        if (node is YMapping mapping)
        {
            foreach (var (k, value) in mapping.Entries)
            {
                Locate(value, pointer + "/" + Escape(k.Value), k);
            }
        }
        else if (node is YSequence sequence)
        {
            for (var i = 0; i < sequence.Items.Count; i++)
            {
                Locate(sequence.Items[i], pointer + "/" + i.ToString(CultureInfo.InvariantCulture), null);
            }
        }
    }

    private static JsonValue? Scalar(YScalar scalar)
    {
        if (!scalar.Plain)
        {
            return JsonValue.Create(scalar.Value);
        }

        if (scalar.IsNull)
        {
            return null;
        }

        if (YamlScalars.IsBool(scalar.Value, out var flag))
        {
            return JsonValue.Create(flag);
        }

        // Hex, octal, .inf and .nan stay text, so the schema's type check refuses them.
        if (!YamlScalars.IsDecimal(scalar.Value))
        {
            return JsonValue.Create(scalar.Value);
        }

        var number = double.Parse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(number))
        {
            return JsonValue.Create(scalar.Value);
        }

        // Whole values as integers, so that "3.0" binds to an int field as JSON Schema's "integer" allows.
        return number == Math.Floor(number) && Math.Abs(number) < 9e15 ? JsonValue.Create((long)number) : JsonValue.Create(number);
    }

    private static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
