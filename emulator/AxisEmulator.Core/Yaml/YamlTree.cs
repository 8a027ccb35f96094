using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AxisEmulator.Core.Profiles;

/// <summary>A YAML node with the file and 1-based line it came from.</summary>
internal abstract class YNode(string file, int line)
{
    public string File { get; } = file;

    public int Line { get; } = line;
}

/// <summary>A scalar; <see cref="Plain"/> is false for quoted, block or explicitly tagged scalars.</summary>
internal sealed class YScalar(string file, int line, string value, bool plain) : YNode(file, line)
{
    public string Value { get; } = value;

    public bool Plain { get; } = plain;

    /// <summary>A plain scalar that the YAML 1.2 core schema reads as null (<c>~</c>, <c>null</c>, empty).</summary>
    public bool IsNull => Plain && YamlScalars.IsNull(Value);
}

internal sealed class YSequence(string file, int line, IReadOnlyList<YNode> items) : YNode(file, line)
{
    public IReadOnlyList<YNode> Items { get; } = items;
}

internal sealed class YMapping(string file, int line, IReadOnlyList<KeyValuePair<YScalar, YNode>> entries) : YNode(file, line)
{
    public IReadOnlyList<KeyValuePair<YScalar, YNode>> Entries { get; } = entries;
}

/// <summary>How the YAML 1.2 core schema resolves plain scalars.</summary>
internal static partial class YamlScalars
{
    public static bool IsNull(string value) => value is "" or "~" or "null" or "Null" or "NULL";

    public static bool IsBool(string value, out bool result)
    {
        switch (value)
        {
            case "true" or "True" or "TRUE":
                result = true;
                return true;
            case "false" or "False" or "FALSE":
                result = false;
                return true;
            default:
                result = false;
                return false;
        }
    }

    /// <summary>Any number the core schema recognises, including hex, octal, .inf and .nan.</summary>
    public static bool IsAnyNumber(string value) => CoreNumber().IsMatch(value);

    /// <summary>A decimal integer or float (no hex/octal/inf/nan).</summary>
    public static bool IsDecimal(string value) => DecimalNumber().IsMatch(value);

    public static bool IsInteger(string value) => DecimalInteger().IsMatch(value);

    /// <summary>The kind a plain scalar resolves to, for messages ("a number", "a boolean", "null").</summary>
    public static string Describe(YScalar scalar)
    {
        if (!scalar.Plain)
        {
            return $"the string '{scalar.Value}'";
        }

        if (IsNull(scalar.Value))
        {
            return "null";
        }

        if (IsBool(scalar.Value, out _))
        {
            return $"the boolean {scalar.Value}";
        }

        return IsAnyNumber(scalar.Value) ? $"the number {scalar.Value}" : $"'{scalar.Value}'";
    }

    [GeneratedRegex(@"^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex CoreNumber();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalNumber();

    [GeneratedRegex(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalInteger();
}

/// <summary>
/// Reads one YAML document into <see cref="YNode"/>s with line numbers, straight from YamlDotNet's
/// event parser so that duplicate keys and unsupported constructs are reported, not silently merged.
/// </summary>
internal static class YamlTreeReader
{
    private const string StrTag = "tag:yaml.org,2002:str";

    /// <summary>Parses <paramref name="text"/>; returns null (and adds errors) when it cannot.</summary>
    public static YNode? Read(string file, string text, List<ProfileError> errors)
    {
        var position = new Position();
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                errors.Add(new ProfileError(file, 1, "the file is empty; a profile is a mapping of keys"));
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(file, parser, errors, position);
            parser.Consume<DocumentEnd>();
            if (parser.Current is DocumentStart second)
            {
                errors.Add(new ProfileError(file, LineOf(second.Start), "a profile file holds one YAML document; remove the second '---'"));
                return null;
            }

            return root;
        }
        catch (YamlException ex)
        {
            errors.Add(new ProfileError(file, LineOf(ex.Start), "YAML syntax error: " + Clean(ex.Message)));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on some malformed input (an unclosed flow
            // collection at the end of the file); report it at the last place it understood.
            errors.Add(new ProfileError(file, position.Line, "YAML syntax error: the document ends inside an unclosed '[', '{' or quoted string"));
            return null;
        }
    }

    private sealed class Position
    {
        public int Line { get; set; } = 1;
    }

    private static YNode ReadNode(string file, IParser parser, List<ProfileError> errors, Position position)
    {
        var current = parser.Current ?? throw new YamlException("unexpected end of the document");
        position.Line = LineOf(current.Start);
        switch (current)
        {
            case Scalar scalar:
                parser.MoveNext();
                var plain = scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty;
                if (!scalar.Tag.IsEmpty && scalar.Tag.Value != StrTag && scalar.Tag.Value != "!")
                {
                    errors.Add(new ProfileError(file, LineOf(scalar.Start), $"YAML tag '{scalar.Tag.Value}' is not supported; write the value without a tag"));
                }

                return new YScalar(file, LineOf(scalar.Start), scalar.Value, plain);

            case SequenceStart start:
                {
                    parser.MoveNext();
                    var items = new List<YNode>();
                    while (!parser.TryConsume<SequenceEnd>(out _))
                    {
                        items.Add(ReadNode(file, parser, errors, position));
                    }

                    return new YSequence(file, LineOf(start.Start), items);
                }

            case MappingStart start:
                {
                    parser.MoveNext();
                    var entries = new List<KeyValuePair<YScalar, YNode>>();
                    var seen = new Dictionary<string, int>(StringComparer.Ordinal);
                    while (!parser.TryConsume<MappingEnd>(out _))
                    {
                        var keyNode = ReadNode(file, parser, errors, position);
                        var valueNode = ReadNode(file, parser, errors, position);
                        if (keyNode is not YScalar key)
                        {
                            errors.Add(new ProfileError(file, keyNode.Line, "a mapping key must be a plain word, not a list or mapping"));
                            continue;
                        }

                        if (seen.TryGetValue(key.Value, out var firstLine))
                        {
                            errors.Add(new ProfileError(file, key.Line, $"duplicate key '{key.Value}' (first set at line {firstLine.ToString(System.Globalization.CultureInfo.InvariantCulture)})"));
                            continue;
                        }

                        seen[key.Value] = key.Line;
                        entries.Add(new KeyValuePair<YScalar, YNode>(key, valueNode));
                    }

                    return new YMapping(file, LineOf(start.Start), entries);
                }

            case AnchorAlias alias:
                parser.MoveNext();
                errors.Add(new ProfileError(file, LineOf(alias.Start), $"YAML aliases (*{alias.Value}) are not supported; use 'extends' to share values"));
                return new YScalar(file, LineOf(alias.Start), "", plain: true);

            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }
    }

    private static int LineOf(Mark mark) => Math.Max(1, (int)mark.Line);

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: 3, Col: 6, Idx: 21): "; the
    // line is already in our prefix.
    private static string Clean(string message)
    {
        var index = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && index >= 0 ? message[(index + 3)..] : message;
    }
}
