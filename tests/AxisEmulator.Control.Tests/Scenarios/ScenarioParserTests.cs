using AxisEmulator.Control.Scenarios;
using AxisEmulator.Core.Button;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Leds;
using AxisEmulator.Core.Power;
using static AxisEmulator.Control.Tests.Scenarios.ScenarioFixtures;

namespace AxisEmulator.Control.Tests.Scenarios;

/// <summary>The scenario file format: what parses to what, and every error with its file:line text.</summary>
public class ScenarioParserTests
{
    private const string KnownSteps = "power, button, wait, wait-for, expect, expect-timeline, fault, restart, factory-default, upgrade, vapix, caption, expect-event";

    private static string WithSteps(params string[] steps) =>
        "name: test\nsteps:\n" + string.Concat(steps.Select(s => "  - " + s + "\n"));

    [Fact]
    public void The_documented_example_parses_into_typed_steps()
    {
        var scenario = Parse("""
            name: Factory reset with the control button
            description: Power off, hold the button through power-on, release while the status LED flashes amber.
            device: { profile: P3265-LVE, id: lobby, serial: accc8e0a1b2c, admin: { user: root, password: pass } }
            seed: 7
            steps:
              - power: off
              - button: press
              - power: on
              - power: { kind: poe, standard: 802.3af, pseClass: 3, cableMeters: 100, cableCategory: cat5e }
              - power: { kind: passive, volts: 24 }
              - power: { kind: dc, volts: 12 }
              - wait: 20s
              - wait-for: { led: status, pattern: flashing, color: amber, within: 30s }
              - button: release
              - wait-for: { phase: ready, within: 120s }
              - expect: { needsSetup: true, phase: ready, led: { status: { color: green } } }
              - expect-timeline: { kind: boot, event: reset-release, data: { outcome: factory-reset } }
              - button: { hold: 22s }
              - fault: { button: mushy, dropoutsPerSecond: 0.1, dropoutMs: 60 }
              - fault: { bricked: true, networkLink: false }
              - restart: {}
              - factory-default: soft
              - upgrade: { model: P3265-LVE, version: 12.9.57 }
              - caption: "Now release the button"
            """);

        scenario.Name.Should().Be("Factory reset with the control button");
        scenario.Description.Should().StartWith("Power off, hold");
        scenario.File.Should().Be("test.yaml");
        scenario.Device.Should().Be(new ScenarioDevice { Profile = "P3265-LVE", Id = "lobby", Serial = "ACCC8E0A1B2C", Admin = new ScenarioAdmin("root", "pass") });
        scenario.DeviceCount.Should().Be(1);
        scenario.Seed.Should().Be(7);
        scenario.RequiresVapix.Should().BeFalse();
        scenario.Steps.Select(s => s.Line).Should().Equal(Enumerable.Range(6, 19));
        scenario.Steps.Should().SatisfyRespectively(
            s => s.Should().Be(new PowerStep(6, On: false)),
            s => s.Should().Be(new ButtonStep(7, ButtonAction.Press)),
            s => s.Should().Be(new PowerStep(8, On: true)),
            s => s.Should().Be(new PowerStep(9, true, new PoeScenarioSource(PoeStandard.Af, 3, 100, CableCategory.Cat5e))),
            s => s.Should().Be(new PowerStep(10, true, new FixedScenarioSource(new PassiveSource(24)))),
            s => s.Should().Be(new PowerStep(11, true, new FixedScenarioSource(new DcSource(12)))),
            s => s.Should().Be(new WaitStep(12, new ScenarioDuration(TimeSpan.FromSeconds(20), "20s"))),
            s => s.Should().BeOfType<WaitForStep>().Which.Describe().Should().Be("wait-for led status flashing amber within 30s"),
            s => s.Should().Be(new ButtonStep(14, ButtonAction.Release)),
            s => s.Should().BeOfType<WaitForStep>().Which.Condition.Phase.Should().Be(DevicePhase.Ready),
            s => s.Should().BeOfType<ExpectStep>().Which.Condition.Should().BeEquivalentTo(new DeviceCondition
            {
                Phase = DevicePhase.Ready,
                NeedsSetup = true,
                Leds = [new LedExpectation(LedName.Status, null, LedColor.Green)],
            }),
            s => s.Should().BeOfType<ExpectTimelineStep>().Which.Expectation.Should().BeEquivalentTo(new TimelineExpectation
            {
                Kind = TimelineKind.Boot,
                Event = "reset-release",
                Data = [new("outcome", "factory-reset")],
            }),
            s => s.Should().Be(new ButtonStep(18, ButtonAction.Hold, new ScenarioDuration(TimeSpan.FromSeconds(22), "22s"))),
            s => s.Should().Be(new FaultStep(19, new ButtonFault(ButtonCondition.Mushy, 0.1, 60), null, null)),
            s => s.Should().Be(new FaultStep(20, null, true, false)),
            s => s.Should().Be(new RestartStep(21)),
            s => s.Should().Be(new FactoryDefaultStep(22, FactoryDefaultMode.Soft)),
            s => s.Should().Be(new UpgradeStep(23, "P3265-LVE", "12.9.57")),
            s => s.Should().Be(new CaptionStep(24, "Now release the button")));
    }

