using System.Globalization;
using AxisEmulator.Core.Validation;

namespace AxisEmulator.Core.Yaml;

/// <summary>
/// Typed, located reading of one YAML mapping for strict file formats: unknown keys are reported
/// (with "did you mean"), every value is checked for its type and range, and every problem becomes a
/// <see cref="YamlError"/> at the line of the offending value. A getter returns null when the key is
/// absent or its value was wrong (the error is already recorded), so a parser can go on and report
/// every problem of a file in one pass.
/// </summary>
public sealed class YamlFields
{
    private readonly ICollection<YamlError> _errors;

    private YamlFields(YMapping mapping, string path, ICollection<YamlError> errors)
    {
        Mapping = mapping;
        Path = path;
        _errors = errors;
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
    public int KeyLine { get; private init; }

    /// <summary>
    /// Reads <paramref name="node"/> as a mapping with only <paramref name="allowed"/> keys; reports
    /// and returns null when it is not a mapping. Unknown keys are reported and skipped.
    /// </summary>
    public static YamlFields? Of(YNode node, string path, IReadOnlyList<string> allowed, ICollection<YamlError> errors, int? keyLine = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(allowed);
        ArgumentNullException.ThrowIfNull(errors);
        if (node is not YMapping mapping)
        {
            errors.Add(new YamlError(node.File, keyLine ?? node.Line, $"{Name(path)} must be a mapping of keys, got {node.Describe()}"));
            return null;
        }

        foreach (var (key, _) in mapping.Entries)
        {
            if (!allowed.Contains(key.Value, StringComparer.Ordinal))
            {
                errors.Add(new YamlError(key.File, key.Line, YamlMessages.UnknownKey(key.Value, path.Length == 0 ? "at the top level" : $"in '{path}'", allowed)));
            }
        }

        return new YamlFields(mapping, path, errors) { KeyLine = keyLine ?? mapping.Line };
    }

    /// <summary>The path of a key of this mapping (<c>groups[2].count</c>).</summary>
    public string PathOf(string key) => Path.Length == 0 ? key : Path + "." + key;

    public bool Has(string key) => Node(key) is not null;

    /// <summary>The value of <paramref name="key"/> (null when absent).</summary>
    public YNode? Node(string key)
    {
        foreach (var (k, value) in Mapping.Entries)
        {
            if (k.Value == key)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The line of <paramref name="key"/> itself (the mapping's line when absent).</summary>
    public int LineOf(string key)
    {
        foreach (var (k, _) in Mapping.Entries)
        {
            if (k.Value == key)
            {
                return k.Line;
            }
        }

        return Line;
    }

    /// <summary>Records an error at <paramref name="line"/> of this file.</summary>
    public void Error(int line, string message) => _errors.Add(new YamlError(File, line, message));

    /// <summary>Records an error at <paramref name="node"/>.</summary>
    public void Error(YNode node, string message)
    {
        ArgumentNullException.ThrowIfNull(node);
        _errors.Add(new YamlError(node.File, node.Line, message));
    }

    /// <summary>Reports a missing required key at this mapping's line; returns false when it is absent.</summary>
    public bool Require(string key, string example)
    {
        if (Has(key))
        {
            return true;
        }

        Error(KeyLine, $"missing required key '{PathOf(key)}', e.g. {key}: {example}");
        return false;
    }

    /// <summary>A nested mapping with its own allowed keys.</summary>
    public YamlFields? Fields(string key, IReadOnlyList<string> allowed) =>
        Node(key) is { } node ? Of(node, PathOf(key), allowed, _errors, LineOf(key)) : null;

    /// <summary>A list (reported when it is something else).</summary>
    public YSequence? Sequence(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }

        if (node is YSequence sequence)
        {
            return sequence;
        }

        Error(node, $"{Name(PathOf(key))} must be a list, got {node.Describe()}");
        return null;
    }

    /// <summary>A string: a plain scalar that is not a number, boolean or null, or a quoted one.</summary>
    public string? String(string key, Func<string, string?>? check = null)
    {
        var node = Node(key);
        return node is null ? null : StringOf(node, PathOf(key), _errors, check);
    }

    public bool? Boolean(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }

        if (node is YScalar { Plain: true } scalar && YamlScalars.IsBool(scalar.Value, out var value))
        {
            return value;
        }

        Error(node, $"{Name(PathOf(key))} must be true or false, got {node.Describe()}");
        return null;
    }

    /// <summary>A whole number within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int? Integer(string key, int min, int max, string unit = "")
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }

        var number = NumberOf(node, PathOf(key), _errors, integer: true);
        if (number is not { } value)
        {
            return null;
        }

        if (value < min || value > max)
        {
            Error(node, $"{Name(PathOf(key))} must be between {Format(min)} and {Format(max)}, got {((YScalar)node).Value}{Unit(unit)}");
            return null;
        }

        return (int)value;
    }

