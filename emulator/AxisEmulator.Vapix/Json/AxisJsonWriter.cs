using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AxisEmulator.Vapix.Json;

/// <summary>How a CGI lays out its JSON; each Axis CGI keeps one layout (captures, vapix-facts §13).</summary>
public enum JsonLayout
{
    /// <summary>One line, <c>", "</c> and <c>": "</c> separators (jansson default): bdi, apidiscovery, systemready.</summary>
    Spaced,

    /// <summary>Two-space indentation (jansson <c>JSON_INDENT(2)</c>): firmwaremanagement, network_settings.</summary>
    Indented,
}

/// <summary>
/// Writes JSON the way the device's jansson library does, so answers can match captures byte for
/// byte: key order as built, <c>/</c> and non-ASCII left as is, control characters as <c>\uXXXX</c>.
/// System.Text.Json's writer differs in all three, hence this small writer.
/// </summary>
public static class AxisJsonWriter
{
    public static string Write(JsonNode? node, JsonLayout layout)
    {
        var builder = new StringBuilder();
        WriteNode(builder, node, layout, 0);
        return builder.ToString();
    }

    private static void WriteNode(StringBuilder builder, JsonNode? node, JsonLayout layout, int depth)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                WriteContainer(builder, '{', '}', obj.Select(p => ((string?)p.Key, p.Value)).ToList(), layout, depth);
                break;
            case JsonArray array:
                WriteContainer(builder, '[', ']', array.Select(v => ((string?)null, v)).ToList(), layout, depth);
                break;
            case JsonValue value:
                WriteValue(builder, value);
                break;
        }
    }

    private static void WriteContainer(
        StringBuilder builder, char open, char close, List<(string? Key, JsonNode? Value)> items, JsonLayout layout, int depth)
    {
        builder.Append(open);
        if (items.Count == 0)
        {
            builder.Append(close);
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(layout == JsonLayout.Spaced ? ", " : ",");
            }

            if (layout == JsonLayout.Indented)
            {
                builder.Append('\n').Append(' ', (depth + 1) * 2);
            }

            if (items[i].Key is { } key)
            {
                WriteString(builder, key);
                builder.Append(": ");
            }

            WriteNode(builder, items[i].Value, layout, depth + 1);
        }

        if (layout == JsonLayout.Indented)
        {
            builder.Append('\n').Append(' ', depth * 2);
        }

        builder.Append(close);
    }

    private static void WriteValue(StringBuilder builder, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(builder, value.GetValue<string>());
                break;
            default:
                // Numbers, booleans and null: their JSON text is the same in every writer.
                builder.Append(value.ToJsonString());
                break;
        }
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
