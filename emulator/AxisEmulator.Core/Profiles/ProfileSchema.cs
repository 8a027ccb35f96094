using System.Text.RegularExpressions;

namespace AxisEmulator.Core.Profiles;

internal enum FieldKind
{
    Mapping,
    String,
    Number,
    Integer,
    Boolean,
    Enum,
    StringList,
}

/// <summary>One key of a profile file: its type, limits and children. The loader validates against this tree.</summary>
internal sealed class FieldSpec
{
    public required string Name { get; init; }

    /// <summary>Dotted path from the root (e.g. <c>power.loads.peak</c>); empty for the root.</summary>
    public string Path { get; set; } = "";

    public required FieldKind Kind { get; init; }

    /// <summary>Must be present once the <c>extends</c> chain is merged.</summary>
    public bool Required { get; init; }

    /// <summary>May be written as <c>null</c> (meaning "absent", e.g. no PoE input).</summary>
    public bool Nullable { get; init; }

    public double? Minimum { get; init; }

    public bool ExclusiveMinimum { get; init; }

    public double? Maximum { get; init; }

    /// <summary>Unit for messages (<c>W</c>, <c>s</c>, <c>V</c>…), empty when none.</summary>
    public string Unit { get; init; } = "";

    public IReadOnlyList<string> EnumValues { get; init; } = [];

    public IReadOnlyList<FieldSpec> Children { get; init; } = [];

    /// <summary>Extra check of a string value; returns an error message or null.</summary>
    public Func<string, string?>? Check { get; init; }

    public FieldSpec? Child(string name) => Children.FirstOrDefault(c => c.Name == name);
}

