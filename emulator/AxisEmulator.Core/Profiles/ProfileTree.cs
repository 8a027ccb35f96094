using System.Globalization;
using AxisEmulator.Core.Validation;
using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Core.Profiles;

/// <summary>
/// A profile value checked against its <see cref="FieldSpec"/>: typed, located (file and line) and
/// flagged <see cref="Invalid"/> when an error was already reported for it (later checks skip it).
/// </summary>
internal sealed class PNode
{
    public required FieldSpec Spec { get; init; }

    public required string File { get; init; }

    public required int Line { get; init; }

    public bool Invalid { get; init; }

    public bool IsNull { get; init; }

    /// <summary>The scalar as written (strings, enum values, numbers' source text).</summary>
    public string Text { get; init; } = "";

    public double Number { get; init; }

    public bool Boolean { get; init; }

    /// <summary>Items of a string list, with their lines.</summary>
    public IReadOnlyList<(string Value, int Line)> Items { get; init; } = [];

    /// <summary>Children of a mapping, in file order.</summary>
    public IReadOnlyDictionary<string, PNode> Children { get; init; } = new Dictionary<string, PNode>();

    public bool IsUsable => !Invalid && !IsNull;

    public PNode? Get(string dottedPath)
    {
        var node = this;
        foreach (var part in dottedPath.Split('.'))
        {
            if (!node.Children.TryGetValue(part, out var next))
            {
                return null;
            }

            node = next;
        }

        return node;
    }
}

/// <summary>Type-checks one parsed file against <see cref="ProfileSchema"/> and merges checked trees.</summary>
internal static class ProfileTree
{
    public static PNode Check(YNode node, FieldSpec spec, List<FileError> errors)
    {
        var path = spec.Path.Length == 0 ? "the profile" : $"'{spec.Path}'";

        if (node is YScalar { IsNull: true } && spec.Nullable)
        {
            return new PNode { Spec = spec, File = node.File, Line = node.Line, IsNull = true };
        }

        switch (spec.Kind)
        {
            case FieldKind.Mapping:
                return CheckMapping(node, spec, path, errors);

            case FieldKind.StringList:
                return CheckList(node, spec, path, errors);
        }

        if (node is not YScalar scalar)
        {
            return Fail(node, spec, errors, $"{path} must be {Expected(spec)}, got {DescribeNode(node)}");
        }

        switch (spec.Kind)
        {
            case FieldKind.String:
                {
                    if (scalar.Plain && (scalar.IsNull || YamlScalars.IsBool(scalar.Value, out _) || YamlScalars.IsAnyNumber(scalar.Value)))
                    {
                        var hint = scalar.IsNull ? "" : $" (quote it: \"{scalar.Value}\")";
                        return Fail(node, spec, errors, $"{path} must be a string, got {YamlScalars.Describe(scalar)}{hint}");
                    }

                    if (spec.Check?.Invoke(scalar.Value) is { } problem)
                    {
                        return Fail(node, spec, errors, problem);
                    }

                    return new PNode { Spec = spec, File = node.File, Line = node.Line, Text = scalar.Value };
                }

            case FieldKind.Boolean:
                {
                    if (!scalar.Plain || !YamlScalars.IsBool(scalar.Value, out var value))
                    {
                        return Fail(node, spec, errors, $"{path} must be true or false, got {YamlScalars.Describe(scalar)}");
                    }

                    return new PNode { Spec = spec, File = node.File, Line = node.Line, Text = scalar.Value, Boolean = value };
                }

            case FieldKind.Enum:
                {
                    if (!spec.EnumValues.Contains(scalar.Value) || (scalar.Plain && scalar.IsNull))
                    {
                        var message = $"{path} must be one of {string.Join(", ", spec.EnumValues)}; got {YamlScalars.Describe(scalar)}";
                        if (Suggest.Closest(scalar.Value, spec.EnumValues) is { } guess)
                        {
                            message += $"; did you mean '{guess}'?";
                        }

                        return Fail(node, spec, errors, message);
                    }

                    return new PNode { Spec = spec, File = node.File, Line = node.Line, Text = scalar.Value };
                }

            case FieldKind.Number:
            case FieldKind.Integer:
                return CheckNumber(scalar, spec, path, errors);

            default:
                throw new InvalidOperationException($"unhandled field kind {spec.Kind}");
        }
    }

    /// <summary>Deep merge: mappings merge key by key, anything else is replaced by the child's value.</summary>
    public static PNode Merge(PNode parent, PNode child)
    {
        if (child.Spec.Kind != FieldKind.Mapping || !child.IsUsable || !parent.IsUsable)
        {
            return child;
        }

        var children = new Dictionary<string, PNode>(StringComparer.Ordinal);
        foreach (var (key, value) in parent.Children)
        {
            children[key] = value;
        }

        foreach (var (key, value) in child.Children)
        {
            children[key] = children.TryGetValue(key, out var inherited) ? Merge(inherited, value) : value;
        }

        return new PNode { Spec = child.Spec, File = child.File, Line = child.Line, Children = children };
    }

