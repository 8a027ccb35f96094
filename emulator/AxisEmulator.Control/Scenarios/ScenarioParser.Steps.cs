using System.Globalization;
using AxisEmulator.Core.Button;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Leds;
using AxisEmulator.Core.Power;
using AxisEmulator.Core.Validation;
using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Control.Scenarios;

public static partial class ScenarioParser
{
    private static readonly KeyValuePair<string, FactoryDefaultMode>[] FactoryDefaultModes =
        [new("soft", FactoryDefaultMode.Soft), new("hard", FactoryDefaultMode.Hard)];

    private static readonly KeyValuePair<string, DevicePhase>[] Phases =
        [.. Enum.GetValues<DevicePhase>().Select(p => new KeyValuePair<string, DevicePhase>(p.ToKebab(), p))];

    private static readonly KeyValuePair<string, LedName>[] LedNames =
        [.. Enum.GetValues<LedName>().Select(l => new KeyValuePair<string, LedName>(ScenarioNames.Led(l), l))];

    private static readonly KeyValuePair<string, LedColor>[] LedColors =
        [.. Enum.GetValues<LedColor>().Select(c => new KeyValuePair<string, LedColor>(ScenarioNames.Color(c), c))];

    private static readonly KeyValuePair<string, LedPattern>[] LedPatterns =
        [.. Enum.GetValues<LedPattern>().Select(p => new KeyValuePair<string, LedPattern>(ScenarioNames.Pattern(p), p))];

    private static readonly KeyValuePair<string, PowerStatus>[] PowerStatuses =
        [.. Enum.GetValues<PowerStatus>().Select(s => new KeyValuePair<string, PowerStatus>(s.ToWireString(), s))];

    private static readonly KeyValuePair<string, TimelineKind>[] TimelineKinds =
        [.. Enum.GetValues<TimelineKind>().Select(k => new KeyValuePair<string, TimelineKind>(ScenarioNames.Kind(k), k))];

    private static readonly KeyValuePair<string, ButtonCondition>[] ButtonConditions =
        [.. Enum.GetValues<ButtonCondition>().Select(c => new KeyValuePair<string, ButtonCondition>(c.ToString().ToLowerInvariant(), c))];

    private static readonly KeyValuePair<string, UpgradeRejection>[] UpgradeRejections =
        [.. Enum.GetValues<UpgradeRejection>().Where(r => r != UpgradeRejection.None).Select(r => new KeyValuePair<string, UpgradeRejection>(ScenarioNames.Kebab(r.ToString()), r))];

    private static readonly KeyValuePair<string, AutoCommit>[] AutoCommits =
        [new("boot", AutoCommit.Boot), new("never", AutoCommit.Never)];

    private static readonly KeyValuePair<string, PoeStandard>[] Standards =
        [.. PoeStandards.All.Select(s => new KeyValuePair<string, PoeStandard>(s.ToWireString(), s))];

    private static readonly KeyValuePair<string, CableCategory>[] Cables =
        [.. CableCategories.All.Select(c => new KeyValuePair<string, CableCategory>(c.ToWireString(), c))];

    private static readonly KeyValuePair<string, PowerKind>[] PowerKinds = [new("poe", PowerKind.Poe), new("passive", PowerKind.Passive), new("dc", PowerKind.Dc)];

    private static readonly string[] VapixMethods = ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"];

    /// <summary>Keys of a device condition (<c>expect</c>, and <c>wait-for</c> with <c>within</c>).</summary>
    private static readonly string[] ConditionKeys =
        ["phase", "led", "pattern", "color", "hz", "alternateColor", "needsSetup", "listening", "bricked", "power", "button", "firmware", "bootCount"];

    private enum PowerKind
    {
        Poe,
        Passive,
        Dc,
    }

