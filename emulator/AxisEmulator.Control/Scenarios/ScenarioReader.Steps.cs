using AxisEmulator.Core.Button;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Control.Scenarios;

/// <summary>The steps that act on the device or read its journal: button, expect-timeline, fault, restart, upgrade, vapix.</summary>
internal sealed partial class ScenarioReader
{
    private static readonly WireNames<FactoryDefaultMode> FactoryDefaultModes =
        new([new("soft", FactoryDefaultMode.Soft), new("hard", FactoryDefaultMode.Hard)]);

    private static readonly WireNames<TimelineKind> TimelineKinds = WireNames.Of<TimelineKind>(ScenarioNames.Kind);

    private static readonly WireNames<ButtonCondition> ButtonConditions = WireNames.Of<ButtonCondition>(c => c.ToString().ToLowerInvariant());

    private static readonly WireNames<UpgradeRejection> UpgradeRejections =
        WireNames.Of(Enum.GetValues<UpgradeRejection>().Where(r => r != UpgradeRejection.None), r => ScenarioNames.Kebab(r.ToString()));

    private static readonly WireNames<AutoCommit> AutoCommits = new([new("boot", AutoCommit.Boot), new("never", AutoCommit.Never)]);

    private static readonly string[] VapixMethods = ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"];

    private ButtonStep? ButtonStep(YScalar key, YNode value)
    {
        switch (value)
        {
            case YScalar { Plain: true, Value: "press" }:
                return new ButtonStep(key.Line, ButtonAction.Press);
            case YScalar { Plain: true, Value: "release" }:
                return new ButtonStep(key.Line, ButtonAction.Release);
            case YMapping mapping:
                var button = YamlFields.Of(mapping, "button", ["hold"], errors)!;
                return !button.Has("hold")
                    ? Missing<ButtonStep>(key.Line, "button", "hold", "how long to hold it, e.g. { hold: 22s }")
                    : Duration(button, "hold") is { } hold ? new ButtonStep(key.Line, ButtonAction.Hold, hold) : null;
            default:
                Error(value.Line, $"'button' must be press, release or {{ hold: <duration> }}, got {value.Describe()}");
                return null;
        }
    }

    private ExpectTimelineStep? ExpectTimelineStep(YScalar key, YNode value)
    {
        if (Arguments(value, "expect-timeline", "{ kind: boot, event: reset-release, data: { outcome: factory-reset } }") is not { } fields)
        {
            return null;
        }

        var ok = fields.AllowOnly(["kind", "event", "data", "message", "count", "min"]);
        var kind = fields.OneOf("kind", TimelineKinds);
        var @event = fields.Text("event");
        ok &= Present(fields, "kind", kind) & Present(fields, "event", @event);
        if (!fields.Has("kind") && !fields.Has("event"))
        {
            ok = false;
            Error(key.Line, "'expect-timeline' needs a kind and/or an event, e.g. { kind: boot, event: reset-release }");
        }

        List<KeyValuePair<string, string>>? data = null;
        if (fields.Has("data"))
        {
            data = TimelineData(fields);
            ok &= data is not null;
        }

        var message = fields.Text("message");
        var count = fields.Integer("count", NumberRange.AtLeast(0));
        var min = fields.Integer("min", NumberRange.AtLeast(1));
        ok &= Present(fields, "message", message) & Present(fields, "count", count) & Present(fields, "min", min);
        if (fields.Has("min") && fields.Has("count"))
        {
            ok = false;
            Error(fields.LineOf("min"), "'expect-timeline' takes count (exactly) or min (at least), not both");
        }

        var expectation = new TimelineExpectation { Kind = kind, Event = @event, Message = message, Count = count, Min = min };
        return ok ? new ExpectTimelineStep(key.Line, data is null ? expectation : expectation with { Data = data }) : null;
    }

    /// <summary><c>data: { outcome: factory-reset }</c>: single values to find in an entry's data.</summary>
    private List<KeyValuePair<string, string>>? TimelineData(YamlFields fields, string step = "expect-timeline")
    {
        if (fields.Fields("data", "{ outcome: factory-reset }") is not { } data)
        {
            return null;
        }

        var pairs = new List<KeyValuePair<string, string>>();
        var ok = true;
        foreach (var (dataKey, dataValue) in data.Mapping.Entries)
        {
            if (dataValue is YScalar scalar)
            {
                pairs.Add(new(dataKey.Value, scalar.Value));
            }
            else
            {
                ok = false;
                Error(dataValue.Line, $"'{step}.data.{dataKey.Value}' must be a single value, got {dataValue.Describe()}");
            }
        }

        return ok ? pairs : null;
    }