/// <summary>
/// The shape of a hardware-profile file (keys mirror <see cref="HardwareProfile"/> in camelCase).
/// <c>hardware-profiles/hardware-profile.schema.json</c> describes the same shape for editors; a test
/// keeps the two in step.
/// </summary>
internal static partial class ProfileSchema
{
    /// <summary>Keys that look plausible but may not be written, with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> ForbiddenKeys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["id"] = "'id' cannot be set: a profile's id is its file name without '.yaml'",
        ["firmware.personality"] = "'firmware.personality' cannot be set: it follows from firmware.version (10.x and older: os10, 11.x: os11, 12.x and newer: os12)",
    };

    public static readonly FieldSpec Root = Build();

    private static FieldSpec Build()
    {
        var root = new FieldSpec
        {
            Name = "",
            Kind = FieldKind.Mapping,
            Children =
            [
                Str("extends"),
                Str("model", required: true),
                Str("family", required: true),
                EnumOf<FormFactor>("formFactor", required: true),
                Str("productFullName", required: true),
                Str("productType", required: true),
                Str("productVariant"),
                Bool("hasVideo"),
                Map("firmware", required: true,
                [
                    new FieldSpec { Name = "version", Kind = FieldKind.String, Required = true, Check = CheckVersion },
                    Bool("singleBank"),
                    Num("upgradeFlashSeconds", "s", exclusiveMinimum: true),
                    Str("buildDate"),
                    Str("architecture"),
                    Str("soc"),
                    Str("hardwareId"),
                ]),
                Map("identity", required: true,
                [
                    new FieldSpec { Name = "serialOui", Kind = FieldKind.String, Required = true, Check = CheckOui },
                ]),
                Map("power", required: true,
                [
                    new FieldSpec { Name = "poeClass", Kind = FieldKind.Integer, Nullable = true, Minimum = 0, Maximum = 8 },
                    Bool("canRunDegraded"),
                    new FieldSpec
                    {
                        Name = "dc",
                        Kind = FieldKind.Mapping,
                        Nullable = true,
                        Children = [Num("min", "V", exclusiveMinimum: true, required: true), Num("max", "V", exclusiveMinimum: true, required: true)],
                    },
                    Map("loads", required: true,
                    [
                        Num("bootLoader", "W", required: true),
                        Num("kernel", "W", required: true),
                        Num("running", "W", required: true),
                        Num("peak", "W", required: true),
                        Num("degraded", "W", nullable: true),
                    ]),
                    Num("pseRetrySeconds", "s"),
                ]),
                Map("reset", required: true,
                [
                    Num("holdMinSeconds", "s", required: true),
                    Num("holdMaxSeconds", "s", required: true),
                    EnumOf<LateReleaseBehavior>("lateRelease", required: true),
                    Num("factoryResetSeconds", "s"),
                    Num("debounceMilliseconds", "ms"),
                ]),
                Map("boot", required: true,
                [
                    Num("bootLoaderSeconds", "s", required: true),
                    Num("networkUpSeconds", "s", required: true),
                    Num("readySeconds", "s", required: true),
                    Num("shutdownSeconds", "s"),
                    Num("greenAfterReadySeconds", "s"),
                ]),
                Map("leds", required: false,
                [
                    Bool("power"),
                    Bool("network"),
                    Num("flashHz", "Hz", exclusiveMinimum: true),
                    Num("alternateHz", "Hz", exclusiveMinimum: true),
                ]),
                Map("io", required: false,
                [
                    new FieldSpec { Name = "inputs", Kind = FieldKind.Integer, Minimum = 0 },
                    new FieldSpec { Name = "outputs", Kind = FieldKind.Integer, Minimum = 0 },
                ]),
                new FieldSpec { Name = "estimates", Kind = FieldKind.StringList },
            ],
        };
        AssignPaths(root, "");
        return root;
    }

    /// <summary>The spec at a dotted path, or null when no such key exists.</summary>
    public static FieldSpec? Find(string dottedPath)
    {
        var spec = Root;
        foreach (var part in dottedPath.Split('.'))
        {
            spec = spec.Child(part);
            if (spec is null)
            {
                return null;
            }
        }

        return spec;
    }

    /// <summary>Every dotted path of the schema (mappings included), for suggestions.</summary>
    public static IEnumerable<string> AllPaths()
    {
        var stack = new Stack<FieldSpec>(Root.Children.Reverse());
        while (stack.Count > 0)
        {
            var spec = stack.Pop();
            yield return spec.Path;
            foreach (var child in spec.Children.Reverse())
            {
                stack.Push(child);
            }
        }
    }

    /// <summary><c>MiniDome</c> → <c>mini-dome</c>.</summary>
    public static string Kebab(string pascal)
    {
        var builder = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Parses a kebab-case enum value written in YAML (exact match only).</summary>
    public static bool TryParseEnum<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (Kebab(candidate.ToString()) == text)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string? CheckVersion(string value) =>
        FirmwareVersion.TryParse(value, out _)
            ? null
            : $"'firmware.version' is not an AXIS OS version: '{value}' (expected dotted digits like 11.11.192)";

    private static string? CheckOui(string value) =>
        OuiPattern().IsMatch(value)
            ? null
            : $"'identity.serialOui' must be 6 hex digits (an Axis OUI such as B8A44F), got '{value}'";

    [GeneratedRegex("^[0-9A-Fa-f]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex OuiPattern();

    private static void AssignPaths(FieldSpec spec, string prefix)
    {
        foreach (var child in spec.Children)
        {
            child.Path = prefix.Length == 0 ? child.Name : prefix + "." + child.Name;
            AssignPaths(child, child.Path);
        }
    }

    private static FieldSpec Str(string name, bool required = false) =>
        new() { Name = name, Kind = FieldKind.String, Required = required };

    private static FieldSpec Bool(string name) => new() { Name = name, Kind = FieldKind.Boolean };

    private static FieldSpec Num(string name, string unit, bool exclusiveMinimum = false, bool required = false, bool nullable = false) =>
        new()
        {
            Name = name,
            Kind = FieldKind.Number,
            Unit = unit,
            Minimum = 0,
            ExclusiveMinimum = exclusiveMinimum,
            Required = required,
            Nullable = nullable,
        };

    private static FieldSpec Map(string name, bool required, IReadOnlyList<FieldSpec> children) =>
        new() { Name = name, Kind = FieldKind.Mapping, Required = required, Children = children };

    private static FieldSpec EnumOf<TEnum>(string name, bool required)
        where TEnum : struct, Enum =>
        new()
        {
            Name = name,
            Kind = FieldKind.Enum,
            Required = required,
            EnumValues = [.. Enum.GetValues<TEnum>().Select(v => Kebab(v.ToString()))],
        };
}
