using System.Globalization;
using System.Text.RegularExpressions;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Core.Validation;
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
        ["power", "button", "wait", "wait-for", "expect", "expect-timeline", "fault", "restart", "factory-default", "upgrade", "vapix", "caption"];

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
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ScenarioParseResult(null, [new FileError(path, 1, "cannot read the file: " + ex.Message)]);
        }

        return Read(text, path, profiles);
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
            scenario = new Reader(file, errors, profiles).Scenario(mapping);
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

    [GeneratedRegex(@"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    internal static partial Regex DecimalNumber();

    [GeneratedRegex(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    internal static partial Regex WholeNumber();

    [GeneratedRegex(@"^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant)]
    internal static partial Regex DeviceId();

    /// <summary>Reads one file's tree, collecting errors.</summary>
    private sealed partial class Reader(string file, List<FileError> errors, ProfileCatalog? profiles)
    {
        public Scenario? Scenario(YMapping root)
        {
            CheckKeys(root, TopLevelKeys, "at the top level");
            var name = Get(root, "name") is { } nameNode ? Text(nameNode, "name") : Missing<string>(root, "name", "a title for the scenario");
            var description = Get(root, "description") is { } d ? Text(d, "description") : null;
            var requires = Get(root, "requires") is { } r ? Requires(r) : [];
            var deviceCount = Get(root, "devices") is { } n ? Whole(n, "devices", 1, MaxDevices) ?? 1 : 1;
            var device = Get(root, "device") is { } deviceNode ? Device(deviceNode, deviceCount) : new ScenarioDevice();
            var seed = Get(root, "seed") is { } seedNode ? Whole(seedNode, "seed", int.MinValue, int.MaxValue) : null;
            IReadOnlyList<ScenarioStep> steps = Get(root, "steps") is { } stepsNode ? Steps(stepsNode) : Missing<IReadOnlyList<ScenarioStep>>(root, "steps", "the list of steps") ?? [];

            if (!requires.Contains(ScenarioRequirements.Vapix) && steps.FirstOrDefault(s => s is VapixStep) is { } vapix)
            {
                Error(vapix.Line, "'vapix' steps need 'requires: [vapix]' at the top of the file, so that runs without a VAPIX client report the scenario as skipped");
            }

            return name is null ? null : new Scenario
            {
                Name = name,
                Description = description,
                File = file,
                Device = device,
                DeviceCount = deviceCount,
                Seed = seed,
                Requires = requires,
                Steps = steps,
            };
        }

        private List<string> Requires(YNode node)
        {
            var result = new List<string>();
            if (node is not YSequence list)
            {
                Error(node.Line, $"'requires' must be a list such as [vapix], got {node.Describe()}");
                return result;
            }

            foreach (var item in list.Items)
            {
                if (item is YScalar { IsNull: false } scalar && ScenarioRequirements.All.Contains(scalar.Value))
                {
                    result.Add(scalar.Value);
                }
                else
                {
                    Error(item.Line, $"'requires' lists what a scenario needs: {string.Join(", ", ScenarioRequirements.All)}; got {item.Describe()}");
                }
            }

            return result;
        }

        private ScenarioDevice Device(YNode node, int deviceCount)
        {
            if (node is YScalar { IsNull: false } shorthand)
            {
                return new ScenarioDevice { Profile = Profile(shorthand) ?? shorthand.Value };
            }

            if (node is not YMapping mapping)
            {
                Error(node.Line, $"'device' must be a mapping such as {{ profile: P3265-LVE }}, got {node.Describe()}");
                return new ScenarioDevice();
            }

            CheckKeys(mapping, ["profile", "id", "serial", "admin"], "in 'device'");
            var device = new ScenarioDevice();
            if (Get(mapping, "profile") is { } profileNode && Text(profileNode, "device.profile") is { } profile)
            {
                device = device with { Profile = Profile((YScalar)profileNode) ?? profile };
            }

            if (Get(mapping, "id") is { } idNode && Text(idNode, "device.id") is { } id)
            {
                if (!DeviceId().IsMatch(id))
                {
                    Error(idNode.Line, $"'device.id' may hold only letters, digits, '-', '_' and '.', got '{id}'");
                }

                device = device with { Id = id };
            }

            if (Get(mapping, "serial") is { } serialNode && Text(serialNode, "device.serial") is { } serial)
            {
                if (!DeviceIdentity.IsValidSerial(serial))
                {
                    Error(serialNode.Line, $"'device.serial' must be 12 hexadecimal digits (e.g. ACCC8E0A1B2C), got '{serial}'");
                }
                else if (deviceCount > 1)
                {
                    Error(serialNode.Line, $"'device.serial' cannot be shared by {deviceCount.ToString(CultureInfo.InvariantCulture)} devices; drop it or use one device");
                }

                device = device with { Serial = serial.ToUpperInvariant() };
            }

            if (Get(mapping, "admin") is { } adminNode)
            {
                device = device with { Admin = Admin(adminNode) };
            }

            return device;
        }

        private string? Profile(YScalar node)
        {
            if (profiles is null || node.IsNull)
            {
                return null;
            }

            if (profiles.TryGet(node.Value, out var profile))
            {
                return profile.Id;
            }

            var message = $"unknown profile '{node.Value}'; known: {string.Join(", ", profiles.Ids)}";
            if (Suggest.Closest(node.Value, profiles.Ids) is { } guess)
            {
                message += $"; did you mean '{guess}'?";
            }

            Error(node.Line, message);
            return null;
        }

        private ScenarioAdmin? Admin(YNode node)
        {
            if (node is not YMapping mapping)
            {
                Error(node.Line, $"'device.admin' must be a mapping such as {{ user: root, password: pass }}, got {node.Describe()}");
                return null;
            }

            CheckKeys(mapping, ["user", "password"], "in 'device.admin'");
            var user = Get(mapping, "user") is { } u ? Text(u, "device.admin.user") : Missing<string>(mapping, "user", "the admin's user name", "device.admin");
            var password = Get(mapping, "password") is { } p ? Text(p, "device.admin.password") : Missing<string>(mapping, "password", "the admin's password", "device.admin");
            return user is null || password is null ? null : new ScenarioAdmin(user, password);
        }

        private List<ScenarioStep> Steps(YNode node)
        {
            var steps = new List<ScenarioStep>();
            if (node is not YSequence list)
            {
                Error(node.Line, $"'steps' must be a list of steps (lines starting with '- '), got {node.Describe()}");
                return steps;
            }

            if (list.Items.Count == 0)
            {
                Error(node.Line, "'steps' is empty; a scenario needs at least one step");
                return steps;
            }

            for (var i = 0; i < list.Items.Count; i++)
            {
                var number = (i + 1).ToString(CultureInfo.InvariantCulture);
                var item = list.Items[i];
                if (item is not YMapping { Entries.Count: > 0 } mapping)
                {
                    Error(item.Line, $"step {number} must be one 'kind: value' pair such as '- wait: 20s', got {item.Describe()}");
                    continue;
                }

                if (mapping.Entries.Count > 1)
                {
                    var keys = string.Join(", ", mapping.Entries.Select(e => $"'{e.Key.Value}'"));
                    Error(mapping.Line, $"step {number} has {mapping.Entries.Count.ToString(CultureInfo.InvariantCulture)} keys ({keys}); a step has one kind: indent its arguments under it, or start each step with its own '- '");
                    continue;
                }

                var (key, value) = mapping.Entries[0];
                if (Step(key, value) is { } step)
                {
                    steps.Add(step);
                }
            }

            return steps;
        }

        private ScenarioStep? Step(YScalar key, YNode value) => key.Value switch
        {
            "power" => PowerStep(key, value),
            "button" => ButtonStep(key, value),
            "wait" => Duration(value, "wait") is { } wait ? new WaitStep(key.Line, wait) : null,
            "wait-for" => WaitForStep(key, value),
            "expect" => ExpectStep(key, value),
            "expect-timeline" => ExpectTimelineStep(key, value),
            "fault" => FaultStep(key, value),
            "restart" => RestartStep(key, value),
            "factory-default" => Choice(value, "factory-default", FactoryDefaultModes) is { } mode ? new FactoryDefaultStep(key.Line, mode) : null,
            "upgrade" => UpgradeStep(key, value),
            "vapix" => VapixStep(key, value),
            "caption" => Text(value, "caption") is { } caption ? new CaptionStep(key.Line, caption) : null,
            _ => UnknownStep(key),
        };

        private ScenarioStep? UnknownStep(YScalar key)
        {
            var message = $"unknown step '{key.Value}'; known steps: {string.Join(", ", StepKinds)}";
            if (Suggest.Closest(key.Value, StepKinds) is { } guess)
            {
                message += $"; did you mean '{guess}'?";
            }

            Error(key.Line, message);
            return null;
        }

        // ---- shared helpers -------------------------------------------------------------------

        private void Error(int line, string message) => errors.Add(new FileError(file, line, message));

        private static YNode? Get(YMapping mapping, string key) =>
            mapping.Entries.FirstOrDefault(e => string.Equals(e.Key.Value, key, StringComparison.Ordinal)).Value;

        private static bool Has(YMapping mapping, string key) => Get(mapping, key) is not null;

        /// <summary>Reports every key of <paramref name="mapping"/> not in <paramref name="allowed"/>.</summary>
        private bool CheckKeys(YMapping mapping, IReadOnlyList<string> allowed, string where)
        {
            var ok = true;
            foreach (var (key, _) in mapping.Entries)
            {
                if (allowed.Contains(key.Value, StringComparer.Ordinal))
                {
                    continue;
                }

                ok = false;
                var message = $"unknown key '{key.Value}' {where}; allowed: {string.Join(", ", allowed)}";
                if (Suggest.Closest(key.Value, allowed) is { } guess)
                {
                    message += $"; did you mean '{guess}'?";
                }

                Error(key.Line, message);
            }

            return ok;
        }

        /// <summary>Reports a missing required key at the mapping's line; returns default.</summary>
        private T? Missing<T>(YNode at, string key, string what, string? where = null)
        {
            Error(at.Line, where is null ? $"missing required key '{key}' ({what})" : $"'{where}' is missing '{key}' ({what})");
            return default;
        }

        private string? Text(YNode node, string what)
        {
            if (node is YScalar scalar && !scalar.IsNull && scalar.Value.Length > 0)
            {
                return scalar.Value;
            }

            Error(node.Line, $"'{what}' must be a text, got {node.Describe()}");
            return null;
        }

        private bool? Bool(YNode node, string what)
        {
            if (node is YScalar { Plain: true } scalar)
            {
                switch (scalar.Value)
                {
                    case "true" or "True" or "TRUE":
                        return true;
                    case "false" or "False" or "FALSE":
                        return false;
                }
            }

            Error(node.Line, $"'{what}' must be true or false, got {node.Describe()}");
            return null;
        }

        private double? Number(YNode node, string what, double min, double max, bool exclusiveMin = false, string unit = "")
        {
            if (node is not YScalar { Plain: true } scalar || !DecimalNumber().IsMatch(scalar.Value))
            {
                Error(node.Line, $"'{what}' must be a number, got {node.Describe()}");
                return null;
            }

            var value = double.Parse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (value < min || value > max || (exclusiveMin && value <= min))
            {
                var range = exclusiveMin
                    ? $"greater than {Format(min)}{(max < double.MaxValue ? $" and at most {Format(max)}" : "")}"
                    : max < double.MaxValue ? $"between {Format(min)} and {Format(max)}" : $"at least {Format(min)}";
                Error(node.Line, $"'{what}' must be {range}{unit}, got {scalar.Value}");
                return null;
            }

            return value;
        }

        private int? Whole(YNode node, string what, int min, int max)
        {
            if (node is not YScalar { Plain: true } scalar || !WholeNumber().IsMatch(scalar.Value))
            {
                Error(node.Line, $"'{what}' must be a whole number, got {node.Describe()}");
                return null;
            }

            if (!long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                var range = max == int.MaxValue
                    ? min == int.MinValue ? "a 32-bit whole number" : $"at least {min.ToString(CultureInfo.InvariantCulture)}"
                    : $"between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}";
                Error(node.Line, $"'{what}' must be {range}, got {scalar.Value}");
                return null;
            }

            return (int)value;
        }

        private ScenarioDuration? Duration(YNode node, string what)
        {
            if (node is YScalar { IsNull: false } scalar)
            {
                var text = scalar.Value.Trim();
                if (TryParseDuration(text, out var value))
                {
                    return new ScenarioDuration(value, text);
                }

                if (text.StartsWith('-') && TryParseDuration(text[1..], out _))
                {
                    Error(node.Line, $"'{what}' must not be negative, got {text}");
                    return null;
                }
            }

            Error(node.Line, $"'{what}' must be a duration such as 500ms, 20s, 2m or 1.5s, got {node.Describe()}");
            return null;
        }

        private T? Choice<T>(YNode node, string what, IReadOnlyList<KeyValuePair<string, T>> choices)
            where T : struct
        {
            if (node is YScalar { IsNull: false } scalar)
            {
                foreach (var (name, value) in choices)
                {
                    if (string.Equals(name, scalar.Value, StringComparison.Ordinal))
                    {
                        return value;
                    }
                }
            }

            var names = choices.Select(c => c.Key).ToList();
            var message = $"'{what}' must be one of {string.Join(", ", names)}; got {node.Describe()}";
            if (node is YScalar { IsNull: false } typed && Suggest.Closest(typed.Value, names) is { } guess)
            {
                message += $"; did you mean '{guess}'?";
            }

            Error(node.Line, message);
            return null;
        }

        private YMapping? Mapping(YNode node, string what, string example)
        {
            if (node is YMapping mapping)
            {
                return mapping;
            }

            Error(node.Line, $"'{what}' must be a mapping such as {example}, got {node.Describe()}");
            return null;
        }

        private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
    }
}