    [Fact]
    public void Steps_describe_themselves_for_the_log()
    {
        var scenario = Parse(WithSteps(
            "power: { kind: poe, pseClass: 4, cableMeters: 160 }",
            "button: { hold: 1.5s }",
            "wait-for: { led: { status: alternating amber/red, power: off }, listening: false, within: 2m }",
            "expect: { power: { on: true, status: degraded }, firmware: { version: 12.9.57, committed: false }, bootCount: 2 }",
            "expect-timeline: { kind: power, event: brownout, data: { status: undervoltage }, min: 3 }",
            "fault: { button: mushy, dropoutsPerSecond: 0.1, dropoutMs: 60 }",
            "upgrade: { version: 12.9.57, autoCommit: never, autoRollback: 5m }",
            "upgrade: { model: M1011, version: 12.9.57, refused: model-mismatch }",
            "factory-default: hard"));
        scenario.Steps.Select(s => s.Describe()).Should().Equal(
            "power: poe class 4, 160 m cat5e",
            "button: hold 1.5s",
            "wait-for led status alternating amber/red, led power off, listening false within 2m",
            "expect power.on true, power.status degraded, firmware.version 12.9.57, firmware.committed false, bootCount 2",
            "expect-timeline power brownout status=undervoltage × ≥3",
            "fault: button mushy (0.1 dropouts/s, 60 ms)",
            "upgrade: 12.9.57, no auto-commit, rollback after 5m",
            "upgrade: M1011 12.9.57, expect refused: model-mismatch",
            "factory-default: hard");
    }

    [Fact]
    public void Vapix_steps_parse_with_defaults_and_the_requirement()
    {
        var scenario = Parse("""
            name: api
            requires: [vapix]
            devices: 3
            steps:
              - vapix: { path: /axis-cgi/systemready.cgi, body: '{"apiVersion": "1.0", "method": "systemready"}' }
              - vapix:
                  method: post
                  path: /axis-cgi/pwdgrp.cgi
                  body: action=add&user=root
                  user: root
                  password: pass
                  expect: { status: 401, contains: [Error, initial], contentType: text/html }
            """);
        scenario.RequiresVapix.Should().BeTrue();
        scenario.DeviceCount.Should().Be(3);
        scenario.Device.Profile.Should().Be("P3265-LVE", "the default profile");
        scenario.Seed.Should().BeNull();
        scenario.Steps[0].Should().Be(new VapixStep(5, new ScenarioVapixRequest("GET", "/axis-cgi/systemready.cgi", "{\"apiVersion\": \"1.0\", \"method\": \"systemready\"}", "application/json"), new VapixExpectation()));
        var second = scenario.Steps[1].Should().BeOfType<VapixStep>().Subject;
        second.Request.Should().Be(new ScenarioVapixRequest("POST", "/axis-cgi/pwdgrp.cgi", "action=add&user=root", "application/x-www-form-urlencoded", "root", "pass"));
        second.Expect.Status.Should().Be(401);
        second.Expect.ContainsAll.Should().Equal("Error", "initial");
        second.Request.ToString().Should().Be("POST /axis-cgi/pwdgrp.cgi (as root)");
    }

