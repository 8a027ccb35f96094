using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Power;
using AxisEmulator.Core.Validation;
using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Control.Scenarios;

/// <summary><c>- expect: {…}</c> and <c>- wait-for: {…, within: 30s}</c>: a condition on the device.</summary>
internal sealed partial class ScenarioReader
{
    /// <summary>Keys of a device condition (<c>expect</c>, and <c>wait-for</c> with <c>within</c>).</summary>
    private static readonly string[] ConditionKeys =
        ["phase", "led", "pattern", "color", "hz", "alternateColor", "needsSetup", "listening", "bricked", "power", "button", "firmware", "bootCount"];

    private static readonly string[] LedKeys = ["pattern", "color", "hz", "alternateColor"];

    private static readonly WireNames<DevicePhase> Phases = WireNames.Of<DevicePhase>(p => p.ToKebab());

    private static readonly WireNames<PowerStatus> PowerStatuses = WireNames.Of<PowerStatus>(s => s.ToWireString());

    private WaitForStep? WaitForStep(YScalar key, YNode value)
    {
        if (Arguments(value, "wait-for", "{ phase: ready, within: 120s }") is not { } fields)
        {
            return null;
        }

        fields.AllowOnly([.. ConditionKeys, "within"]);
        var condition = Condition(key, fields);
        var within = fields.Has("within")
            ? Duration(fields, "within")
            : Missing<ScenarioDuration?>(key.Line, "wait-for", "within", "the deadline, e.g. within: 30s");
        return condition is not null && within is { } deadline ? new WaitForStep(key.Line, condition, deadline) : null;
    }

    private ExpectStep? ExpectStep(YScalar key, YNode value)
    {
        if (Arguments(value, "expect", "{ phase: ready, needsSetup: true }") is not { } fields)
        {
            return null;
        }

        fields.AllowOnly(ConditionKeys);
        return Condition(key, fields) is { } condition ? new ExpectStep(key.Line, condition) : null;
    }

    /// <summary>The condition keys of <paramref name="fields"/> (unknown keys are reported by the caller).</summary>
    private DeviceCondition? Condition(YScalar key, YamlFields fields)
    {
        var step = fields.Path;
        var ok = true;
        var any = false;
        var condition = new DeviceCondition();

        // A key that is there but wrong reads as null; count it, so that only the key's own error is reported.
        T? Read<T>(string name, Func<string, T?> read)
        {
            if (!fields.Has(name))
            {
                return default;
            }

            any = true;
            var value = read(name);
            ok &= value is not null;
            return value;
        }

        condition = condition with { Phase = Read("phase", k => fields.OneOf(k, Phases)) };

        if (fields.Node("led") is { } ledNode)
        {
            any = true;
            var leds = ledNode is YMapping ledMap ? LedMap(ledMap, fields) : SingleLed(key, ledNode, fields);
            ok &= leds is not null;
            condition = condition with { Leds = leds ?? [] };
        }
        else
        {
            foreach (var orphan in LedKeys.Select(fields.Mapping.KeyOf).OfType<YScalar>())
            {
                ok = false;
                Error(orphan.Line, $"'{step}.{orphan.Value}' describes an LED: add 'led: status' (or power, network) next to it");
            }
        }

        condition = condition with
        {
            NeedsSetup = Read("needsSetup", fields.Boolean),
            Listening = Read("listening", fields.Boolean),
            Bricked = Read("bricked", fields.Boolean),
        };

        if (fields.Node("power") is { } powerNode)
        {
            any = true;
            ok &= PowerCondition(powerNode, step, ref condition);
        }

        if (fields.Has("button"))
        {
            any = true;
            var button = fields.Fields("button", "{ pressed: true, held: false }");
            button?.AllowOnly(["pressed", "held"]);
            var pressed = button?.Boolean("pressed");
            var held = button?.Boolean("held");
            ok &= pressed is not null || held is not null;
            if (button is { Mapping.Entries.Count: 0 })
            {
                Error(button.Line, $"'{step}.button' needs pressed and/or held");
            }

            condition = condition with { ButtonPressed = pressed, ButtonHeld = held };
        }

        if (fields.Has("firmware"))
        {
            any = true;
            var firmware = fields.Fields("firmware", "{ version: 11.11.192, committed: true }");
            firmware?.AllowOnly(["version", "committed"]);
            var version = firmware?.Text("version");
            var committed = firmware?.Boolean("committed");
            if (version is null && committed is null)
            {
                ok = false;
                if (firmware is { Mapping.Entries.Count: 0 })
                {
                    Error(firmware.Line, $"'{step}.firmware' needs version and/or committed");
                }
            }

            condition = condition with { FirmwareVersion = version, FirmwareCommitted = committed };
        }

        condition = condition with { BootCount = Read("bootCount", k => fields.Integer(k, NumberRange.AtLeast(0))) };

        if (!any)
        {
            if (fields.Mapping.Entries.All(e => e.Key.Value == "within"))
            {
                Error(key.Line, $"'{step}' needs a condition: {string.Join(", ", ConditionKeys.Except(LedKeys))}");
            }

            return null;
        }

        return ok ? condition : null;
    }

    private bool PowerCondition(YNode node, string step, ref DeviceCondition condition)
    {
        if (node is YScalar { Plain: true, Value: "on" or "off" } onOff)
        {
            condition = condition with { PowerOn = onOff.Value == "on" };
            return true;
        }

        if (node is YScalar { IsNull: false } scalar)
        {
            if (PowerStatuses.TryParse(scalar.Value, out var known))
            {
                condition = condition with { PowerStatus = known };
                return true;
            }

            var names = PowerStatuses.Names.Prepend("off").Prepend("on").ToList();
            Error(node.Line, $"'{step}.power' must be on, off or a power status ({string.Join(", ", PowerStatuses.Names)}); got {node.Describe()}" + Suggest.DidYouMean(scalar.Value, names));
            return false;
        }

        if (YamlFields.Of(node, $"{step}.power", errors, "{ on: true, status: degraded }") is not { } power)
        {
            return false;
        }

        power.AllowOnly(["on", "status"]);
        var on = power.Boolean("on");
        var status = power.OneOf("status", PowerStatuses);
        condition = condition with { PowerOn = on, PowerStatus = status };
        if (on is null && status is null)
        {
            if (power.Mapping.Entries.Count == 0)
            {
                Error(power.Line, $"'{step}.power' needs on and/or status");
            }

            return false;
        }

        return true;
    }
}