    private FaultStep? FaultStep(YScalar key, YNode value)
    {
        if (Arguments(value, "fault", "{ button: stuck }") is not { } fields)
        {
            return null;
        }

        var ok = fields.AllowOnly(["button", "dropoutsPerSecond", "dropoutMs", "bricked", "networkLink"]);
        var condition = fields.OneOf("button", ButtonConditions);
        ok &= Present(fields, "button", condition);
        var button = condition is { } c ? new ButtonFault(c) : null;
        foreach (var parameter in new[] { "dropoutsPerSecond", "dropoutMs" })
        {
            if (!fields.Has(parameter) || (fields.Has("button") && button is null))
            {
                continue; // absent, or the button error says enough
            }

            if (button is not { Condition: ButtonCondition.Mushy })
            {
                ok = false;
                Error(fields.LineOf(parameter), $"'fault.{parameter}' only applies to button: mushy");
                continue;
            }

            var number = fields.Number(parameter, NumberRange.Any);
            ok &= number is not null;
            if (number is { } n)
            {
                button = parameter == "dropoutsPerSecond" ? button with { DropoutsPerSecond = n } : button with { DropoutMilliseconds = n };
            }
        }

        if (button is not null && button.Validate() is { Count: > 0 } problems)
        {
            ok = false;
            foreach (var problem in problems)
            {
                Error(fields.Line, "'fault': " + problem);
            }
        }

        var bricked = fields.Boolean("bricked");
        var link = fields.Boolean("networkLink");
        ok &= Present(fields, "bricked", bricked) & Present(fields, "networkLink", link);
        if (!fields.Has("button") && !fields.Has("bricked") && !fields.Has("networkLink"))
        {
            Error(key.Line, "'fault' needs button (healthy, mushy, stuck, broken), bricked and/or networkLink");
            return null;
        }

        return ok ? new FaultStep(key.Line, button, bricked, link) : null;
    }

    private RestartStep? RestartStep(YScalar key, YNode value)
    {
        if (value is YScalar { IsNull: true } or YMapping { Entries.Count: 0 })
        {
            return new RestartStep(key.Line);
        }

        Error(value.Line, $"'restart' takes no arguments; write 'restart: {{}}', got {value.Describe()}");
        return null;
    }

    private UpgradeStep? UpgradeStep(YScalar key, YNode value)
    {
        if (Arguments(value, "upgrade", "{ model: P3265-LVE, version: 12.9.57 }") is not { } fields)
        {
            return null;
        }

        var ok = fields.AllowOnly(["model", "version", "signed", "autoCommit", "autoRollback", "refused"]);
        var model = fields.Text("model");
        var version = fields.Has("version")
            ? fields.Text("version")
            : Missing<string>(key.Line, "upgrade", "version", "the image's AXIS OS version, e.g. version: 12.9.57");
        var signed = fields.Has("signed") ? fields.Boolean("signed") : true;
        var autoCommit = fields.Has("autoCommit") ? fields.OneOf("autoCommit", AutoCommits) : AutoCommit.Boot;
        var rollback = Duration(fields, "autoRollback");
        if (fields.Has("autoRollback") && autoCommit != AutoCommit.Never)
        {
            ok = false;
            Error(fields.Node("autoRollback")!.Line, "'upgrade.autoRollback' only applies with autoCommit: never");
        }

        var refused = fields.OneOf("refused", UpgradeRejections);
        ok &= Present(fields, "model", model) & signed is not null & autoCommit is not null
            & Present(fields, "autoRollback", rollback) & Present(fields, "refused", refused);
        return ok && version is not null
            ? new UpgradeStep(key.Line, model, version, signed!.Value, autoCommit!.Value, rollback, refused)
            : null;
    }

    /// <summary>False when <paramref name="key"/> is there but did not read (its error is already recorded).</summary>
    private static bool Present<T>(YamlFields fields, string key, T? value) => value is not null || !fields.Has(key);
}