    [Fact]
    public void Vapix_steps_take_a_scheme_a_connect_timeout_and_an_expected_refusal()
    {
        var scenario = Parse("""
            name: probe
            requires: [vapix]
            steps:
              - vapix: { scheme: https, connectTimeout: 1s, path: /axis-cgi/systemready.cgi, expect: { refused: true } }
              - vapix: { scheme: http, path: /axis-cgi/systemready.cgi }
            """);
        var probe = scenario.Steps[0].Should().BeOfType<VapixStep>().Subject;
        probe.Request.Should().Be(new ScenarioVapixRequest("GET", "/axis-cgi/systemready.cgi", Scheme: "https", ConnectTimeout: TimeSpan.FromSeconds(1)));
        probe.Expect.Refused.Should().BeTrue();
        probe.Describe().Should().Be("vapix: https GET /axis-cgi/systemready.cgi → refused");
        scenario.Steps[1].Should().BeOfType<VapixStep>().Which.Request.Scheme.Should().Be("http");
    }

    [Theory]
    [InlineData("scheme: ftp", "vapix.scheme' must be one of http, https")]
    [InlineData("connectTimeout: 0s", "'vapix.connectTimeout' must be above 0 and at most 30s, got 0s")]
    [InlineData("connectTimeout: 31s", "'vapix.connectTimeout' must be above 0 and at most 30s, got 31s")]
    [InlineData("expect: { refused: true, status: 200 }", "'vapix.expect.refused: true' expects no answer")]
    public void Vapix_scheme_connect_timeout_and_refused_are_checked(string field, string error) =>
        Errors($"name: probe\nrequires: [vapix]\nsteps:\n  - vapix: {{ path: /axis-cgi/systemready.cgi, {field} }}\n")
            .Should().ContainSingle().Which.Should().Contain(error);

    [Theory]
    [InlineData("500ms", 0.5)]
    [InlineData("20s", 20)]
    [InlineData("2m", 120)]
    [InlineData("1.5s", 1.5)]
    [InlineData("1m30s", 90)]
    [InlineData("1h", 3600)]
    [InlineData("0s", 0)]
    public void Durations_take_a_unit(string text, double seconds)
    {
        ScenarioParser.TryParseDuration(text, out var duration).Should().BeTrue();
        duration.Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("20")]
    [InlineData("s")]
    [InlineData("20 s")]
    [InlineData("1.5")]
    [InlineData("-5s")]
    [InlineData("20sec")]
    [InlineData("")]
    public void Durations_without_a_proper_unit_are_refused(string text) =>
        ScenarioParser.TryParseDuration(text, out _).Should().BeFalse();

    [Fact]
    public void Empty_file() =>
        Errors("").Should().Equal("test.yaml:1: the file is empty; a scenario is a mapping with 'name' and 'steps'");

    [Fact]
    public void Not_a_mapping() =>
        Errors("- wait: 1s\n").Should().Equal("test.yaml:1: a scenario must be a mapping with 'name' and 'steps' ('key: value' lines)");

    [Fact]
    public void Yaml_syntax_error_has_a_line() =>
        Errors("name: x\nsteps:\n  - wait: 1s\n - wait: 2s\n").Should().ContainSingle()
            .Which.Should().StartWith("test.yaml:4: YAML syntax error: ");

    [Fact]
    public void Missing_name_and_steps() =>
        Errors("description: nothing to do\n").Should().Equal(
            "test.yaml:1: missing required key 'name' (a title for the scenario)",
            "test.yaml:1: missing required key 'steps' (the list of steps)");

    [Fact]
    public void Unknown_top_level_key_suggests_the_right_one() =>
        Errors("name: x\nstpes:\n  - wait: 1s\n").Should().Equal(
            "test.yaml:1: missing required key 'steps' (the list of steps)",
            "test.yaml:2: unknown key 'stpes' at the top level; allowed: name, description, requires, device, devices, seed, steps; did you mean 'steps'?");

    [Fact]
    public void Duplicate_key() =>
        Errors("name: x\nname: y\nsteps:\n  - wait: 1s\n").Should().Equal("test.yaml:2: duplicate key 'name' (first set at line 1)");

    [Fact]
    public void Steps_must_be_a_non_empty_list()
    {
        Errors("name: x\nsteps: { wait: 1s }\n").Should().Equal("test.yaml:2: 'steps' must be a list of steps (lines starting with '- '), got a mapping");
        Errors("name: x\nsteps: []\n").Should().Equal("test.yaml:2: 'steps' is empty; a scenario needs at least one step");
    }

