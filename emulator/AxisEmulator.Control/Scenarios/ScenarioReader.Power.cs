using AxisEmulator.Core.Power;
using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Control.Scenarios;

/// <summary><c>- power: on | off | { kind: poe|passive|dc, … }</c>.</summary>
internal sealed partial class ScenarioReader
{
    private static readonly string[] AnyPowerKeys = ["kind", "standard", "pseClass", "cableMeters", "cableCategory", "pseVolts", "volts", "amps"];
    private static readonly string[] PoeKeys = ["kind", "standard", "pseClass", "cableMeters", "cableCategory", "pseVolts"];
    private static readonly WireNames<PowerKind> PowerKinds = WireNames.Of<PowerKind>(k => k.ToString().ToLowerInvariant());

    private enum PowerKind
    {
        Poe,
        Passive,
        Dc,
    }

    private PowerStep? PowerStep(YScalar key, YNode value)
    {
        if (value is YScalar { Plain: true, Value: "on" or "off" } onOff)
        {
            return new PowerStep(key.Line, On: onOff.Value == "on");
        }

        if (value is not YMapping mapping)
        {
            Error(value.Line, $"'power' must be on, off or a source such as {{ kind: poe, standard: 802.3af, pseClass: 3 }}, got {value.Describe()}");
            return null;
        }

        var power = YamlFields.Of(mapping, "power", errors)!;
        if (!power.Has("kind"))
        {
            power.AllowOnly(AnyPowerKeys);
            Error(key.Line, "'power' is missing 'kind' (poe, passive or dc)");
            return null;
        }

        ScenarioPowerSource? source;
        switch (power.OneOf("kind", PowerKinds))
        {
            case PowerKind.Poe:
                source = PoePower(power);
                break;

            case PowerKind.Passive:
                {
                    power.AllowOnly(["kind", "volts"], "in a passive 'power' source");
                    var volts = power.Has("volts") ? Volts(power) : Missing<double?>(key.Line, "power", "volts", "the injector's voltage, e.g. volts: 24");
                    source = volts is { } passiveVolts ? Checked(key, new PassiveSource(passiveVolts)) : null;
                    break;
                }

            case PowerKind.Dc:
                {
                    power.AllowOnly(["kind", "volts", "amps"], "in a dc 'power' source");
                    var volts = power.Has("volts") ? Volts(power) : Missing<double?>(key.Line, "power", "volts", "the adapter's voltage, e.g. volts: 12");
                    var amps = power.Has("amps") ? power.Number("amps", NumberRange.GreaterThan(0, 100, "A")) : 2;
                    source = volts is { } dcVolts && amps is { } dcAmps ? Checked(key, new DcSource(dcVolts, dcAmps)) : null;
                    break;
                }

            default:
                return null;
        }

        return source is null ? null : new PowerStep(key.Line, On: true, source);
    }

    private static double? Volts(YamlFields power) => power.Number("volts", NumberRange.GreaterThan(0, 1000, "V"));

    private PoeScenarioSource? PoePower(YamlFields power)
    {
        var ok = power.AllowOnly(PoeKeys, "in a poe 'power' source");
        PoeStandard? standard = null;
        if (power.Node("standard") is { } standardNode)
        {
            if (standardNode is YScalar { IsNull: false } s && PoeStandards.TryParse(s.Value, out var parsed))
            {
                standard = parsed;
            }
            else
            {
                ok = false;
                Error(standardNode.Line, $"'power.standard' must be one of 802.3af, 802.3at, 802.3bt; got {standardNode.Describe()}");
            }
        }

        var pseClass = power.Integer("pseClass", NumberRange.Between(0, PoeMath.MaxPoeClass));
        var meters = power.Number("cableMeters", NumberRange.Between(0, PoeMath.MaxModelledCableMeters, "m"));
        var cable = CableCategory.Cat5e;
        if (power.Node("cableCategory") is { } cableNode)
        {
            if (cableNode is YScalar { IsNull: false } c && CableCategories.TryParse(c.Value, out var parsed))
            {
                cable = parsed;
            }
            else
            {
                ok = false;
                Error(cableNode.Line, $"'power.cableCategory' must be one of {string.Join(", ", CableCategories.All.Select(x => x.ToWireString()))}; got {cableNode.Describe()}");
            }
        }

        var pseVolts = power.Number("pseVolts", NumberRange.GreaterThan(0, 1000, "V"));
        ok &= (pseClass is not null || !power.Has("pseClass")) && (meters is not null || !power.Has("cableMeters")) && (pseVolts is not null || !power.Has("pseVolts"));
        if (!ok)
        {
            return null;
        }

        var source = new PoeScenarioSource(standard, pseClass, meters ?? PoeScenarioSource.DefaultCableMeters, cable, pseVolts);
        if (pseClass is not null)
        {
            // Fully determined: check it now (class against standard, PSE voltage range).
            var concrete = new PoeSource(standard ?? PoeStandards.LowestFor(pseClass.Value), pseClass.Value, source.CableMeters, cable, pseVolts);
            if (concrete.Validate() is { Count: > 0 } problems)
            {
                Error(power.Line, "invalid power source: " + string.Join("; ", problems));
                return null;
            }
        }

        return source;
    }

    private FixedScenarioSource? Checked(YScalar key, PowerSource source)
    {
        if (source.Validate() is { Count: > 0 } problems)
        {
            Error(key.Line, "invalid power source: " + string.Join("; ", problems));
            return null;
        }

        return new FixedScenarioSource(source);
    }
}
