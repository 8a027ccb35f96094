using AxisEmulator.Control.Scenarios;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Fleet;
using static AxisEmulator.Control.Tests.Scenarios.ScenarioFixtures;

namespace AxisEmulator.Control.Tests.Scenarios;

/// <summary>Running scenarios in manual virtual time: timing, failures and their messages, VAPIX plumbing.</summary>
public class ScenarioRunnerTests
{
    private static string WithSteps(params string[] steps) =>
        "name: test\nsteps:\n" + string.Concat(steps.Select(s => "  - " + s + "\n"));

    [Fact]
    public void Steps_advance_simulated_time_exactly()
    {
        var report = Run(WithSteps("wait: 1.5s", "button: { hold: 22s }", "wait: 500ms", "caption: hello", "wait: 2m", "power: off"));

        report.Passed.Should().BeTrue();
        report.Steps.Select(s => s.At).Should().Equal(
            TimeSpan.Zero, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(23.5), TimeSpan.FromSeconds(24), TimeSpan.FromSeconds(24), TimeSpan.FromSeconds(144));
        report.Steps.Select(s => s.Duration).Should().Equal(
            TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(22), TimeSpan.FromSeconds(0.5), TimeSpan.Zero, TimeSpan.FromMinutes(2), TimeSpan.Zero);
        report.SimulatedDuration.Should().Be(TimeSpan.FromSeconds(144));
        report.Log.Should().Contain(
            "[   0.000s] wait: 1.5s ✓\n" +
            "[   1.500s] button: hold 22s ✓\n" +
            "[  23.500s] wait: 500ms ✓\n" +
            "[  24.000s] » hello\n" +
            "[  24.000s] wait: 2m ✓\n" +
            "[ 144.000s] power: off ✓\n" +
            "PASSED: 6 steps in 144.000s of simulated time\n");
    }

    [Fact]
    public void Wait_for_stops_at_the_event_that_satisfies_it()
    {
        var report = Run(WithSteps(
            "button: press",
            "power: on",
            "wait-for: { led: status, pattern: flashing, color: amber, within: 30s }",
            "wait-for: { phase: reset-armed, within: 1s }",
            "button: release",
            "wait-for: { phase: factory-resetting, within: 1s }"));

        report.Passed.Should().BeTrue(report.Failure);
        report.Steps[2].Duration.Should().Be(TimeSpan.FromSeconds(15), "the P3265-LVE's window opens 15 s after power-on");
        report.Steps[2].Message.Should().Be("after 15.000s");
        report.Steps[3].Duration.Should().Be(TimeSpan.Zero, "already true");
        report.Steps[5].At.Should().Be(TimeSpan.FromSeconds(15));
        report.Steps[5].Duration.Should().Be(TimeSpan.FromMilliseconds(50), "the firmware's 50 ms debounce");
    }

    [Fact]
    public void Wait_for_timeout_says_when_and_what_was_seen_instead()
    {
        var report = Run("""
            name: no button
            steps:
              - power: on
              - wait: 2s
              - wait-for: { led: status, pattern: flashing, color: amber, within: 30s }
              - wait: 1s
            """);

        report.Outcome.Should().Be(ScenarioOutcome.Failed);
        var failed = report.FailedStep!;
        failed.Index.Should().Be(3);
        failed.Line.Should().Be(5);
        failed.At.Should().Be(TimeSpan.FromSeconds(2));
        failed.Duration.Should().Be(TimeSpan.FromSeconds(30));
        failed.Message.Should().Be("timed out after 30.000s (at 32.000s); status LED is steady amber");
        report.Failure.Should().Be("step 3 (test.yaml:5) wait-for led status flashing amber within 30s: timed out after 30.000s (at 32.000s); status LED is steady amber");
        report.Steps[3].Status.Should().Be(ScenarioStepStatus.NotRun);
        report.Log.Should().EndWith(
            "[   2.000s] wait-for led status flashing amber within 30s ✗ timed out after 30.000s (at 32.000s); status LED is steady amber\n" +
            "FAILED at step 3 (test.yaml:5) wait-for led status flashing amber within 30s: timed out after 30.000s (at 32.000s); status LED is steady amber\n");
    }