    [Fact]
    public void Unknown_step_lists_the_known_ones()
    {
        Errors(WithSteps("press: button")).Should().Equal($"test.yaml:3: unknown step 'press'; known steps: {KnownSteps}");
        Errors(WithSteps("wiat: 1s")).Should().Equal($"test.yaml:3: unknown step 'wiat'; known steps: {KnownSteps}; did you mean 'wait'?");
    }

    [Fact]
    public void A_step_is_one_kind_value_pair()
    {
        Errors(WithSteps("restart")).Should().Equal("test.yaml:3: step 1 must be one 'kind: value' pair such as '- wait: 20s', got 'restart'");
        Errors("name: x\nsteps:\n  - wait: 1s\n  - wait-for:\n    phase: ready\n").Should().Equal(
            "test.yaml:4: step 2 has 2 keys ('wait-for', 'phase'); a step has one kind: indent its arguments under it, or start each step with its own '- '");
    }

    [Fact]
    public void Bad_and_negative_durations()
    {
        Errors(WithSteps("wait: 20")).Should().Equal("test.yaml:3: 'wait' must be a duration such as 500ms, 20s, 2m or 1.5s, got the number 20");
        Errors(WithSteps("wait: -5s")).Should().Equal("test.yaml:3: 'wait' must not be negative, got -5s");
        Errors(WithSteps("button: { hold: -1s }")).Should().Equal("test.yaml:3: 'button.hold' must not be negative, got -1s");
        Errors(WithSteps("wait-for: { phase: ready, within: soon }")).Should().Equal("test.yaml:3: 'wait-for.within' must be a duration such as 500ms, 20s, 2m or 1.5s, got 'soon'");
    }

    [Fact]
    public void Bad_enum_values_list_the_choices() =>
        Errors(WithSteps("wait-for: { phase: redy, within: 10s }", "factory-default: medium")).Should().Equal(
            "test.yaml:3: 'wait-for.phase' must be one of off, bootloader, reset-hold, reset-armed, factory-resetting, booting, network-up, ready, shutting-down, upgrading, bricked, brownout; got 'redy'; did you mean 'ready'?",
            "test.yaml:4: 'factory-default' must be one of soft, hard; got 'medium'");

    [Fact]
    public void Wait_for_needs_a_deadline_and_a_condition()
    {
        Errors(WithSteps("wait-for: { phase: ready }")).Should().Equal("test.yaml:3: 'wait-for' is missing 'within' (the deadline, e.g. within: 30s)");
        Errors(WithSteps("wait-for: { within: 10s }")).Should().Equal(
            "test.yaml:3: 'wait-for' needs a condition: phase, led, needsSetup, listening, bricked, power, button, firmware, bootCount");
        Errors(WithSteps("wait-for: { phase: ready, withn: 10s }")).Should().Equal(
            "test.yaml:3: unknown key 'withn' in 'wait-for'; allowed: phase, led, pattern, color, hz, alternateColor, needsSetup, listening, bricked, power, button, firmware, bootCount, within; did you mean 'within'?",
            "test.yaml:3: 'wait-for' is missing 'within' (the deadline, e.g. within: 30s)");
        Errors(WithSteps("expect: { phase: ready, within: 10s }")).Should().Equal(
            "test.yaml:3: unknown key 'within' in 'expect'; allowed: phase, led, pattern, color, hz, alternateColor, needsSetup, listening, bricked, power, button, firmware, bootCount");
    }

    [Fact]
    public void Led_conditions_are_checked()
    {
        Errors(WithSteps("expect: { led: status }")).Should().Equal("test.yaml:3: 'expect' names the status LED but not what it shows: add pattern and/or color");
        Errors(WithSteps("expect: { color: green }")).Should().Equal("test.yaml:3: 'expect.color' describes an LED: add 'led: status' (or power, network) next to it");
        Errors(WithSteps("expect: { led: { status: blinking green } }")).Should().Equal(
            "test.yaml:3: 'expect.led.status' must be off, 'steady <color>', 'flashing <color>' or 'alternating <color>/<color>' (colors green, amber, red), got 'blinking green'");
        Errors(WithSteps("expect: { led: { staus: off } }")).Should().Equal(
            "test.yaml:3: unknown key 'staus' in 'expect.led'; allowed: status, power, network; did you mean 'status'?");
        Errors(WithSteps("expect: { led: status, pattern: flashing, color: purple }")).Should().Equal(
            "test.yaml:3: 'expect.color' must be one of off, green, amber, red; got 'purple'");
        Errors(WithSteps("expect: { led: status, pattern: off, color: green }")).Should().Equal(
            "test.yaml:3: 'expect': an LED that is off has no color; drop 'color: green' or pick another pattern");
    }