    private static PNode CheckMapping(YNode node, FieldSpec spec, string path, List<FileError> errors)
    {
        if (node is not YMapping mapping)
        {
            return Fail(node, spec, errors, $"{path} must be a mapping of keys, got {DescribeNode(node)}");
        }

        var children = new Dictionary<string, PNode>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Entries)
        {
            var dotted = spec.Path.Length == 0 ? key.Value : spec.Path + "." + key.Value;
            if (ProfileSchema.ForbiddenKeys.TryGetValue(dotted, out var reason))
            {
                errors.Add(new FileError(key.File, key.Line, reason));
                continue;
            }

            var childSpec = spec.Child(key.Value);
            if (childSpec is null)
            {
                errors.Add(new FileError(key.File, key.Line, UnknownKey(key.Value, spec)));
                continue;
            }

            var child = Check(value, childSpec, errors);
            if (child.Spec.Kind == FieldKind.Mapping && child.Line != key.Line)
            {
                // A block mapping starts at its first key; report it at its own key ("loads:") instead.
                child = new PNode
                {
                    Spec = child.Spec,
                    File = child.File,
                    Line = key.Line,
                    Invalid = child.Invalid,
                    IsNull = child.IsNull,
                    Children = child.Children,
                };
            }

            children[key.Value] = child;
        }

        return new PNode { Spec = spec, File = node.File, Line = node.Line, Children = children };
    }

    private static PNode CheckList(YNode node, FieldSpec spec, string path, List<FileError> errors)
    {
        if (node is not YSequence sequence)
        {
            return Fail(node, spec, errors, $"{path} must be a list of dotted keys, got {DescribeNode(node)}");
        }

        var items = new List<(string, int)>();
        var invalid = false;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (sequence.Items[i] is YScalar { IsNull: false } item)
            {
                items.Add((item.Value, item.Line));
            }
            else
            {
                invalid = true;
                errors.Add(new FileError(sequence.Items[i].File, sequence.Items[i].Line,
                    $"'{spec.Path}[{i.ToString(CultureInfo.InvariantCulture)}]' must be a dotted key, got {DescribeNode(sequence.Items[i])}"));
            }
        }

        return new PNode { Spec = spec, File = node.File, Line = node.Line, Items = items, Invalid = invalid };
    }

    private static PNode CheckNumber(YScalar scalar, FieldSpec spec, string path, List<FileError> errors)
    {
        var integer = spec.Kind == FieldKind.Integer;
        if (!scalar.Plain || !YamlScalars.IsAnyNumber(scalar.Value))
        {
            var nullable = spec.Nullable ? " (or null)" : "";
            return Fail(scalar, spec, errors, $"{path} must be {Expected(spec)}{nullable}, got {YamlScalars.Describe(scalar)}");
        }

        if (!YamlScalars.IsDecimal(scalar.Value))
        {
            return Fail(scalar, spec, errors, $"{path} must be a finite decimal number, got {scalar.Value}");
        }

        if (integer && !YamlScalars.IsInteger(scalar.Value))
        {
            return Fail(scalar, spec, errors, $"{path} must be a whole number, got {scalar.Value}");
        }

        var value = double.Parse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        var unit = spec.Unit.Length == 0 ? "" : " " + spec.Unit;
        if (spec.Minimum is { } min && spec.Maximum is { } max && (value < min || value > max))
        {
            return Fail(scalar, spec, errors, $"{path} must be between {Format(min)} and {Format(max)}, got {scalar.Value}{unit}");
        }

        if (spec.Minimum is { } minimum)
        {
            if (spec.ExclusiveMinimum && value <= minimum)
            {
                return Fail(scalar, spec, errors, $"{path} must be greater than {Format(minimum)}, got {scalar.Value}{unit}");
            }

            if (!spec.ExclusiveMinimum && value < minimum)
            {
                var rule = minimum == 0 ? "must not be negative" : $"must be at least {Format(minimum)}";
                return Fail(scalar, spec, errors, $"{path} {rule}, got {scalar.Value}{unit}");
            }
        }

        return new PNode { Spec = spec, File = scalar.File, Line = scalar.Line, Text = scalar.Value, Number = value };
    }

    private static string UnknownKey(string key, FieldSpec spec) =>
        YamlMessages.UnknownKey(key, spec.Path.Length == 0 ? "at the top level" : $"in '{spec.Path}'", spec.Children.Select(c => c.Name).ToList());

    private static string Expected(FieldSpec spec) => spec.Kind switch
    {
        FieldKind.Mapping => "a mapping of keys",
        FieldKind.String => "a string",
        FieldKind.Number => "a number",
        FieldKind.Integer => "a whole number",
        FieldKind.Boolean => "true or false",
        FieldKind.Enum => "one of " + string.Join(", ", spec.EnumValues),
        FieldKind.StringList => "a list of dotted keys",
        _ => spec.Kind.ToString(),
    };

    private static string DescribeNode(YNode node) => node.Describe();

    private static PNode Fail(YNode node, FieldSpec spec, List<FileError> errors, string message)
    {
        errors.Add(new FileError(node.File, node.Line, message));
        return new PNode { Spec = spec, File = node.File, Line = node.Line, Invalid = true };
    }

    internal static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