    private sealed partial class Reader
    {
        private PowerStep? PowerStep(YScalar key, YNode value)
        {
            if (value is YScalar { Plain: true, Value: "on" })
            {
                return new PowerStep(key.Line, On: true);
            }

            if (value is YScalar { Plain: true, Value: "off" })
            {
                return new PowerStep(key.Line, On: false);
            }

            if (value is not YMapping mapping)
            {
                Error(value.Line, $"'power' must be on, off or a source such as {{ kind: poe, standard: 802.3af, pseClass: 3 }}, got {value.Describe()}");
                return null;
            }

            if (Get(mapping, "kind") is not { } kindNode)
            {
                CheckKeys(mapping, ["kind", "standard", "pseClass", "cableMeters", "cableCategory", "pseVolts", "volts", "amps"], "in 'power'");
                Error(key.Line, "'power' is missing 'kind' (poe, passive or dc)");
                return null;
            }

            var kind = Choice(kindNode, "power.kind", PowerKinds);
            ScenarioPowerSource? source;
            switch (kind)
            {
                case PowerKind.Poe:
                    source = PoePower(mapping);
                    break;
                case PowerKind.Passive:
                    {
                        CheckKeys(mapping, ["kind", "volts"], "in a passive 'power' source");
                        var volts = Get(mapping, "volts") is { } v ? Number(v, "power.volts", 0, 1000, exclusiveMin: true, unit: " V") : Missing<double?>(key, "volts", "the injector's voltage, e.g. volts: 24", "power");
                        source = volts is { } passiveVolts ? Checked(key, new PassiveSource(passiveVolts)) : null;
                        break;
                    }

                case PowerKind.Dc:
                    {
                        CheckKeys(mapping, ["kind", "volts", "amps"], "in a dc 'power' source");
                        var volts = Get(mapping, "volts") is { } v ? Number(v, "power.volts", 0, 1000, exclusiveMin: true, unit: " V") : Missing<double?>(key, "volts", "the adapter's voltage, e.g. volts: 12", "power");
                        var amps = Get(mapping, "amps") is { } a ? Number(a, "power.amps", 0, 100, exclusiveMin: true, unit: " A") : 2;
                        source = volts is { } dcVolts && amps is { } dcAmps ? Checked(key, new DcSource(dcVolts, dcAmps)) : null;
                        break;
                    }

                default:
                    return null;
            }

            return source is null ? null : new PowerStep(key.Line, On: true, source);
        }

