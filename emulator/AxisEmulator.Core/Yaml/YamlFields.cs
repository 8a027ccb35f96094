namespace AxisEmulator.Core.Yaml;

/// <summary>
/// Typed, located reading of the keys of one YAML mapping for strict file formats: unknown keys are
/// reported (with "did you mean"), every value is read with <see cref="YamlValues"/>, and every
/// problem becomes a <see cref="FileError"/>. A getter returns null when the key is absent or its
/// value was wrong (the error is already recorded), so a reader can go on and report every problem
/// of a file in one pass.
/// </summary>
public sealed class YamlFields
{
    private readonly ICollection<FileError> _errors;

    private YamlFields(YMapping mapping, string path, ICollection<FileError> errors, int keyLine)
    {
        Mapping = mapping;
        Path = path;
        _errors = errors;
        KeyLine = keyLine;
    }

    public YMapping Mapping { get; }

    /// <summary>Dotted path of this mapping for messages (<c>groups[2].power</c>); empty at the top level.</summary>
    public string Path { get; }

    public string File => Mapping.File;

    public int Line => Mapping.Line;

    /// <summary>
    /// The line of the key this mapping was read under (<c>power:</c>), where messages about the
    /// mapping as a whole belong; a block mapping itself starts on its first key's line.
    /// </summary>
    public int KeyLine { get; }

    /// <summary>
    /// Reads <paramref name="node"/> as a mapping with only <paramref name="allowed"/> keys; reports
    /// and returns null when it is not a mapping. Unknown keys are reported and skipped.
    /// </summary>
    public static YamlFields? Of(YNode node, string path, IReadOnlyList<string> allowed, ICollection<FileError> errors, int? keyLine = null)
    {
        var fields = Of(node, path, errors, keyLine: keyLine);
        fields?.AllowOnly(allowed);
        return fields;
    }

    /// <summary>Reads <paramref name="node"/> as a mapping whose keys the caller checks (<see cref="AllowOnly"/>).</summary>
    /// <param name="example">Shown when it is not a mapping: "must be a mapping such as { hold: 22s }".</param>
    public static YamlFields? Of(YNode node, string path, ICollection<FileError> errors, string? example = null, int? keyLine = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(path);
        return YamlValues.Mapping(node, path, errors, example, keyLine) is { } mapping
            ? new YamlFields(mapping, path, errors, keyLine ?? mapping.Line)
            : null;
    }

    /// <summary>Reports every key not in <paramref name="allowed"/>; true when there was none.</summary>
    /// <param name="where">Where the keys are, for the message; "in '<see cref="Path"/>'" when null.</param>
    public bool AllowOnly(IReadOnlyList<string> allowed, string? where = null)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        where ??= Path.Length == 0 ? "at the top level" : $"in '{Path}'";
        var ok = true;
        foreach (var (key, _) in Mapping.Entries)
        {
            if (!allowed.Contains(key.Value, StringComparer.Ordinal))
            {
                ok = false;
                _errors.Add(new FileError(key.File, key.Line, YamlMessages.UnknownKey(key.Value, where, allowed)));
            }
        }

        return ok;
    }

    /// <summary>The path of a key of this mapping (<c>groups[2].count</c>).</summary>
    public string PathOf(string key) => Path.Length == 0 ? key : Path + "." + key;

    public bool Has(string key) => Mapping.KeyOf(key) is not null;

    /// <summary>The value of <paramref name="key"/> (null when absent).</summary>
    public YNode? Node(string key) => Mapping.Get(key);

    /// <summary>The line of <paramref name="key"/> itself (the mapping's line when absent).</summary>
    public int LineOf(string key) => Mapping.KeyOf(key)?.Line ?? Line;

    /// <summary>Records an error at <paramref name="line"/> of this file.</summary>
    public void Error(int line, string message) => _errors.Add(new FileError(File, line, message));

    /// <summary>Records an error at <paramref name="node"/>.</summary>
    public void Error(YNode node, string message)
    {
        ArgumentNullException.ThrowIfNull(node);
        _errors.Add(new FileError(node.File, node.Line, message));
    }

    /// <summary>Reports a missing required key at <see cref="KeyLine"/>: "missing required key 'groups[0].count' (e.g. count: 10)".</summary>
    /// <returns>Whether the key is there.</returns>
    public bool Require(string key, string hint)
    {
        if (Has(key))
        {
            return true;
        }

        Error(KeyLine, $"missing required key '{PathOf(key)}' ({hint})");
        return false;
    }

    /// <summary>A nested mapping with its own allowed keys.</summary>
    public YamlFields? Fields(string key, IReadOnlyList<string> allowed) =>
        Node(key) is { } node ? Of(node, PathOf(key), allowed, _errors, LineOf(key)) : null;

    /// <summary>A nested mapping whose keys the caller checks; <paramref name="example"/> as in <see cref="Of(YNode, string, ICollection{FileError}, string?, int?)"/>.</summary>
    public YamlFields? Fields(string key, string? example = null) =>
        Node(key) is { } node ? Of(node, PathOf(key), _errors, example, LineOf(key)) : null;

    /// <summary>A list; <paramref name="what"/> as in <see cref="YamlValues.Sequence"/>.</summary>
    public YSequence? Sequence(string key, string what = "a list") =>
        Node(key) is { } node ? YamlValues.Sequence(node, PathOf(key), _errors, what) : null;

    public string? String(string key, Func<string, string?>? check = null) =>
        Node(key) is { } node ? YamlValues.String(node, PathOf(key), _errors, check) : null;

    public string? Text(string key) => Node(key) is { } node ? YamlValues.Text(node, PathOf(key), _errors) : null;

    public bool? Boolean(string key) => Node(key) is { } node ? YamlValues.Boolean(node, PathOf(key), _errors) : null;

    public int? Integer(string key, NumberRange range) =>
        Node(key) is { } node ? YamlValues.Integer(node, PathOf(key), range, _errors) : null;

    public double? Number(string key, NumberRange range) =>
        Node(key) is { } node ? YamlValues.Number(node, PathOf(key), range, _errors) : null;

    public string? OneOf(string key, IReadOnlyList<string> names) =>
        Node(key) is { } node ? YamlValues.OneOf(node, PathOf(key), names, _errors) : null;

    public T? OneOf<T>(string key, WireNames<T> names)
        where T : struct =>
        Node(key) is { } node ? YamlValues.OneOf(node, PathOf(key), names, _errors) : null;
}