    /// <summary>A finite decimal number within the bounds (<paramref name="exclusiveMin"/>: greater than <paramref name="min"/>).</summary>
    public double? Number(string key, double min, double max, bool exclusiveMin = false, string unit = "")
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }

        var number = NumberOf(node, PathOf(key), _errors, integer: false);
        if (number is not { } value)
        {
            return null;
        }

        if ((exclusiveMin ? value <= min : value < min) || value > max)
        {
            var lower = exclusiveMin ? $"greater than {Format(min)}" : $"at least {Format(min)}";
            Error(node, $"{Name(PathOf(key))} must be {lower} and at most {Format(max)}, got {((YScalar)node).Value}{Unit(unit)}");
            return null;
        }

        return value;
    }

    /// <summary>One of <paramref name="values"/> (case-sensitive), with a "did you mean" for a near miss.</summary>
    public string? OneOf(string key, IReadOnlyList<string> values)
    {
        var node = Node(key);
        return node is null ? null : OneOfNode(node, PathOf(key), values, _errors);
    }

    /// <summary>Reads <paramref name="node"/> as one of <paramref name="values"/>.</summary>
    public static string? OneOfNode(YNode node, string path, IReadOnlyList<string> values, ICollection<YamlError> errors)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(errors);
        if (node is YScalar { IsNull: false } scalar && values.Contains(scalar.Value, StringComparer.Ordinal))
        {
            return scalar.Value;
        }

        var message = $"{Name(path)} must be one of {string.Join(", ", values)}; got {node.Describe()}";
        if (node is YScalar typed && Suggest.Closest(typed.Value, values) is { } guess)
        {
            message += $"; did you mean '{guess}'?";
        }

        errors.Add(new YamlError(node.File, node.Line, message));
        return null;
    }

    /// <summary>Reads <paramref name="node"/> as a string (see <see cref="String"/>).</summary>
    public static string? StringOf(YNode node, string path, ICollection<YamlError> errors, Func<string, string?>? check = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(errors);
        if (node is not YScalar scalar)
        {
            errors.Add(new YamlError(node.File, node.Line, $"{Name(path)} must be a string, got {node.Describe()}"));
            return null;
        }

        if (scalar.Plain && (scalar.IsNull || YamlScalars.IsBool(scalar.Value, out _) || YamlScalars.IsAnyNumber(scalar.Value)))
        {
            var hint = scalar.IsNull ? "" : $" (quote it: \"{scalar.Value}\")";
            errors.Add(new YamlError(node.File, node.Line, $"{Name(path)} must be a string, got {scalar.Describe()}{hint}"));
            return null;
        }

        if (check?.Invoke(scalar.Value) is { } problem)
        {
            errors.Add(new YamlError(node.File, node.Line, $"{Name(path)}: {problem}"));
            return null;
        }

        return scalar.Value;
    }

    /// <summary>Reads <paramref name="node"/> as a finite decimal number (a whole one with <paramref name="integer"/>).</summary>
    public static double? NumberOf(YNode node, string path, ICollection<YamlError> errors, bool integer)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(errors);
        var expected = integer ? "a whole number" : "a number";
        if (node is not YScalar { Plain: true } scalar || !YamlScalars.IsAnyNumber(scalar.Value))
        {
            errors.Add(new YamlError(node.File, node.Line, $"{Name(path)} must be {expected}, got {node.Describe()}"));
            return null;
        }

        if (!YamlScalars.IsDecimal(scalar.Value))
        {
            errors.Add(new YamlError(node.File, node.Line, $"{Name(path)} must be a finite decimal number, got {scalar.Value}"));
            return null;
        }

        if (integer && !YamlScalars.IsInteger(scalar.Value))
        {
            errors.Add(new YamlError(node.File, node.Line, $"{Name(path)} must be a whole number, got {scalar.Value}"));
            return null;
        }

        var value = double.Parse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (integer && (value < int.MinValue || value > int.MaxValue))
        {
            errors.Add(new YamlError(node.File, node.Line, $"{Name(path)} is out of range, got {scalar.Value}"));
            return null;
        }

        return value;
    }

    /// <summary>A path quoted for messages: <c>'groups[1].count'</c>.</summary>
    public static string Name(string path) => path.Length == 0 ? "the file" : $"'{path}'";

    public static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Unit(string unit) => unit.Length == 0 ? "" : " " + unit;
}

/// <summary>Messages shared by the strict YAML formats (profiles, fleet files).</summary>
public static class YamlMessages
{
    /// <summary>"unknown key 'x' in 'power'; allowed: a, b; did you mean 'y'?"</summary>
    public static string UnknownKey(string key, string where, IReadOnlyList<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var message = $"unknown key '{key}' {where}; allowed: {string.Join(", ", allowed)}";
        if (Suggest.Closest(key, allowed) is { } guess)
        {
            message += $"; did you mean '{guess}'?";
        }

        return message;
    }
}
