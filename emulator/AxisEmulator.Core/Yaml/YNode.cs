namespace AxisEmulator.Core.Yaml;

/// <summary>A YAML node with the file and 1-based line it came from.</summary>
public abstract class YNode(string file, int line)
{
    public string File { get; } = file;

    public int Line { get; } = line;

    /// <summary>What the node is, for messages: "a list", "a mapping", "the number 3", "'foo'".</summary>
    public abstract string Describe();
}

/// <summary>A scalar; <see cref="Plain"/> is false for quoted, block or explicitly tagged scalars.</summary>
public sealed class YScalar(string file, int line, string value, bool plain) : YNode(file, line)
{
    public string Value { get; } = value;

    public bool Plain { get; } = plain;

    /// <summary>A plain scalar that the YAML 1.2 core schema reads as null (<c>~</c>, <c>null</c>, empty).</summary>
    public bool IsNull => Plain && YamlScalars.IsNull(Value);

    public override string Describe() => YamlScalars.Describe(this);
}

public sealed class YSequence(string file, int line, IReadOnlyList<YNode> items) : YNode(file, line)
{
    public IReadOnlyList<YNode> Items { get; } = items;

    public override string Describe() => "a list";
}

/// <summary>A mapping in file order; the reader has already refused duplicate keys.</summary>
public sealed class YMapping(string file, int line, IReadOnlyList<KeyValuePair<YScalar, YNode>> entries) : YNode(file, line)
{
    public IReadOnlyList<KeyValuePair<YScalar, YNode>> Entries { get; } = entries;

    /// <summary>The value of <paramref name="key"/>; null when the mapping lacks it.</summary>
    public YNode? Get(string key)
    {
        foreach (var (k, value) in Entries)
        {
            if (string.Equals(k.Value, key, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The value at a dotted path of nested mappings (<c>power.loads.peak</c>); null when any part is missing.</summary>
    public YNode? Find(string dottedPath)
    {
        ArgumentNullException.ThrowIfNull(dottedPath);
        YNode? node = this;
        foreach (var part in dottedPath.Split('.'))
        {
            node = (node as YMapping)?.Get(part);
        }

        return node;
    }

    /// <summary>The key node itself (its line is where messages about the entry belong); null when absent.</summary>
    public YScalar? KeyOf(string key)
    {
        foreach (var (k, _) in Entries)
        {
            if (string.Equals(k.Value, key, StringComparison.Ordinal))
            {
                return k;
            }
        }

        return null;
    }

    public override string Describe() => "a mapping";
}