    [Fact]
    public void Power_steps_are_checked()
    {
        Errors(WithSteps("power: maybe")).Should().Equal(
            "test.yaml:3: 'power' must be on, off or a source such as { kind: poe, standard: 802.3af, pseClass: 3 }, got 'maybe'");
        Errors(WithSteps("power: { standard: 802.3af }")).Should().Equal("test.yaml:3: 'power' is missing 'kind' (poe, passive or dc)");
        Errors(WithSteps("power: { kind: ac }")).Should().Equal("test.yaml:3: 'power.kind' must be one of poe, passive, dc; got 'ac'; did you mean 'dc'?");
        Errors(WithSteps("power: { kind: passive }")).Should().Equal("test.yaml:3: 'power' is missing 'volts' (the injector's voltage, e.g. volts: 24)");
        Errors(WithSteps("power: { kind: poe, standard: 802.3af, pseClass: 4 }")).Should().Equal(
            "test.yaml:3: invalid power source: 802.3af PSEs supply class 0–3; class 4 needs 802.3at or 802.3bt");
        Errors(WithSteps("power: { kind: poe, pseClass: 9, cableMeters: -1, cableCategory: cat7 }")).Should().Equal(
            "test.yaml:3: 'power.pseClass' must be between 0 and 8, got 9",
            "test.yaml:3: 'power.cableMeters' must be between 0 and 250 m, got -1",
            "test.yaml:3: 'power.cableCategory' must be one of cat3, cat5, cat5e, cat6, cat6a; got 'cat7'");
        Errors(WithSteps("power: { kind: dc, volts: 12, pseClass: 3 }")).Should().Equal(
            "test.yaml:3: unknown key 'pseClass' in a dc 'power' source; allowed: kind, volts, amps");
    }

    [Fact]
    public void Button_and_fault_steps_are_checked()
    {
        Errors(WithSteps("button: push")).Should().Equal("test.yaml:3: 'button' must be press, release or { hold: <duration> }, got 'push'");
        Errors(WithSteps("fault: { button: stuck, dropoutMs: 60 }")).Should().Equal("test.yaml:3: 'fault.dropoutMs' only applies to button: mushy");
        Errors(WithSteps("fault: { button: mushy, dropoutsPerSecond: 0 }")).Should().Equal("test.yaml:3: 'fault': dropoutsPerSecond must be greater than 0 and at most 100.");
        Errors(WithSteps("fault: { button: sticky }")).Should().Equal("test.yaml:3: 'fault.button' must be one of healthy, mushy, stuck, broken; got 'sticky'; did you mean 'stuck'?");
        Errors(WithSteps("fault: { bricked: yes }")).Should().Equal("test.yaml:3: 'fault.bricked' must be true or false, got 'yes'");
        Errors(WithSteps("fault: {}")).Should().Equal("test.yaml:3: 'fault' needs button (healthy, mushy, stuck, broken), bricked and/or networkLink");
        Errors(WithSteps("restart: now")).Should().Equal("test.yaml:3: 'restart' takes no arguments; write 'restart: {}', got 'now'");
    }

    [Fact]
    public void Timeline_upgrade_and_vapix_steps_are_checked()
    {
        Errors(WithSteps("expect-timeline: { data: { outcome: factory-reset } }")).Should().Equal(
            "test.yaml:3: 'expect-timeline' needs a kind and/or an event, e.g. { kind: boot, event: reset-release }");
        Errors(WithSteps("expect-timeline: { kind: boots, event: x, count: 1, min: 2 }")).Should().Equal(
            "test.yaml:3: 'expect-timeline.kind' must be one of power, button, led, phase, http, fault, config, boot, network; got 'boots'; did you mean 'boot'?",
            "test.yaml:3: 'expect-timeline' takes count (exactly) or min (at least), not both");
        Errors(WithSteps("upgrade: { model: P3265-LVE }")).Should().Equal("test.yaml:3: 'upgrade' is missing 'version' (the image's AXIS OS version, e.g. version: 12.9.57)");
        Errors(WithSteps("upgrade: { version: 12.9.57, autoRollback: 5m }")).Should().Equal("test.yaml:3: 'upgrade.autoRollback' only applies with autoCommit: never");
        Errors("name: x\nrequires: [vapix]\nsteps:\n  - vapix: { method: FETCH, path: axis-cgi/x.cgi, password: p }\n").Should().Equal(
            "test.yaml:4: 'vapix.method' must be one of GET, POST, PUT, DELETE, HEAD, OPTIONS, PATCH; got 'FETCH'",
            "test.yaml:4: 'vapix.path' must start with '/', got 'axis-cgi/x.cgi'",
            "test.yaml:4: 'vapix.password' needs 'user' too");
    }

