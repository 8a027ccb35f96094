using System.Globalization;
using AxisEmulator.Core.Validation;

namespace AxisEmulator.Core.Yaml;

/// <summary>
/// Typed reading of one YAML value at a dotted <c>path</c> (<c>groups[2].power.volts</c>): each read
/// returns null and records a <see cref="FileError"/> at the value's line when the value is of the
/// wrong type or out of range, so a reader can go on and report every problem of a file in one pass.
/// Scalars resolve by the YAML 1.2 core schema: a plain <c>12</c> is a number, <c>"12"</c> a string.
/// </summary>
public static class YamlValues
{
    /// <summary>A string: a quoted scalar, or a plain one that is not a number, boolean or null.</summary>
    /// <param name="check">An extra check of the text; returns what is wrong, or null.</param>
    public static string? String(YNode node, string path, ICollection<FileError> errors, Func<string, string?>? check = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(errors);
        if (node is not YScalar scalar)
        {
            return Fail<string>(node, errors, $"{Name(path)} must be a string, got {node.Describe()}");
        }

        if (scalar.Plain && (scalar.IsNull || YamlScalars.IsBool(scalar.Value, out _) || YamlScalars.IsAnyNumber(scalar.Value)))
        {
            var hint = scalar.IsNull ? "" : $" (quote it: \"{scalar.Value}\")";
            return Fail<string>(node, errors, $"{Name(path)} must be a string, got {scalar.Describe()}{hint}");
        }

        if (check?.Invoke(scalar.Value) is { } problem)
        {
            return Fail<string>(node, errors, $"{Name(path)}: {problem}");
        }

        return scalar.Value;
    }

    /// <summary>Any non-empty scalar taken as written (<c>version: 12.9.57</c>, <c>serial: 12345</c>), for free text.</summary>
    public static string? Text(YNode node, string path, ICollection<FileError> errors)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(errors);
        return node is YScalar { IsNull: false, Value.Length: > 0 } scalar
            ? scalar.Value
            : Fail<string>(node, errors, $"{Name(path)} must be a text, got {node.Describe()}");
    }

    public static bool? Boolean(YNode node, string path, ICollection<FileError> errors)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(errors);
        if (node is YScalar { Plain: true } scalar && YamlScalars.IsBool(scalar.Value, out var value))
        {
            return value;
        }

        errors.Add(new FileError(node.File, node.Line, $"{Name(path)} must be true or false, got {node.Describe()}"));
        return null;
    }

    /// <summary>A whole number (32-bit) within <paramref name="range"/>.</summary>
    public static int? Integer(YNode node, string path, NumberRange range, ICollection<FileError> errors) =>
        Read(node, path, range, errors, integer: true) is { } value ? (int)value : null;

    /// <summary>A finite decimal number within <paramref name="range"/>.</summary>
    public static double? Number(YNode node, string path, NumberRange range, ICollection<FileError> errors) =>
        Read(node, path, range, errors, integer: false);

    /// <summary>One of <paramref name="names"/>, exactly; a near miss gets a "did you mean".</summary>
    public static T? OneOf<T>(YNode node, string path, WireNames<T> names, ICollection<FileError> errors)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(names);
        if (node is YScalar { IsNull: false } scalar && names.TryParse(scalar.Value, out var value))
        {
            return value;
        }

        NotOneOf(node, path, names.Names, errors);
        return null;
    }

    /// <summary>One of <paramref name="names"/> (see <see cref="OneOf{T}"/>).</summary>
    public static string? OneOf(YNode node, string path, IReadOnlyList<string> names, ICollection<FileError> errors)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (node is YScalar { IsNull: false } scalar && names.Contains(scalar.Value, StringComparer.Ordinal))
        {
            return scalar.Value;
        }

        NotOneOf(node, path, names, errors);
        return null;
    }

    /// <summary>A mapping; <paramref name="example"/> shows one in the message ("a mapping such as { hold: 22s }").</summary>
    /// <param name="line">Where to report (the key's line, for a block mapping that starts below it); the value's line when null.</param>
    public static YMapping? Mapping(YNode node, string path, ICollection<FileError> errors, string? example = null, int? line = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(errors);
        if (node is YMapping mapping)
        {
            return mapping;
        }

        var what = example is null ? "a mapping of keys" : "a mapping such as " + example;
        errors.Add(new FileError(node.File, line ?? node.Line, $"{Name(path)} must be {what}, got {node.Describe()}"));
        return null;
    }

    /// <summary>A list; <paramref name="what"/> describes it in the message ("a list such as [vapix]").</summary>
    public static YSequence? Sequence(YNode node, string path, ICollection<FileError> errors, string what = "a list")
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(errors);
        return node is YSequence sequence
            ? sequence
            : Fail<YSequence>(node, errors, $"{Name(path)} must be {what}, got {node.Describe()}");
    }

    /// <summary>A path quoted for messages: <c>'groups[1].count'</c>; "the file" for the top level.</summary>
    public static string Name(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Length == 0 ? "the file" : $"'{path}'";
    }

    private static double? Read(YNode node, string path, NumberRange range, ICollection<FileError> errors, bool integer)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(errors);
        if (node is not YScalar { Plain: true } scalar || !YamlScalars.IsAnyNumber(scalar.Value))
        {
            var expected = integer ? "a whole number" : "a number";
            return Fail<double?>(node, errors, $"{Name(path)} must be {expected}, got {node.Describe()}");
        }

        var text = scalar.Value;
        var value = YamlScalars.IsDecimal(text) ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : double.NaN;
        if (!double.IsFinite(value))
        {
            return Fail<double?>(node, errors, $"{Name(path)} must be a finite decimal number, got {text}");
        }

        if (integer && !YamlScalars.IsInteger(text))
        {
            return Fail<double?>(node, errors, $"{Name(path)} must be a whole number, got {text}");
        }

        if (integer && (value < int.MinValue || value > int.MaxValue))
        {
            return Fail<double?>(node, errors, $"{Name(path)} must be a 32-bit whole number, got {text}");
        }

        return range.Contains(value) ? value : Fail<double?>(node, errors, $"{Name(path)} {range.Problem(text)}");
    }

    private static void NotOneOf(YNode node, string path, IReadOnlyList<string> names, ICollection<FileError> errors)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(errors);
        var suggestion = node is YScalar typed ? Suggest.DidYouMean(typed.Value, names) : "";
        errors.Add(new FileError(node.File, node.Line, $"{Name(path)} must be one of {string.Join(", ", names)}; got {node.Describe()}" + suggestion));
    }

    private static T? Fail<T>(YNode node, ICollection<FileError> errors, string message)
    {
        errors.Add(new FileError(node.File, node.Line, message));
        return default;
    }
}
