using System.Globalization;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Core.Validation;
using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Control.Scenarios;

/// <summary>
/// Reads one scenario file's tree into a <see cref="Scenario"/> with Core's typed-field layer,
/// collecting every error (the steps are in the other parts of this class).
/// </summary>
internal sealed partial class ScenarioReader(string file, List<FileError> errors, ProfileCatalog? profiles)
{
    private static readonly string[] DeviceKeys = ["profile", "id", "serial", "admin"];

    public Scenario? Scenario(YMapping root)
    {
        var top = YamlFields.Of(root, "", ScenarioParser.TopLevelKeys, errors)!;
        var name = top.Require("name", "a title for the scenario") ? top.Text("name") : null;
        var description = top.Text("description");
        var requires = Requires(top);
        var deviceCount = top.Integer("devices", NumberRange.Between(1, ScenarioParser.MaxDevices)) ?? 1;
        var device = top.Node("device") is { } deviceNode ? Device(deviceNode, deviceCount) : new ScenarioDevice();
        var seed = top.Integer("seed", NumberRange.Any);
        IReadOnlyList<ScenarioStep> steps = top.Require("steps", "the list of steps") ? Steps(top) : [];

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

    private List<string> Requires(YamlFields top)
    {
        var result = new List<string>();
        foreach (var item in top.Sequence("requires", "a list such as [vapix]")?.Items ?? [])
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

        if (YamlFields.Of(node, "device", errors, "{ profile: P3265-LVE }") is not { } fields)
        {
            return new ScenarioDevice();
        }

        fields.AllowOnly(DeviceKeys);
        var device = new ScenarioDevice();
        if (fields.Text("profile") is { } profile)
        {
            device = device with { Profile = Profile((YScalar)fields.Node("profile")!) ?? profile };
        }

        if (fields.Text("id") is { } id)
        {
            if (!ScenarioParser.DeviceId().IsMatch(id))
            {
                fields.Error(fields.Node("id")!, $"'device.id' may hold only letters, digits, '-', '_' and '.', got '{id}'");
            }

            device = device with { Id = id };
        }

        if (fields.Text("serial") is { } serial)
        {
            if (!DeviceIdentity.IsValidSerial(serial))
            {
                fields.Error(fields.Node("serial")!, $"'device.serial' must be 12 hexadecimal digits (e.g. ACCC8E0A1B2C), got '{serial}'");
            }
            else if (deviceCount > 1)
            {
                fields.Error(fields.Node("serial")!, $"'device.serial' cannot be shared by {deviceCount.ToString(CultureInfo.InvariantCulture)} devices; drop it or use one device");
            }

            device = device with { Serial = serial.ToUpperInvariant() };
        }

        if (fields.Node("admin") is { } adminNode)
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

        Error(node.Line, $"unknown profile '{node.Value}'; known: {string.Join(", ", profiles.Ids)}" + Suggest.DidYouMean(node.Value, profiles.Ids));
        return null;
    }

    private ScenarioAdmin? Admin(YNode node)
    {
        if (YamlFields.Of(node, "device.admin", errors, "{ user: root, password: pass }") is not { } fields)
        {
            return null;
        }

        fields.AllowOnly(["user", "password"]);
        var user = fields.Has("user") ? fields.Text("user") : Missing<string>(fields.Line, "device.admin", "user", "the admin's user name");
        var password = fields.Has("password") ? fields.Text("password") : Missing<string>(fields.Line, "device.admin", "password", "the admin's password");
        return user is null || password is null ? null : new ScenarioAdmin(user, password);
    }

    private List<ScenarioStep> Steps(YamlFields top)
    {
        var steps = new List<ScenarioStep>();
        if (top.Sequence("steps", "a list of steps (lines starting with '- ')") is not { } list)
        {
            return steps;
        }

        if (list.Items.Count == 0)
        {
            Error(list.Line, "'steps' is empty; a scenario needs at least one step");
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
        "factory-default" => YamlValues.OneOf(value, "factory-default", FactoryDefaultModes, errors) is { } mode ? new FactoryDefaultStep(key.Line, mode) : null,
        "upgrade" => UpgradeStep(key, value),
        "vapix" => VapixStep(key, value),
        "caption" => YamlValues.Text(value, "caption", errors) is { } caption ? new CaptionStep(key.Line, caption) : null,
        "expect-event" => ExpectEventStep(key, value),
        _ => UnknownStep(key),
    };

    private ScenarioStep? UnknownStep(YScalar key)
    {
        Error(key.Line, $"unknown step '{key.Value}'; known steps: {string.Join(", ", ScenarioParser.StepKinds)}" + Suggest.DidYouMean(key.Value, ScenarioParser.StepKinds));
        return null;
    }

    // ---- helpers shared by the steps ------------------------------------------------------------

    private void Error(int line, string message) => errors.Add(new FileError(file, line, message));

    /// <summary>A step's arguments: "'wait-for' must be a mapping such as { phase: ready, within: 120s }" when they are not.</summary>
    private YamlFields? Arguments(YNode value, string step, string example) => YamlFields.Of(value, step, errors, example);

    /// <summary>"'wait-for' is missing 'within' (the deadline, e.g. within: 30s)"; returns default.</summary>
    private T? Missing<T>(int line, string where, string key, string what)
    {
        Error(line, $"'{where}' is missing '{key}' ({what})");
        return default;
    }

    private ScenarioDuration? Duration(YamlFields fields, string key) =>
        fields.Node(key) is { } node ? Duration(node, fields.PathOf(key)) : null;

    private ScenarioDuration? Duration(YNode node, string what)
    {
        if (node is YScalar { IsNull: false } scalar)
        {
            var text = scalar.Value.Trim();
            if (ScenarioParser.TryParseDuration(text, out var value))
            {
                return new ScenarioDuration(value, text);
            }

            if (text.StartsWith('-') && ScenarioParser.TryParseDuration(text[1..], out _))
            {
                Error(node.Line, $"'{what}' must not be negative, got {text}");
                return null;
            }
        }

        Error(node.Line, $"'{what}' must be a duration such as 500ms, 20s, 2m or 1.5s, got {node.Describe()}");
        return null;
    }
}
