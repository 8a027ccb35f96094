using System.Globalization;
using System.Text.RegularExpressions;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Control.Scenarios;

/// <summary>The outcome of reading a scenario without throwing: the scenario, or every error found.</summary>
public sealed record ScenarioParseResult(Scenario? Scenario, IReadOnlyList<FileError> Errors)
{
    public bool IsValid => Scenario is not null && Errors.Count == 0;
}

/// <summary>
/// Reads scenario files (<c>scenarios/*.yaml</c>, format in <c>scenarios/README.md</c>): flat YAML
/// steps, strictly validated. Every error of a file is reported, each as <c>file.yaml:LINE: message</c>.
/// </summary>
public static partial class ScenarioParser
{
    public const string FileExtension = ".yaml";

    /// <summary>The step kinds, in the order the format documents them.</summary>
    public static IReadOnlyList<string> StepKinds { get; } =
        ["power", "button", "wait", "wait-for", "expect", "expect-timeline", "fault", "restart", "factory-default", "upgrade", "vapix", "caption", "expect-event"];

    /// <summary>Top-level keys of a scenario file.</summary>
    public static IReadOnlyList<string> TopLevelKeys { get; } = ["name", "description", "requires", "device", "devices", "seed", "steps"];

    /// <summary>Largest <c>devices: N</c>.</summary>
    public const int MaxDevices = 256;

    private static readonly YamlDocumentRules YamlRules = new()
    {
        EmptyMessage = "the file is empty; a scenario is a mapping with 'name' and 'steps'",
        FileKind = "a scenario file",
        AliasHint = "write the step out",
    };

    /// <summary>Parses a file; throws <see cref="ScenarioValidationException"/> listing every error.</summary>
    /// <param name="profiles">When given, the device's profile is checked against it.</param>
    public static Scenario ParseFile(string path, ProfileCatalog? profiles = null) => OrThrow(ReadFile(path, profiles));

    /// <summary>Parses <paramref name="text"/>; <paramref name="file"/> names it in errors. Throws <see cref="ScenarioValidationException"/>.</summary>
    public static Scenario Parse(string text, string file = "scenario.yaml", ProfileCatalog? profiles = null) => OrThrow(Read(text, file, profiles));

    /// <summary>Reads a file without throwing on validation errors (I/O errors are reported as errors too).</summary>
    public static ScenarioParseResult ReadFile(string path, ProfileCatalog? profiles = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return FileText.TryRead(path, out var text, out var unreadable)
            ? Read(text, path, profiles)
            : new ScenarioParseResult(null, [unreadable]);
    }

    /// <summary>Reads <paramref name="text"/> without throwing on validation errors.</summary>
    public static ScenarioParseResult Read(string text, string file = "scenario.yaml", ProfileCatalog? profiles = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        var errors = new List<FileError>();
        var root = YamlTreeReader.Read(file, text, errors, YamlRules);
        Scenario? scenario = null;
        if (root is YMapping mapping)
        {
            scenario = new ScenarioReader(file, errors, profiles).Scenario(mapping);
        }
        else if (root is not null)
        {
            errors.Add(new FileError(file, root.Line, "a scenario must be a mapping with 'name' and 'steps' ('key: value' lines)"));
        }

        var sorted = errors.Distinct().OrderBy(e => e.Line).ToList();
        return new ScenarioParseResult(sorted.Count == 0 ? scenario : null, sorted);
    }

    /// <summary>Parses a duration: <c>500ms</c>, <c>20s</c>, <c>2m</c>, <c>1.5s</c>, <c>1h</c>, <c>1m30s</c>.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text) || !DurationPattern().IsMatch(text))
        {
            return false;
        }

        decimal ticks = 0;
        foreach (Match part in DurationPart().Matches(text))
        {
            var value = decimal.Parse(part.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            var unit = part.Groups[2].Value switch
            {
                "ms" => TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute,
                _ => TimeSpan.TicksPerHour,
            };
            ticks += value * unit;
            if (ticks > TimeSpan.FromDays(365).Ticks)
            {
                return false;
            }
        }

        duration = TimeSpan.FromTicks((long)Math.Round(ticks));
        return true;
    }

    private static Scenario OrThrow(ScenarioParseResult result) =>
        result.IsValid ? result.Scenario! : throw new ScenarioValidationException(result.Errors);

    [GeneratedRegex(@"^(?:[0-9]+(?:\.[0-9]+)?(?:ms|s|m|h))+$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPart();

    [GeneratedRegex(@"^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant)]
    internal static partial Regex DeviceId();
}
