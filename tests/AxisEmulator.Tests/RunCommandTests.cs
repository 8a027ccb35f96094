using System.Text.RegularExpressions;
using System.Xml.Linq;
using AxisEmulator.Cli;
using AxisEmulator.Control.Scenarios;

namespace AxisEmulator.Tests;

public partial class RunCommandTests
{
    private const string FailingScenario = """
        name: Ready at once
        steps:
          - power: on
          - expect: { phase: ready }
        """;

    private const string PassingScenario = """
        name: Boots
        seed: 3
        steps:
          - power: on
          - wait-for: { phase: ready, within: 120s }
        """;

    /// <summary>Every scenario shipped in scenarios/ (none skipped: a VAPIX scenario runs over real loopback HTTP).</summary>
    public static TheoryData<string> ShippedScenarios()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Scenarios, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public async Task Every_shipped_scenario_passes(string name)
    {
        var file = Path.Combine(RepositoryPaths.Scenarios, name);
        var scenario = ScenarioParser.ParseFile(file);

        var result = await CliHarness.RunAsync("run", file);

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.Error.Should().BeEmpty();
        var lines = result.OutputLines;
        lines[0].Should().Be($"Scenario: {scenario.Name} ({file})");
        var stepLines = lines.Where(l => StepLine().IsMatch(l)).ToList();
        stepLines.Should().HaveCount(scenario.Steps.Count, "one line per step, stamped with simulated time");
        stepLines.Should().OnlyContain(l => l.Contains('✓') || l.Contains('»'), "every step passed");
        stepLines.Should().NotContain(l => l.Contains('✗'));
        lines.Should().ContainSingle(l => l.StartsWith("PASSED: ", StringComparison.Ordinal));
        lines[^1].Should().Be("1 scenario: 1 passed, 0 failed");
        if (scenario.RequiresVapix)
        {
            stepLines.Where(l => l.Contains("vapix:", StringComparison.Ordinal)).Should().NotBeEmpty()
                .And.OnlyContain(l => l.Contains("✓ (", StringComparison.Ordinal), "VAPIX steps went over HTTP and report the answer's status");
        }
    }

    [Fact]
    public async Task A_directory_runs_every_scenario_in_it_and_junit_is_valid_XML()
    {
        var count = Directory.EnumerateFiles(RepositoryPaths.Scenarios, "*.yaml").Count();
        count.Should().BeGreaterThan(0);
        using var temp = new TempDirectory();
        var junit = Path.Combine(temp.Path, "reports", "scenarios.xml");

        var result = await CliHarness.RunAsync("run", RepositoryPaths.Scenarios, "--junit", junit);

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.OutputLines.Count(l => l.StartsWith("Scenario: ", StringComparison.Ordinal)).Should().Be(count);
        result.OutputLines.Count(l => l.StartsWith("PASSED: ", StringComparison.Ordinal)).Should().Be(count);
        result.OutputLines.Should().Contain($"{count} scenarios: {count} passed, 0 failed");
        result.OutputLines[^1].Should().Be($"JUnit XML written to {junit}");

        var xml = XDocument.Load(junit);
        var root = xml.Root!;
        root.Name.LocalName.Should().Be("testsuites");
        root.Attribute("failures")!.Value.Should().Be("0");
        var suites = root.Elements("testsuite").ToList();
        suites.Should().HaveCount(count);
        suites.Should().OnlyContain(s => s.Elements("testcase").Any());
        root.Descendants("failure").Should().BeEmpty();
        int.Parse(root.Attribute("tests")!.Value, System.Globalization.CultureInfo.InvariantCulture)
            .Should().Be(suites.Sum(s => s.Elements("testcase").Count()));
    }

    [Fact]
    public async Task A_failing_scenario_exits_1_and_says_which_step_failed()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("ready-at-once.yaml", FailingScenario);
        var junit = Path.Combine(temp.Path, "junit.xml");

        var result = await CliHarness.RunAsync("run", file, "--junit", junit);

