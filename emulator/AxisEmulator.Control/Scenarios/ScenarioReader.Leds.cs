using AxisEmulator.Core.Leds;
using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Control.Scenarios;

/// <summary>What an LED should show in a condition: <c>led: status, pattern: flashing, color: amber</c> or <c>led: { status: steady green }</c>.</summary>
internal sealed partial class ScenarioReader
{
    private static readonly WireNames<LedName> LedNames = WireNames.Of<LedName>(ScenarioNames.Led);

    private static readonly WireNames<LedColor> LedColors = WireNames.Of<LedColor>(ScenarioNames.Color);

    private static readonly WireNames<LedPattern> LedPatterns = WireNames.Of<LedPattern>(ScenarioNames.Pattern);

    /// <summary><c>led: status</c> with <c>pattern</c>, <c>color</c>, <c>hz</c>, <c>alternateColor</c> next to it.</summary>
    private List<LedExpectation>? SingleLed(YScalar key, YNode ledNode, YamlFields siblings)
    {
        var name = YamlValues.OneOf(ledNode, siblings.PathOf("led"), LedNames, errors);
        var state = LedFields(siblings);
        if (state is { Pattern: null, Color: null, Hz: null, AlternateColor: null } && name is { } n)
        {
            Error(key.Line, $"'{siblings.Path}' names the {ScenarioNames.Led(n)} LED but not what it shows: add pattern and/or color");
            return null;
        }

        return name is { } led && state is { } s ? [s with { Led = led }] : null;
    }

    /// <summary><c>led: { status: "flashing amber", power: off, network: { color: green } }</c>.</summary>
    private List<LedExpectation>? LedMap(YMapping map, YamlFields siblings)
    {
        var step = siblings.Path;
        var ok = true;
        foreach (var stray in siblings.Mapping.Entries.Where(e => LedKeys.Contains(e.Key.Value)))
        {
            ok = false;
            Error(stray.Key.Line, $"'{step}.{stray.Key.Value}' goes with 'led: <name>'; inside 'led: {{ status: ... }}' write it under the LED");
        }

        ok &= YamlFields.Of(map, $"{step}.led", errors)!.AllowOnly(LedNames.Names);
        var result = new List<LedExpectation>();
        foreach (var (ledKey, value) in map.Entries)
        {
            if (!LedNames.TryParse(ledKey.Value, out var led))
            {
                continue;
            }

            var where = $"{step}.led.{ledKey.Value}";
            LedExpectation? expectation = value switch
            {
                YScalar scalar => LedStateText(scalar, where),
                YMapping fields => LedMapping(YamlFields.Of(fields, where, errors)!),
                _ => null,
            };
            if (value is YSequence)
            {
                Error(value.Line, $"'{where}' must be a state such as 'steady green' or a mapping {{ pattern, color }}, got a list");
            }

            if (expectation is null)
            {
                ok = false;
                continue;
            }

            result.Add(expectation with { Led = led });
        }

        if (map.Entries.Count == 0)
        {
            Error(map.Line, $"'{step}.led' names no LED; write e.g. led: {{ status: steady green }}");
            return null;
        }

        return ok ? result : null;
    }

    private LedExpectation? LedMapping(YamlFields fields)
    {
        fields.AllowOnly(LedKeys);
        var state = LedFields(fields);
        if (state is { Pattern: null, Color: null, Hz: null, AlternateColor: null })
        {
            if (fields.Mapping.Entries.Count == 0)
            {
                Error(fields.Line, $"'{fields.Path}' needs pattern and/or color");
            }

            return null;
        }

        return state;
    }

    /// <summary>pattern/color/hz/alternateColor keys of <paramref name="fields"/>; null when one is invalid.</summary>
    private LedExpectation? LedFields(YamlFields fields)
    {
        var pattern = fields.OneOf("pattern", LedPatterns);
        var color = fields.OneOf("color", LedColors);
        var alternate = fields.OneOf("alternateColor", LedColors);
        var hz = fields.Number("hz", NumberRange.GreaterThan(0, 100, "Hz"));
        var ok = (pattern is not null || !fields.Has("pattern"))
            && (color is not null || !fields.Has("color"))
            && (alternate is not null || !fields.Has("alternateColor"))
            && (hz is not null || !fields.Has("hz"));

        if (pattern == LedPattern.Off && color is { } lit && lit != LedColor.Off)
        {
            ok = false;
            Error(fields.Line, $"'{fields.Path}': an LED that is off has no color; drop 'color: {ScenarioNames.Color(lit)}' or pick another pattern");
        }

        if (pattern == LedPattern.Off)
        {
            color = LedColor.Off;
        }

        return ok ? new LedExpectation(LedName.Status, pattern, color, hz, alternate) : null;
    }

    /// <summary><c>off</c>, <c>steady green</c>, <c>flashing amber</c>, <c>alternating amber/red</c>.</summary>
    private LedExpectation? LedStateText(YScalar scalar, string where)
    {
        var words = scalar.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words is ["off"])
        {
            return new LedExpectation(LedName.Status, LedPattern.Off, LedColor.Off);
        }

        if (words.Length == 2 && LedPatterns.TryParse(words[0], out var pattern) && pattern != LedPattern.Off)
        {
            var colors = words[1].Split('/');
            if (LedColors.TryParse(colors[0], out var first) && first != LedColor.Off)
            {
                if (colors.Length == 1 && pattern != LedPattern.Alternating)
                {
                    return new LedExpectation(LedName.Status, pattern, first);
                }

                if (colors.Length == 2 && pattern == LedPattern.Alternating && LedColors.TryParse(colors[1], out var second) && second != LedColor.Off)
                {
                    return new LedExpectation(LedName.Status, pattern, first, null, second);
                }
            }
        }

        Error(scalar.Line, $"'{where}' must be off, 'steady <color>', 'flashing <color>' or 'alternating <color>/<color>' (colors green, amber, red), got {scalar.Describe()}");
        return null;
    }
}
