using AxisEmulator.Core.Power;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Core.Fleet;

/// <summary>A group's <c>power:</c> — on (the profile's default source), off, or a PoE, passive or DC source.</summary>
internal sealed partial class FleetFileParser
{
    private static readonly string[] PowerKeys = ["kind", "standard", "pseClass", "cableMeters", "cableCategory", "pseVolts", "volts", "amps"];
    private static readonly string[] PoeOnlyKeys = ["standard", "pseClass", "cableMeters", "cableCategory", "pseVolts"];
    private static readonly string[] PowerKinds = ["poe", "passive", "dc"];

    /// <summary>The group's power: <c>on</c> (the default source), <c>off</c>, or a source mapping.</summary>
    private PowerSource? Power(YamlFields group, HardwareProfile profile, out bool ok)
    {
        ok = true;
        var node = group.Node("power");
        var path = group.PathOf("power");
        if (node is null || node is YScalar { Value: "on" })
        {
            var source = DefaultPowerSource.For(profile, out var reason);
            if (source is null)
            {
                ok = false;
                group.Error(node ?? group.Mapping, $"'{path}' {(node is null ? "defaults to on, but " : "")}{reason}");
            }

            return source;
        }

        if (node is YScalar { Value: "off" })
        {
            return null;
        }

        if (node is YScalar scalar)
        {
            ok = false;
            group.Error(node, $"'{path}' must be on, off or a source mapping such as {{kind: poe, standard: 802.3at, pseClass: 4, cableMeters: 30, cableCategory: cat5e}}; got {scalar.Describe()}");
            return null;
        }

        var fields = YamlFields.Of(node, path, PowerKeys, errors, group.LineOf("power"));
        if (fields is null)
        {
            ok = false;
            return null;
        }

        var before = errors.Count;
        var source2 = Source(fields, profile);
        ok = errors.Count == before && source2 is not null;
        return ok ? source2 : null;
    }

    private static PowerSource? Source(YamlFields power, HardwareProfile profile)
    {
        if (!power.Require("kind", "e.g. kind: poe"))
        {
            return null;
        }

        var kind = power.OneOf("kind", PowerKinds);
        if (kind is null)
        {
            return null;
        }

        string[] notFor = kind switch
        {
            "poe" => ["volts", "amps"],
            "passive" => [.. PoeOnlyKeys, "amps"],
            _ => PoeOnlyKeys,
        };
        foreach (var key in notFor)
        {
            if (power.Has(key))
            {
                var hint = kind == "poe" && key == "volts" ? "; use pseVolts for the PSE's output voltage" : "";
                power.Error(power.LineOf(key), $"'{power.PathOf(key)}' does not apply to a {kind} source{hint}");
            }
        }

        PowerSource? source;
        switch (kind)
        {
            case "poe":
                {
                    PoeStandard? standard = null;
                    if (power.String("standard") is { } text)
                    {
                        if (PoeStandards.TryParse(text, out var parsed))
                        {
                            standard = parsed;
                        }
                        else
                        {
                            power.Error(power.Node("standard")!, $"'{power.PathOf("standard")}' must be one of 802.3af, 802.3at, 802.3bt; got '{text}'");
                            return null;
                        }
                    }

                    var cable = CableCategory.Cat5e;
                    if (power.String("cableCategory") is { } category && !CableCategories.TryParse(category, out cable))
                    {
                        power.Error(power.Node("cableCategory")!, $"'{power.PathOf("cableCategory")}' must be one of {string.Join(", ", CableCategories.All.Select(c => c.ToWireString()))}; got '{category}'");
                        return null;
                    }

                    var pseClass = power.Integer("pseClass", NumberRange.Between(0, PoeMath.MaxPoeClass));
                    if (power.Has("pseClass") && pseClass is null)
                    {
                        return null;
                    }

                    var meters = power.Number("cableMeters", NumberRange.Between(0, PoeMath.MaxModelledCableMeters, "m"));
                    var pseVolts = power.Number("pseVolts", NumberRange.GreaterThan(0, 100, "V"));
                    if ((power.Has("cableMeters") && meters is null) || (power.Has("pseVolts") && pseVolts is null))
                    {
                        return null;
                    }

                    var cls = pseClass ?? profile.Power.PoeClass ?? standard?.MaxClass() ?? PoeStandard.At.MaxClass();
                    source = new PoeSource(standard ?? PoeStandards.LowestFor(cls), cls, meters ?? DefaultPowerSource.CableMeters, cable, pseVolts);
                    break;
                }

            case "passive":
                {
                    if (!power.Require("volts", "e.g. volts: 24"))
                    {
                        return null;
                    }

                    var volts = power.Number("volts", NumberRange.GreaterThan(0, 100, "V"));
                    if (volts is null)
                    {
                        return null;
                    }

                    source = new PassiveSource(volts.Value);
                    break;
                }

            default:
                {
                    if (!power.Require("volts", "e.g. volts: 12"))
                    {
                        return null;
                    }

                    var volts = power.Number("volts", NumberRange.GreaterThan(0, 100, "V"));
                    var amps = power.Number("amps", NumberRange.GreaterThan(0, 100, "A"));
                    if (volts is null || (power.Has("amps") && amps is null))
                    {
                        return null;
                    }

                    source = new DcSource(volts.Value, amps ?? DefaultPowerSource.AdapterAmps(profile, volts.Value));
                    break;
                }
        }

        var problems = source.Validate();
        foreach (var problem in problems)
        {
            power.Error(power.KeyLine, $"'{power.Path}': {problem}");
        }

        return problems.Count == 0 ? source : null;
    }
}