    [Fact]
    public void Vapix_steps_need_the_requirement_declared()
    {
        Errors(WithSteps("wait: 1s", "vapix: { path: /axis-cgi/systemready.cgi }")).Should().Equal(
            "test.yaml:4: 'vapix' steps need 'requires: [vapix]' at the top of the file, so that runs without a VAPIX client report the scenario as skipped");
        Errors("name: x\nrequires: [http]\nsteps:\n  - wait: 1s\n").Should().Equal("test.yaml:2: 'requires' lists what a scenario needs: vapix; got 'http'");
    }

    [Fact]
    public void Device_settings_are_checked()
    {
        var known = string.Join(", ", Profiles.Ids);
        Errors("name: x\ndevice: { profile: P3265-LV }\nsteps:\n  - wait: 1s\n").Should().Equal(
            $"test.yaml:2: unknown profile 'P3265-LV'; known: {known}; did you mean 'P3265-LVE'?");
        Errors("name: x\ndevice: { id: 'my cam', serial: 12345 }\nsteps:\n  - wait: 1s\n").Should().Equal(
            "test.yaml:2: 'device.id' may hold only letters, digits, '-', '_' and '.', got 'my cam'",
            "test.yaml:2: 'device.serial' must be 12 hexadecimal digits (e.g. ACCC8E0A1B2C), got '12345'");
        Errors("name: x\ndevices: 2\ndevice: { serial: ACCC8E0A1B2C }\nsteps:\n  - wait: 1s\n").Should().Equal(
            "test.yaml:3: 'device.serial' cannot be shared by 2 devices; drop it or use one device");
        Errors("name: x\ndevices: 0\nseed: abc\nsteps:\n  - wait: 1s\n").Should().Equal(
            "test.yaml:2: 'devices' must be between 1 and 256, got 0",
            "test.yaml:3: 'seed' must be a whole number, got 'abc'");
        Errors("name: x\ndevice: { admin: { user: root } }\nsteps:\n  - wait: 1s\n").Should().Equal(
            "test.yaml:2: 'device.admin' is missing 'password' (the admin's password)");
    }

    [Fact]
    public void Every_error_of_a_file_is_collected_in_line_order_and_thrown_together()
    {
        const string yaml = """
            name: several mistakes
            steps:
              - wait: 20
              - buton: press
              - wait-for: { phase: ready }
              - expect: { needsSetup: maybe }
            """;
        var act = () => ScenarioParser.Parse(yaml, "bad.yaml");
        var errors = act.Should().Throw<ScenarioValidationException>().Which.Errors.Select(e => e.ToString());
        errors.Should().Equal(
            "bad.yaml:3: 'wait' must be a duration such as 500ms, 20s, 2m or 1.5s, got the number 20",
            $"bad.yaml:4: unknown step 'buton'; known steps: {KnownSteps}; did you mean 'button'?",
            "bad.yaml:5: 'wait-for' is missing 'within' (the deadline, e.g. within: 30s)",
            "bad.yaml:6: 'expect.needsSetup' must be true or false, got 'maybe'");
        act.Should().Throw<ScenarioValidationException>().WithMessage("invalid scenario (4 errors):*bad.yaml:3: *bad.yaml:6: *");
    }

    [Fact]
    public void A_missing_file_is_an_error_not_a_crash()
    {
        var result = ScenarioParser.ReadFile(Path.Combine(ScenariosDirectory, "no-such-file.yaml"));
        result.IsValid.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.Message.Should().StartWith("cannot read the file: ");
    }
}