        result.ExitCode.Should().Be(ExitCodes.Failure, result.ToString());
        result.OutputLines.Should().Contain(l => l.StartsWith("[   0.000s] expect phase ready ✗ ", StringComparison.Ordinal));
        result.OutputLines.Should().Contain(l => l.StartsWith($"FAILED at step 2 ({file}:4) expect phase ready: phase is", StringComparison.Ordinal));
        result.OutputLines.Should().Contain("1 scenario: 0 passed, 1 failed");
        var failure = XDocument.Load(junit).Descendants("failure").Should().ContainSingle().Subject;
        failure.Attribute("message")!.Value.Should().Contain("phase is");
    }

    [Fact]
    public async Task An_invalid_file_prints_file_line_errors_and_exits_2_after_running_the_others()
    {
        using var temp = new TempDirectory();
        var good = temp.Write("a-good.yaml", PassingScenario);
        var bad = temp.Write("b-bad.yaml", "name: Typos\nsteps:\n  - pwer: on\n  - wait: soon\n");
        var junit = Path.Combine(temp.Path, "junit.xml");

        var result = await CliHarness.RunAsync("run", temp.Path, "--junit", junit);

        result.ExitCode.Should().Be(ExitCodes.InvalidInput, result.ToString());
        result.ErrorLines.Should().HaveCount(2);
        result.ErrorLines[0].Should().StartWith($"{bad}:3: unknown step 'pwer'").And.Contain("did you mean 'power'?");
        result.ErrorLines[1].Should().StartWith($"{bad}:4: ");
        result.OutputLines.Should().Contain($"Scenario: Boots ({good})");
        result.OutputLines.Should().Contain(l => l.StartsWith("PASSED: ", StringComparison.Ordinal));
        result.OutputLines.Should().Contain($"Scenario file {bad}: INVALID (2 errors, see the error output)");
        result.OutputLines.Should().Contain("2 scenarios: 1 passed, 0 failed, 1 invalid");
        XDocument.Load(junit).Root!.Elements("testsuite").Should().HaveCount(2);
    }

    [Fact]
    public async Task Scenario_profiles_are_checked_against_the_catalog()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("unknown-profile.yaml", "name: Nope\ndevice: { profile: P9999 }\nsteps:\n  - power: on\n");

        var result = await CliHarness.RunAsync("run", file);

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith($"{file}:2: unknown profile 'P9999'");
    }

    [Fact]
    public async Task Timeline_prints_the_entries_under_each_step()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("boots.yaml", PassingScenario);

        var plain = await CliHarness.RunAsync("run", file);
        var result = await CliHarness.RunAsync("run", file, "--timeline");

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.OutputLines.Length.Should().BeGreaterThan(plain.OutputLines.Length);
        result.OutputLines.Should().Contain(l => l.Contains("phase phase-changed: network-up → ready", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_scenario_prints_the_same_report_every_time()
    {
        var file = Path.Combine(RepositoryPaths.Scenarios, "mushy-button.yaml");

        var first = await CliHarness.RunAsync("run", file);
        var second = await CliHarness.RunAsync("run", file);

        second.Output.Should().Be(first.Output);
    }

    [Fact]
    public async Task An_empty_directory_is_bad_input()
    {
        using var temp = new TempDirectory();

        var result = await CliHarness.RunAsync("run", temp.Path);

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.ErrorLines.Should().ContainSingle().Which.Should().Be($"error: directory '{temp.Path}' holds no scenario files (*.yaml)");
    }

    [Fact]
    public async Task A_missing_file_is_reported_before_anything_runs()
    {
        var good = Path.Combine(RepositoryPaths.Scenarios, "early-release.yaml");

        var result = await CliHarness.RunAsync("run", good, "missing.yaml");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.Output.Should().BeEmpty();
        result.ErrorLines.Should().ContainSingle().Which.Should().Be("error: scenario file 'missing.yaml' does not exist");
    }

    [Fact]
    public async Task Junit_into_a_directory_is_bad_input()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("boots.yaml", PassingScenario);

        var result = await CliHarness.RunAsync("run", file, "--junit", temp.Path);

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith($"error: --junit '{temp.Path}' is a directory");
    }

    [GeneratedRegex(@"^\[\s*\d+\.\d{3}s\] ")]
    private static partial Regex StepLine();
}
