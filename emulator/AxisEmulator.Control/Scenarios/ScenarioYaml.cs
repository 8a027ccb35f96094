using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AxisEmulator.Control.Scenarios;

/// <summary>A node of a scenario file with the 1-based line it starts on.</summary>
internal abstract class SNode(int line)
{
    public int Line { get; } = line;

    /// <summary>"a list", "a mapping", "the number 3", "'foo'" — for error messages.</summary>
    public abstract string Describe();
}

/// <summary>A scalar; <see cref="Plain"/> is false for quoted and block scalars.</summary>
internal sealed class SScalar(int line, string value, bool plain) : SNode(line)
{
    public string Value { get; } = value;

    public bool Plain { get; } = plain;

    /// <summary><c>~</c>, <c>null</c> or nothing at all, unquoted.</summary>
    public bool IsNull => Plain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() =>
        IsNull ? "nothing" : Plain ? $"'{Value}'" : $"the string '{Value}'";
}

internal sealed class SSequence(int line, IReadOnlyList<SNode> items) : SNode(line)
{
    public IReadOnlyList<SNode> Items { get; } = items;

    public override string Describe() => "a list";
}

internal sealed class SMapping(int line, IReadOnlyList<KeyValuePair<SScalar, SNode>> entries) : SNode(line)
{
    public IReadOnlyList<KeyValuePair<SScalar, SNode>> Entries { get; } = entries;

    public override string Describe() => "a mapping";
}

/// <summary>
/// Reads a scenario file into <see cref="SNode"/>s straight from YamlDotNet's event parser, so that
/// every node keeps its line and duplicate keys are reported instead of silently overwritten.
/// </summary>
internal static class ScenarioYaml
{
    private const string StrTag = "tag:yaml.org,2002:str";

    /// <summary>Parses <paramref name="text"/>; null (with errors added) when it is not usable YAML.</summary>
    public static SNode? Read(string file, string text, List<ScenarioError> errors)
    {
        var lastLine = 1;
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                errors.Add(new ScenarioError(file, 1, "the file is empty; a scenario is a mapping with 'name' and 'steps'"));
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(file, parser, errors, ref lastLine);
            parser.Consume<DocumentEnd>();
            if (parser.Current is DocumentStart second)
            {
                errors.Add(new ScenarioError(file, LineOf(second.Start), "a scenario file holds one YAML document; remove the second '---'"));
                return null;
            }

            return root;
        }
        catch (YamlException ex)
        {
            errors.Add(new ScenarioError(file, LineOf(ex.Start), "YAML syntax error: " + Clean(ex.Message)));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on some malformed input (an unclosed flow collection).
            errors.Add(new ScenarioError(file, lastLine, "YAML syntax error: the document ends inside an unclosed '[', '{' or quoted string"));
            return null;
        }
    }

    private static SNode ReadNode(string file, IParser parser, List<ScenarioError> errors, ref int lastLine)
    {
        var current = parser.Current ?? throw new YamlException("unexpected end of the document");
        lastLine = LineOf(current.Start);
        switch (current)
        {
            case YamlDotNet.Core.Events.Scalar scalar:
                parser.MoveNext();
                if (!scalar.Tag.IsEmpty && scalar.Tag.Value != StrTag && scalar.Tag.Value != "!")
                {
                    errors.Add(new ScenarioError(file, LineOf(scalar.Start), $"YAML tag '{scalar.Tag.Value}' is not supported; write the value without a tag"));
                }

                return new SScalar(LineOf(scalar.Start), scalar.Value, scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty);

            case SequenceStart start:
                {
                    parser.MoveNext();
                    var items = new List<SNode>();
                    while (!parser.TryConsume<SequenceEnd>(out _))
                    {
                        items.Add(ReadNode(file, parser, errors, ref lastLine));
                    }

                    return new SSequence(LineOf(start.Start), items);
                }

            case MappingStart start:
                {
                    parser.MoveNext();
                    var entries = new List<KeyValuePair<SScalar, SNode>>();
                    var seen = new Dictionary<string, int>(StringComparer.Ordinal);
                    while (!parser.TryConsume<MappingEnd>(out _))
                    {
                        var keyNode = ReadNode(file, parser, errors, ref lastLine);
                        var valueNode = ReadNode(file, parser, errors, ref lastLine);
                        if (keyNode is not SScalar key)
                        {
                            errors.Add(new ScenarioError(file, keyNode.Line, "a mapping key must be a plain word, not a list or mapping"));
                            continue;
                        }

                        if (seen.TryGetValue(key.Value, out var firstLine))
                        {
                            errors.Add(new ScenarioError(file, key.Line, $"duplicate key '{key.Value}' (first set at line {firstLine.ToString(CultureInfo.InvariantCulture)})"));
                            continue;
                        }

                        seen[key.Value] = key.Line;
                        entries.Add(new KeyValuePair<SScalar, SNode>(key, valueNode));
                    }

                    return new SMapping(LineOf(start.Start), entries);
                }

            case AnchorAlias alias:
                parser.MoveNext();
                errors.Add(new ScenarioError(file, LineOf(alias.Start), $"YAML aliases (*{alias.Value}) are not supported in scenarios; write the step out"));
                return new SScalar(LineOf(alias.Start), "", plain: true);

            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }
    }

    private static int LineOf(Mark mark) => Math.Max(1, (int)mark.Line);

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: 3, Col: 6, Idx: 21): ";
    // the line is already in the error's own prefix.
    private static string Clean(string message)
    {
        var index = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && index >= 0 ? message[(index + 3)..] : message;
    }
}
