using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AxisEmulator.Core.Yaml;

/// <summary>What a file format calls itself in the reader's messages.</summary>
public sealed record YamlDocumentRules
{
    /// <summary>The message for an empty file, e.g. "the file is empty; a profile is a mapping of keys".</summary>
    public string EmptyMessage { get; init; } = "the file is empty";

    /// <summary>What one file is, for "… holds one YAML document", e.g. "a profile file".</summary>
    public string FileKind { get; init; } = "the file";

    /// <summary>What to do instead of an alias, e.g. "use 'extends' to share values".</summary>
    public string AliasHint { get; init; } = "write the value out";
}

/// <summary>
/// Reads one YAML document into <see cref="YNode"/>s with line numbers, straight from YamlDotNet's
/// event parser so that duplicate keys and unsupported constructs (aliases, tags, several documents)
/// are reported, not silently merged.
/// </summary>
public static class YamlTreeReader
{
    private const string StrTag = "tag:yaml.org,2002:str";

    /// <summary>
    /// Deepest nesting of lists and mappings read. The files are a few levels deep; a bound keeps a
    /// hostile one (a scenario POSTed as <c>yaml</c>, thousands of '[') from exhausting the stack here
    /// or System.Text.Json's depth limit (64) where the tree becomes JSON for the schema.
    /// </summary>
    public const int MaxDepth = 48;

    /// <summary>Parses <paramref name="text"/>; returns null (and adds errors) when it cannot.</summary>
    public static YNode? Read(string file, string text, ICollection<FileError> errors, YamlDocumentRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(errors);
        rules ??= new YamlDocumentRules();
        var position = new Position();
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                errors.Add(new FileError(file, 1, rules.EmptyMessage));
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(file, parser, errors, position, rules, depth: 0);
            parser.Consume<DocumentEnd>();
            if (parser.Current is DocumentStart second)
            {
                errors.Add(new FileError(file, LineOf(second.Start), $"{rules.FileKind} holds one YAML document; remove the second '---'"));
                return null;
            }

            return root;
        }
        catch (YamlException ex)
        {
            errors.Add(new FileError(file, LineOf(ex.Start), "YAML syntax error: " + Clean(ex.Message)));
            return null;
        }
        catch (ArgumentException ex) when (ex.Source == "YamlDotNet")
        {
            // Found by fuzzing: YamlDotNet refuses a malformed tag ("!!+") with an ArgumentException.
            errors.Add(new FileError(file, position.Line, "YAML syntax error: " + Clean(ex.Message)));
            return null;
        }
        catch (TooDeepException ex)
        {
            errors.Add(new FileError(file, ex.Line, $"{rules.FileKind} nests lists and mappings deeper than {MaxDepth.ToString(CultureInfo.InvariantCulture)} levels"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on some malformed input (an unclosed flow
            // collection at the end of the file); report it at the last place it understood.
            errors.Add(new FileError(file, position.Line, "YAML syntax error: the document ends inside an unclosed '[', '{' or quoted string"));
            return null;
        }
    }

    private sealed class Position
    {
        public int Line { get; set; } = 1;
    }

    private sealed class TooDeepException(int line) : Exception
    {
        public int Line { get; } = line;
    }

    private static YNode ReadNode(string file, IParser parser, ICollection<FileError> errors, Position position, YamlDocumentRules rules, int depth)
    {
        var current = parser.Current ?? throw new YamlException("unexpected end of the document");
        position.Line = LineOf(current.Start);
        if (depth > MaxDepth)
        {
            throw new TooDeepException(position.Line);
        }

        switch (current)
        {
            case Scalar scalar:
                parser.MoveNext();
                var plain = scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty;
                if (!scalar.Tag.IsEmpty && scalar.Tag.Value != StrTag && scalar.Tag.Value != "!")
                {
                    errors.Add(new FileError(file, LineOf(scalar.Start), $"YAML tag '{scalar.Tag.Value}' is not supported; write the value without a tag"));
                }

                return new YScalar(file, LineOf(scalar.Start), scalar.Value, plain);

            case SequenceStart start:
                {
                    parser.MoveNext();
                    var items = new List<YNode>();
                    while (!parser.TryConsume<SequenceEnd>(out _))
                    {
                        items.Add(ReadNode(file, parser, errors, position, rules, depth + 1));
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
                        var keyNode = ReadNode(file, parser, errors, position, rules, depth + 1);
                        var valueNode = ReadNode(file, parser, errors, position, rules, depth + 1);
                        if (keyNode is not YScalar key)
                        {
                            errors.Add(new FileError(file, keyNode.Line, "a mapping key must be a plain word, not a list or mapping"));
                            continue;
                        }

                        if (seen.TryGetValue(key.Value, out var firstLine))
                        {
                            errors.Add(new FileError(file, key.Line, $"duplicate key '{key.Value}' (first set at line {firstLine.ToString(CultureInfo.InvariantCulture)})"));
                            continue;
                        }

                        seen[key.Value] = key.Line;
                        entries.Add(new KeyValuePair<YScalar, YNode>(key, valueNode));
                    }

                    return new YMapping(file, LineOf(start.Start), entries);
                }

            case AnchorAlias alias:
                parser.MoveNext();
                errors.Add(new FileError(file, LineOf(alias.Start), $"YAML aliases (*{alias.Value}) are not supported; {rules.AliasHint}"));
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