        private PoeScenarioSource? PoePower(YMapping mapping)
        {
            var ok = CheckKeys(mapping, ["kind", "standard", "pseClass", "cableMeters", "cableCategory", "pseVolts"], "in a poe 'power' source");
            PoeStandard? standard = null;
            if (Get(mapping, "standard") is { } standardNode)
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

            int? pseClass = null;
            if (Get(mapping, "pseClass") is { } classNode)
            {
                pseClass = Whole(classNode, "power.pseClass", 0, PoeMath.MaxPoeClass);
                ok &= pseClass is not null;
            }

            double meters = PoeScenarioSource.DefaultCableMeters;
            if (Get(mapping, "cableMeters") is { } metersNode)
            {
                var m = Number(metersNode, "power.cableMeters", 0, PoeMath.MaxModelledCableMeters, unit: " m");
                ok &= m is not null;
                meters = m ?? meters;
            }

            var cable = CableCategory.Cat5e;
            if (Get(mapping, "cableCategory") is { } cableNode)
            {
                if (cableNode is YScalar { IsNull: false } c && CableCategories.TryParse(c.Value, out var parsed))
                {
                    cable = parsed;
                }
                else
                {
                    ok = false;
                    Error(cableNode.Line, $"'power.cableCategory' must be one of {string.Join(", ", Cables.Select(x => x.Key))}; got {cableNode.Describe()}");
                }
            }

            double? pseVolts = null;
            if (Get(mapping, "pseVolts") is { } voltsNode)
            {
                pseVolts = Number(voltsNode, "power.pseVolts", 0, 1000, exclusiveMin: true, unit: " V");
                ok &= pseVolts is not null;
            }

            if (!ok)
            {
                return null;
            }

            var source = new PoeScenarioSource(standard, pseClass, meters, cable, pseVolts);
            if (pseClass is not null)
            {
                // Fully determined: check it now (class against standard, PSE voltage range).
                var concrete = new PoeSource(standard ?? PoeStandards.LowestFor(pseClass.Value), pseClass.Value, meters, cable, pseVolts);
                if (concrete.Validate() is { Count: > 0 } problems)
                {
                    Error(mapping.Line, "invalid power source: " + string.Join("; ", problems));
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

        private ButtonStep? ButtonStep(YScalar key, YNode value)
        {
            switch (value)
            {
                case YScalar { Plain: true, Value: "press" }:
                    return new ButtonStep(key.Line, ButtonAction.Press);
                case YScalar { Plain: true, Value: "release" }:
                    return new ButtonStep(key.Line, ButtonAction.Release);
                case YMapping mapping:
                    CheckKeys(mapping, ["hold"], "in 'button'");
                    if (Get(mapping, "hold") is not { } holdNode)
                    {
                        Error(key.Line, "'button' is missing 'hold' (how long to hold it, e.g. { hold: 22s })");
                        return null;
                    }

                    return Duration(holdNode, "button.hold") is { } hold ? new ButtonStep(key.Line, ButtonAction.Hold, hold) : null;
                default:
                    Error(value.Line, $"'button' must be press, release or {{ hold: <duration> }}, got {value.Describe()}");
                    return null;
            }
        }

        private WaitForStep? WaitForStep(YScalar key, YNode value)
        {
            if (Mapping(value, "wait-for", "{ phase: ready, within: 120s }") is not { } mapping)
            {
                return null;
            }

            CheckKeys(mapping, [.. ConditionKeys, "within"], "in 'wait-for'");
            var condition = Condition(key, mapping, "wait-for");
            ScenarioDuration? within = Get(mapping, "within") is { } withinNode
                ? Duration(withinNode, "wait-for.within")
                : Missing<ScenarioDuration?>(key, "within", "the deadline, e.g. within: 30s", "wait-for");
            return condition is not null && within is { } deadline ? new WaitForStep(key.Line, condition, deadline) : null;
        }

        private ExpectStep? ExpectStep(YScalar key, YNode value)
        {
            if (Mapping(value, "expect", "{ phase: ready, needsSetup: true }") is not { } mapping)
            {
                return null;
            }

            CheckKeys(mapping, ConditionKeys, "in 'expect'");
            return Condition(key, mapping, "expect") is { } condition ? new ExpectStep(key.Line, condition) : null;
        }

        /// <summary>The condition keys of <paramref name="mapping"/> (unknown keys are reported by the caller).</summary>
        private DeviceCondition? Condition(YScalar key, YMapping mapping, string step)
        {
            var ok = true;
            var condition = new DeviceCondition();
            var any = false;
            if (Get(mapping, "phase") is { } phaseNode)
            {
                any = true;
                var phase = Choice(phaseNode, $"{step}.phase", Phases);
                ok &= phase is not null;
                condition = condition with { Phase = phase };
            }

            var ledKeys = new[] { "pattern", "color", "hz", "alternateColor" };
            if (Get(mapping, "led") is { } ledNode)
            {
                any = true;
                var leds = ledNode is YMapping ledMap ? LedMap(ledMap, step, mapping, ledKeys) : SingleLed(key, ledNode, step, mapping);
                ok &= leds is not null;
                condition = condition with { Leds = leds ?? [] };
            }
            else
            {
                foreach (var orphan in ledKeys.Select(k => mapping.Entries.FirstOrDefault(e => e.Key.Value == k).Key).OfType<YScalar>())
                {
                    ok = false;
                    Error(orphan.Line, $"'{step}.{orphan.Value}' describes an LED: add 'led: status' (or power, network) next to it");
                }
            }

            bool? Flag(string name)
            {
                if (Get(mapping, name) is not { } node)
                {
                    return null;
                }

                any = true;
                var flag = Bool(node, $"{step}.{name}");
                ok &= flag is not null;
                return flag;
            }

            condition = condition with { NeedsSetup = Flag("needsSetup"), Listening = Flag("listening"), Bricked = Flag("bricked") };

            if (Get(mapping, "power") is { } powerNode)
            {
                any = true;
                ok &= PowerCondition(powerNode, step, ref condition);
            }

            if (Get(mapping, "button") is { } buttonNode)
            {
                any = true;
                if (Mapping(buttonNode, $"{step}.button", "{ pressed: true, held: false }") is { } buttonMap)
                {
                    CheckKeys(buttonMap, ["pressed", "held"], $"in '{step}.button'");
                    var pressed = Get(buttonMap, "pressed") is { } p ? Bool(p, $"{step}.button.pressed") : null;
                    var held = Get(buttonMap, "held") is { } h ? Bool(h, $"{step}.button.held") : null;
                    ok &= pressed is not null || held is not null;
                    if (pressed is null && held is null && buttonMap.Entries.Count == 0)
                    {
                        Error(buttonNode.Line, $"'{step}.button' needs pressed and/or held");
                    }

                    condition = condition with { ButtonPressed = pressed, ButtonHeld = held };
                }
                else
                {
                    ok = false;
                }
            }

            if (Get(mapping, "firmware") is { } firmwareNode)
            {
                any = true;
                if (Mapping(firmwareNode, $"{step}.firmware", "{ version: 11.11.192, committed: true }") is { } firmwareMap)
                {
                    CheckKeys(firmwareMap, ["version", "committed"], $"in '{step}.firmware'");
                    var version = Get(firmwareMap, "version") is { } v ? Text(v, $"{step}.firmware.version") : null;
                    var committed = Get(firmwareMap, "committed") is { } c ? Bool(c, $"{step}.firmware.committed") : null;
                    if (version is null && committed is null)
                    {
                        ok = false;
                        if (firmwareMap.Entries.Count == 0)
                        {
                            Error(firmwareNode.Line, $"'{step}.firmware' needs version and/or committed");
                        }
                    }

                    condition = condition with { FirmwareVersion = version, FirmwareCommitted = committed };
                }
                else
                {
                    ok = false;
                }
            }

            if (Get(mapping, "bootCount") is { } bootNode)
            {
                any = true;
                var bootCount = Whole(bootNode, $"{step}.bootCount", 0, int.MaxValue);
                ok &= bootCount is not null;
                condition = condition with { BootCount = bootCount };
            }

            if (!any)
            {
                if (mapping.Entries.All(e => e.Key.Value == "within"))
                {
                    Error(key.Line, $"'{step}' needs a condition: {string.Join(", ", ConditionKeys.Except(ledKeys))}");
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
                var known = PowerStatuses.FirstOrDefault(s => s.Key == scalar.Value);
                if (known.Key is not null)
                {
                    condition = condition with { PowerStatus = known.Value };
                    return true;
                }

                var names = PowerStatuses.Select(s => s.Key).Prepend("off").Prepend("on").ToList();
                var message = $"'{step}.power' must be on, off or a power status ({string.Join(", ", names.Skip(2))}); got {node.Describe()}";
                if (Suggest.Closest(scalar.Value, names) is { } guess)
                {
                    message += $"; did you mean '{guess}'?";
                }

                Error(node.Line, message);
                return false;
            }

            if (Mapping(node, $"{step}.power", "{ on: true, status: degraded }") is not { } mapping)
            {
                return false;
            }

            CheckKeys(mapping, ["on", "status"], $"in '{step}.power'");
            var on = Get(mapping, "on") is { } o ? Bool(o, $"{step}.power.on") : null;
            var powerStatus = Get(mapping, "status") is { } s ? Choice(s, $"{step}.power.status", PowerStatuses) : null;
            condition = condition with { PowerOn = on, PowerStatus = powerStatus };
            if (on is null && powerStatus is null)
            {
                if (mapping.Entries.Count == 0)
                {
                    Error(node.Line, $"'{step}.power' needs on and/or status");
                }

                return false;
            }

            return true;
        }

        /// <summary><c>led: status</c> with <c>pattern</c>, <c>color</c>, <c>hz</c>, <c>alternateColor</c> next to it.</summary>
        private List<LedExpectation>? SingleLed(YScalar key, YNode ledNode, string step, YMapping siblings)
        {
            var name = Choice(ledNode, $"{step}.led", LedNames);
            var state = LedFields(siblings, step);
            if (state is { Pattern: null, Color: null, Hz: null, AlternateColor: null } && name is { } n)
            {
                Error(key.Line, $"'{step}' names the {ScenarioNames.Led(n)} LED but not what it shows: add pattern and/or color");
                return null;
            }

            return name is { } led && state is { } s ? [s with { Led = led }] : null;
        }

        /// <summary><c>led: { status: "flashing amber", power: off, network: { color: green } }</c>.</summary>
        private List<LedExpectation>? LedMap(YMapping map, string step, YMapping siblings, string[] ledKeys)
        {
            var ok = true;
            foreach (var stray in siblings.Entries.Where(e => ledKeys.Contains(e.Key.Value)))
            {
                ok = false;
                Error(stray.Key.Line, $"'{step}.{stray.Key.Value}' goes with 'led: <name>'; inside 'led: {{ status: ... }}' write it under the LED");
            }

            CheckKeys(map, LedNames.Select(l => l.Key).ToList(), $"in '{step}.led'");
            var result = new List<LedExpectation>();
            foreach (var (ledKey, value) in map.Entries)
            {
                if (!LedNames.Any(l => l.Key == ledKey.Value))
                {
                    ok = false;
                    continue;
                }

                var led = LedNames.First(l => l.Key == ledKey.Value).Value;
                var where = $"{step}.led.{ledKey.Value}";
                LedExpectation? expectation = value switch
                {
                    YScalar scalar => LedStateText(scalar, where),
                    YMapping fields => LedMapping(fields, where),
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

        private LedExpectation? LedMapping(YMapping fields, string where)
        {
            CheckKeys(fields, ["pattern", "color", "hz", "alternateColor"], $"in '{where}'");
            var state = LedFields(fields, where);
            if (state is { Pattern: null, Color: null, Hz: null, AlternateColor: null })
            {
                if (fields.Entries.Count == 0)
                {
                    Error(fields.Line, $"'{where}' needs pattern and/or color");
                }

                return null;
            }

            return state;
        }

        /// <summary>pattern/color/hz/alternateColor keys of <paramref name="fields"/>; null when one is invalid.</summary>
        private LedExpectation? LedFields(YMapping fields, string where)
        {
            var ok = true;
            LedPattern? pattern = null;
            LedColor? color = null;
            LedColor? alternate = null;
            double? hz = null;
            if (Get(fields, "pattern") is { } p)
            {
                pattern = Choice(p, $"{where}.pattern", LedPatterns);
                ok &= pattern is not null;
            }

            if (Get(fields, "color") is { } c)
            {
                color = Choice(c, $"{where}.color", LedColors);
                ok &= color is not null;
            }

            if (Get(fields, "alternateColor") is { } a)
            {
                alternate = Choice(a, $"{where}.alternateColor", LedColors);
                ok &= alternate is not null;
            }

            if (Get(fields, "hz") is { } h)
            {
                hz = Number(h, $"{where}.hz", 0, 100, exclusiveMin: true, unit: " Hz");
                ok &= hz is not null;
            }

            if (pattern == LedPattern.Off && color is { } lit && lit != LedColor.Off)
            {
                ok = false;
                Error(fields.Line, $"'{where}': an LED that is off has no color; drop 'color: {ScenarioNames.Color(lit)}' or pick another pattern");
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

            if (words.Length == 2 && LedPatterns.FirstOrDefault(p => p.Key == words[0]) is { Key: not null } pattern && pattern.Value != LedPattern.Off)
            {
                var colors = words[1].Split('/');
                var first = LedColors.FirstOrDefault(c => c.Key == colors[0]);
                if (first.Key is not null && first.Value != LedColor.Off)
                {
                    if (colors.Length == 1 && pattern.Value != LedPattern.Alternating)
                    {
                        return new LedExpectation(LedName.Status, pattern.Value, first.Value);
                    }

                    if (colors.Length == 2 && pattern.Value == LedPattern.Alternating
                        && LedColors.FirstOrDefault(c => c.Key == colors[1]) is { Key: not null } second && second.Value != LedColor.Off)
                    {
                        return new LedExpectation(LedName.Status, pattern.Value, first.Value, null, second.Value);
                    }
                }
            }

            Error(scalar.Line, $"'{where}' must be off, 'steady <color>', 'flashing <color>' or 'alternating <color>/<color>' (colors green, amber, red), got {scalar.Describe()}");
            return null;
        }

        private ExpectTimelineStep? ExpectTimelineStep(YScalar key, YNode value)
        {
            if (Mapping(value, "expect-timeline", "{ kind: boot, event: reset-release, data: { outcome: factory-reset } }") is not { } mapping)
            {
                return null;
            }

            var ok = CheckKeys(mapping, ["kind", "event", "data", "message", "count", "min"], "in 'expect-timeline'");
            var expectation = new TimelineExpectation();
            if (Get(mapping, "kind") is { } kindNode)
            {
                var kind = Choice(kindNode, "expect-timeline.kind", TimelineKinds);
                ok &= kind is not null;
                expectation = expectation with { Kind = kind };
            }

            if (Get(mapping, "event") is { } eventNode)
            {
                var @event = Text(eventNode, "expect-timeline.event");
                ok &= @event is not null;
                expectation = expectation with { Event = @event };
            }

            if (expectation.Kind is null && expectation.Event is null && !Has(mapping, "kind") && !Has(mapping, "event"))
            {
                ok = false;
                Error(key.Line, "'expect-timeline' needs a kind and/or an event, e.g. { kind: boot, event: reset-release }");
            }

            if (Get(mapping, "data") is { } dataNode)
            {
                if (Mapping(dataNode, "expect-timeline.data", "{ outcome: factory-reset }") is { } data)
                {
                    var pairs = new List<KeyValuePair<string, string>>();
                    foreach (var (dataKey, dataValue) in data.Entries)
                    {
                        if (dataValue is YScalar scalar)
                        {
                            pairs.Add(new(dataKey.Value, scalar.Value));
                        }
                        else
                        {
                            ok = false;
                            Error(dataValue.Line, $"'expect-timeline.data.{dataKey.Value}' must be a single value, got {dataValue.Describe()}");
                        }
                    }

                    expectation = expectation with { Data = pairs };
                }
                else
                {
                    ok = false;
                }
            }

            if (Get(mapping, "message") is { } messageNode)
            {
                var message = Text(messageNode, "expect-timeline.message");
                ok &= message is not null;
                expectation = expectation with { Message = message };
            }

            if (Get(mapping, "count") is { } countNode)
            {
                var count = Whole(countNode, "expect-timeline.count", 0, int.MaxValue);
                ok &= count is not null;
                expectation = expectation with { Count = count };
            }

            if (Get(mapping, "min") is { } minNode)
            {
                var min = Whole(minNode, "expect-timeline.min", 1, int.MaxValue);
                ok &= min is not null;
                expectation = expectation with { Min = min };
                if (Has(mapping, "count"))
                {
                    ok = false;
                    Error(minNode.Line, "'expect-timeline' takes count (exactly) or min (at least), not both");
                }
            }

            return ok ? new ExpectTimelineStep(key.Line, expectation) : null;
        }

        private FaultStep? FaultStep(YScalar key, YNode value)
        {
            if (Mapping(value, "fault", "{ button: stuck }") is not { } mapping)
            {
                return null;
            }

            var ok = CheckKeys(mapping, ["button", "dropoutsPerSecond", "dropoutMs", "bricked", "networkLink"], "in 'fault'");
            ButtonFault? button = null;
            if (Get(mapping, "button") is { } buttonNode)
            {
                var condition = Choice(buttonNode, "fault.button", ButtonConditions);
                ok &= condition is not null;
                if (condition is { } c)
                {
                    button = new ButtonFault(c);
                }
            }

            foreach (var parameter in new[] { "dropoutsPerSecond", "dropoutMs" })
            {
                if (Get(mapping, parameter) is not { } node)
                {
                    continue;
                }

                if (button is not { Condition: ButtonCondition.Mushy })
                {
                    if (Has(mapping, "button") && button is null)
                    {
                        continue; // the button error says enough
                    }

                    ok = false;
                    Error(mapping.Entries.First(e => e.Key.Value == parameter).Key.Line, $"'fault.{parameter}' only applies to button: mushy");
                    continue;
                }

                var number = Number(node, "fault." + parameter, double.MinValue, double.MaxValue);
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
                    Error(mapping.Line, "'fault': " + problem);
                }
            }

            var bricked = Get(mapping, "bricked") is { } b ? Bool(b, "fault.bricked") : null;
            ok &= bricked is not null || !Has(mapping, "bricked");
            var link = Get(mapping, "networkLink") is { } l ? Bool(l, "fault.networkLink") : null;
            ok &= link is not null || !Has(mapping, "networkLink");
            if (!Has(mapping, "button") && !Has(mapping, "bricked") && !Has(mapping, "networkLink"))
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
            if (Mapping(value, "upgrade", "{ model: P3265-LVE, version: 12.9.57 }") is not { } mapping)
            {
                return null;
            }

            var ok = CheckKeys(mapping, ["model", "version", "signed", "autoCommit", "autoRollback", "refused"], "in 'upgrade'");
            var model = Get(mapping, "model") is { } m ? Text(m, "upgrade.model") : null;
            ok &= model is not null || !Has(mapping, "model");
            var version = Get(mapping, "version") is { } v ? Text(v, "upgrade.version") : Missing<string>(key, "version", "the image's AXIS OS version, e.g. version: 12.9.57", "upgrade");
            var signed = Get(mapping, "signed") is { } s ? Bool(s, "upgrade.signed") : true;
            ok &= signed is not null;
            var autoCommit = Get(mapping, "autoCommit") is { } a ? Choice(a, "upgrade.autoCommit", AutoCommits) : AutoCommit.Boot;
            ok &= autoCommit is not null;
            ScenarioDuration? rollback = null;
            if (Get(mapping, "autoRollback") is { } r)
            {
                rollback = Duration(r, "upgrade.autoRollback");
                ok &= rollback is not null;
                if (autoCommit != AutoCommit.Never)
                {
                    ok = false;
                    Error(r.Line, "'upgrade.autoRollback' only applies with autoCommit: never");
                }
            }

            UpgradeRejection? refused = null;
            if (Get(mapping, "refused") is { } refusedNode)
            {
                refused = Choice(refusedNode, "upgrade.refused", UpgradeRejections);
                ok &= refused is not null;
            }

            return ok && version is not null
                ? new UpgradeStep(key.Line, model, version, signed!.Value, autoCommit!.Value, rollback, refused)
                : null;
        }

        private VapixStep? VapixStep(YScalar key, YNode value)
        {
            if (Mapping(value, "vapix", "{ method: GET, path: /axis-cgi/systemready.cgi }") is not { } mapping)
            {
                return null;
            }

            var ok = CheckKeys(mapping, ["method", "path", "body", "contentType", "user", "password", "expect"], "in 'vapix'");
            var method = "GET";
            if (Get(mapping, "method") is { } methodNode)
            {
                var text = Text(methodNode, "vapix.method")?.ToUpperInvariant();
                if (text is not null && !VapixMethods.Contains(text))
                {
                    Error(methodNode.Line, $"'vapix.method' must be one of {string.Join(", ", VapixMethods)}; got {methodNode.Describe()}");
                    text = null;
                }

                ok &= text is not null;
                method = text ?? method;
            }

            var path = Get(mapping, "path") is { } p ? Text(p, "vapix.path") : Missing<string>(key, "path", "e.g. path: /axis-cgi/systemready.cgi", "vapix");
            if (path is not null && !path.StartsWith('/'))
            {
                Error(Get(mapping, "path")!.Line, $"'vapix.path' must start with '/', got '{path}'");
                path = null;
            }

            string? Optional(string name)
            {
                if (Get(mapping, name) is not { } node)
                {
                    return null;
                }

                var text = Text(node, "vapix." + name);
                ok &= text is not null;
                return text;
            }

            var body = Optional("body");
            var contentType = Optional("contentType");
            var user = Optional("user");
            var password = Optional("password");
            if (password is not null && user is null && !Has(mapping, "user"))
            {
                ok = false;
                Error(Get(mapping, "password")!.Line, "'vapix.password' needs 'user' too");
            }

            var expect = new VapixExpectation();
            if (Get(mapping, "expect") is { } expectNode)
            {
                if (Mapping(expectNode, "vapix.expect", "{ status: 200, contains: \"systemready\" }") is { } expectMap)
                {
                    ok &= CheckKeys(expectMap, ["status", "contains", "contentType"], "in 'vapix.expect'");
                    if (Get(expectMap, "status") is { } statusNode)
                    {
                        var status = Whole(statusNode, "vapix.expect.status", 100, 599);
                        ok &= status is not null;
                        expect = expect with { Status = status ?? 200 };
                    }

                    if (Get(expectMap, "contains") is { } containsNode)
                    {
                        var texts = containsNode is YSequence list
                            ? list.Items.Select(i => Text(i, "vapix.expect.contains")).ToList()
                            : [Text(containsNode, "vapix.expect.contains")];
                        ok &= texts.All(t => t is not null);
                        expect = expect with { Contains = texts.OfType<string>().ToList() };
                    }

                    if (Get(expectMap, "contentType") is { } ctNode)
                    {
                        var ct = Text(ctNode, "vapix.expect.contentType");
                        ok &= ct is not null;
                        expect = expect with { ContentType = ct };
                    }
                }
                else
                {
                    ok = false;
                }
            }

            if (body is not null && contentType is null)
            {
                var trimmed = body.TrimStart();
                contentType = trimmed.StartsWith('{') || trimmed.StartsWith('[') ? "application/json" : "application/x-www-form-urlencoded";
            }

            return ok && path is not null
                ? new VapixStep(key.Line, new ScenarioVapixRequest(method, path, body, contentType, user, password), expect)
                : null;
        }
    }
}