    [Fact]
    public void Expect_failure_lists_every_mismatch()
    {
        var report = Run(WithSteps("power: on", "wait: 10s", "expect: { phase: ready, needsSetup: false, led: { status: steady green }, listening: true }"));
        report.FailedStep!.Message.Should().Be("phase is booting; status LED is steady amber; needsSetup is true; listening is false");
        report.FailedStep.At.Should().Be(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Expect_names_a_missing_led()
    {
        var report = Run(WithSteps("expect: { led: { network: off } }"));
        report.FailedStep!.Message.Should().Be("P3265-LVE has no network LED");
    }

    [Fact]
    public void Expect_timeline_failure_shows_the_entries_that_did_not_match()
    {
        var report = Run(WithSteps(
            "button: press",
            "power: on",
            "wait: 10s",
            "button: release",
            "wait: 1s",
            "expect-timeline: { kind: boot, event: reset-release, data: { outcome: factory-reset } }"));
        report.FailedStep!.Message.Should().Be(
            "expected an entry, none matches; boot reset-release entries: [  10.050s] reset-release: held 10.1 s, window 15–30 s: released too early, normal boot, configuration kept (5.0 s short of the window)");
    }

    [Fact]
    public void Expect_timeline_counts()
    {
        Run(WithSteps("power: on", "wait: 1s", "expect-timeline: { kind: boot, event: factory-reset }"))
            .FailedStep!.Message.Should().Be("the timeline has no boot factory-reset entry");
        Run(WithSteps("power: on", "wait: 2m", "expect-timeline: { kind: phase, count: 2 }"))
            .FailedStep!.Message.Should().StartWith("expected 2 matching entries, found 4: [   0.000s] phase-changed: off → bootloader;");
        var passed = Run(WithSteps("power: on", "wait: 2m", "expect-timeline: { kind: phase, event: phase-changed, data: { to: ready }, count: 1 }"));
        passed.Passed.Should().BeTrue(passed.Failure);
    }

    [Fact]
    public void Refused_operations_fail_with_the_reason()
    {
        Run(WithSteps("restart: {}")).FailedStep!.Message.Should().Be("cannot restart while off (a restart needs a running unit: network-up or ready)");
        Run(WithSteps("factory-default: hard")).FailedStep!.Message.Should().Be("cannot factory-default while off (it needs a running unit: network-up or ready)");
        Run(WithSteps("power: on", "wait-for: { phase: ready, within: 2m }", "upgrade: { model: M1011, version: 12.9.57 }"))
            .FailedStep!.Message.Should().Be("the device refused the image: model-mismatch (the image is for M1011, this is a P3265-LVE)");
        var refused = Run(WithSteps("power: on", "wait-for: { phase: ready, within: 2m }", "upgrade: { model: M1011, version: 12.9.57, refused: model-mismatch }"));
        refused.Passed.Should().BeTrue(refused.Failure);
        refused.Steps[2].Message.Should().Be("refused: model-mismatch");
    }

    [Fact]
    public void Power_sources_that_do_not_suit_the_profile_are_not_errors_but_show_in_the_device()
    {
        var report = Run("""
            name: dc on a PoE-only dome
            steps:
              - power: { kind: dc, volts: 12 }
              - wait: 1m
              - expect: { phase: off, power: no-power }
              - expect-timeline: { kind: power, event: no-power, message: "no DC input" }
            """);
        report.Passed.Should().BeTrue(report.Failure);
    }

    [Fact]
    public void Several_devices_run_the_same_steps()
    {
        var report = Run("""
            name: fleet
            devices: 3
            device: { profile: M3085-V, id: hall }
            steps:
              - power: on
              - wait-for: { phase: ready, within: 3m }
              - expect: { needsSetup: true }
            """);
        report.Passed.Should().BeTrue(report.Failure);
        report.Devices.Should().Equal("hall-1", "hall-2", "hall-3");
        report.Log.Should().Contain("Device: hall-2 (M3085-V, serial ");

        var failing = Run("""
            name: fleet
            devices: 2
            steps:
              - power: on
              - expect: { phase: ready }
            """);
        failing.FailedStep!.Message.Should().Be("cam-1: phase is bootloader; cam-2: phase is bootloader");
    }

    [Fact]
    public void Admin_account_takes_the_device_out_of_setup_mode()
    {
        var report = Run("""
            name: configured
            device: { admin: { user: operator1, password: secret } }
            steps:
              - expect: { needsSetup: false }
            """);
        report.Passed.Should().BeTrue(report.Failure);
        report.Log.Should().Contain("admin operator1").And.NotContain("secret");
    }

    [Fact]
    public void A_scenario_that_requires_vapix_is_skipped_without_a_client()
    {
        var report = Run("""
            name: api
            requires: [vapix]
            steps:
              - power: on
              - vapix: { path: /axis-cgi/systemready.cgi }
            """);

        report.Outcome.Should().Be(ScenarioOutcome.Skipped);
        report.Passed.Should().BeFalse();
        report.Failure.Should().Be("needs a VAPIX client: VAPIX steps need a running listener (serve mode or the CLI run command)");
        report.Steps.Should().HaveCount(2).And.OnlyContain(s => s.Status == ScenarioStepStatus.NotRun);
        report.Log.Should().EndWith("SKIPPED needs a VAPIX client: VAPIX steps need a running listener (serve mode or the CLI run command)\n");
    }

    [Fact]
    public void Vapix_steps_go_through_the_client_and_check_the_answer()
    {
        var client = new FakeVapixClient();
        var report = Run("""
            name: api
            requires: [vapix]
            device: { admin: { user: root, password: pass } }
            steps:
              - power: on
              - wait-for: { listening: true, within: 2m }
              - vapix: { path: /axis-cgi/param.cgi?action=list&group=root.Brand.Brand, user: root, password: pass, expect: { contains: "=AXIS" } }
              - vapix: { path: /axis-cgi/param.cgi?action=list&group=root.Brand.Brand, user: root, password: wrong }
            """, client);

        report.FailedStep!.Index.Should().Be(4);
        report.FailedStep.Message.Should().Be("answered 401, expected 200; body: <html><body><h1>401 Unauthorized</h1></body></html>");
        report.Steps[2].Message.Should().Be("(200 text/plain)");
        client.Requests.Select(r => (r.Request.User, r.Request.Password, r.Status)).Should().Equal(("root", "pass", 200), ("root", "wrong", 401));
    }

    [Fact]
    public void Vapix_failures_name_the_request()
    {
        var client = new FakeVapixClient();
        Run("""
            name: api
            requires: [vapix]
            steps:
              - vapix: { path: /axis-cgi/systemready.cgi }
            """, client).FailedStep!.Message.Should().Be("GET /axis-cgi/systemready.cgi failed: connection refused: cam-1 has no listener (off)");
        Run("""
            name: api
            requires: [vapix]
            steps:
              - power: on
              - wait-for: { phase: ready, within: 2m }
              - vapix: { path: /axis-cgi/systemready.cgi, expect: { contains: nope } }
            """, client).FailedStep!.Message.Should().StartWith("the answer does not contain \"nope\"; body: {\"apiVersion\": \"1.4\"");
        Run("""
            name: api
            requires: [vapix]
            steps:
              - power: on
              - wait-for: { phase: ready, within: 2m }
              - vapix: { path: /axis-cgi/systemready.cgi, expect: { contentType: text/plain } }
            """, client).FailedStep!.Message.Should().Be("answered with content type application/json, expected text/plain");
    }

    [Fact]
    public void A_vapix_step_without_a_client_explains_itself()
    {
        // Built in code, so the parser's 'requires' check does not apply.
        var scenario = new Scenario
        {
            Name = "hand-built",
            Steps = [new VapixStep(1, new ScenarioVapixRequest("GET", "/axis-cgi/systemready.cgi"), new VapixExpectation())],
        };
        var report = ScenarioRunner.Run(scenario, Profiles);
        report.Failure.Should().Be("step 1 (line 1) vapix: GET /axis-cgi/systemready.cgi → 200: VAPIX steps need a running listener (serve mode or the CLI run command)");
    }

    [Fact]
    public void A_given_emulator_must_be_in_manual_time_with_the_scenario_seed()
    {
        using var realtime = new Emulator(new EmulatorOptions { ClockMode = ClockMode.Realtime }, Profiles);
        ScenarioRunner.Run(Parse(WithSteps("wait: 1s")), realtime).Failure
            .Should().Be("scenarios run in manual time, but this emulator's clock is in realtime mode");

        using var seeded = new Emulator(new EmulatorOptions { ClockMode = ClockMode.Manual, Seed = 3 }, Profiles);
        ScenarioRunner.Run(Parse("name: x\nseed: 10\nsteps:\n  - wait: 1s\n"), seeded).Failure
            .Should().Be("the scenario needs seed 10, but the emulator runs with seed 3; start it with --seed 10 or use the CLI run command");

        var report = ScenarioRunner.Run(Parse(WithSteps("power: on", "wait-for: { phase: ready, within: 2m }")), seeded);
        report.Passed.Should().BeTrue(report.Failure);
        report.Seed.Should().Be(3);
        seeded.Devices.Should().ContainSingle().Which.Phase.Should().Be(DevicePhase.Ready, "the devices stay in a given emulator");
        ScenarioRunner.Run(Parse(WithSteps("wait: 1s")), seeded).Steps[0].At.Should().Be(TimeSpan.Zero, "times are relative to the scenario's start");
    }

    [Fact]
    public void Device_creation_problems_fail_the_scenario_before_any_step()
    {
        using var emulator = new Emulator(new EmulatorOptions { ClockMode = ClockMode.Manual }, Profiles);
        emulator.AddDevice("P3265-LVE", "lobby");
        var report = ScenarioRunner.Run(Parse("name: x\ndevice: { id: lobby }\nsteps:\n  - wait: 1s\n"), emulator);
        report.Outcome.Should().Be(ScenarioOutcome.Failed);
        report.Failure.Should().Be("cannot create the device: A device with id 'lobby' already exists.");
        report.Steps.Should().ContainSingle().Which.Status.Should().Be(ScenarioStepStatus.NotRun);

        var unknown = ScenarioRunner.Run(ScenarioParser.Parse("name: x\ndevice: { profile: NOPE }\nsteps:\n  - wait: 1s\n"), Profiles);
        unknown.Failure.Should().StartWith("cannot create the device: ").And.Contain("NOPE");
    }

    [Fact]
    public void The_log_is_streamed_to_the_writer_as_it_runs()
    {
        using var writer = new StringWriter();
        var report = ScenarioRunner.Run(Parse(WithSteps("power: on", "wait: 5s")), Profiles, log: writer);
        writer.ToString().Should().Be(report.Log);
        report.Log.Should().StartWith("Scenario: test (test.yaml)\nDevice: cam-1 (P3265-LVE, serial B8A44F");
    }

    [Fact]
    public async Task Show_timeline_prints_what_each_step_caused()
    {
        var report = await ScenarioRunner.RunAsync(
            Parse(WithSteps("button: press", "power: on", "wait: 16s")),
            Profiles,
            new ScenarioRunOptions { ShowTimeline = true });
        report.Log.Should().Contain("[   0.000s]     button press: control button pressed\n");
        report.Log.Should().Contain("[  15.000s]     led led-changed: status: steady amber → flashing amber @1 Hz\n");
    }

    [Fact]
    public async Task A_cancelled_run_stops()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var act = () => ScenarioRunner.RunAsync(Parse(WithSteps("wait: 1s")), Profiles, null, cancelled.Token);
        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Same_scenario_twice_gives_the_same_log()
    {
        var yaml = File.ReadAllText(Path.Combine(ScenariosDirectory, "mushy-button.yaml"));
        var options = new ScenarioRunOptions { ShowTimeline = true };
        var first = await ScenarioRunner.RunAsync(Parse(yaml), Profiles, options);
        var second = await ScenarioRunner.RunAsync(Parse(yaml), Profiles, options);
        first.Log.Should().Contain("dropout").And.Be(second.Log);
        first.Steps.Should().Equal(second.Steps);
    }

    [Fact]
    public void A_different_seed_changes_what_a_mushy_button_does()
    {
        var yaml = File.ReadAllText(Path.Combine(ScenariosDirectory, "mushy-button.yaml"));
        var report = Run(yaml.Replace("seed: 10", "seed: 1", StringComparison.Ordinal));
        report.Passed.Should().BeFalse("with seed 1 the dropouts are all shorter than the debounce window and the reset works");
        report.FailedStep!.Kind.Should().Be("expect-timeline");
    }
}
