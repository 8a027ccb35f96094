using System.Net;

namespace AxisEmulator.Control.Tests.Api;

/// <summary>POST /api/v1/scenarios/run, and the rest of the control port that MapControlApi serves.</summary>
public class ScenarioRunApiTests
{
    [Fact]
    public async Task A_shipped_scenario_runs_in_its_own_emulator_and_returns_its_report()
    {
        await using var host = await ControlApiHost.StartAsync();
        var report = await host.SendJsonAsync(HttpMethod.Post, "/api/v1/scenarios/run", """{"file":"factory-reset-button.yaml"}""", 200);
        report["outcome"]!.GetValue<string>().Should().Be("passed");
        report["passed"]!.GetValue<bool>().Should().BeTrue();
        report["file"]!.GetValue<string>().Should().Be("factory-reset-button.yaml");
        report["steps"]!.AsArray().Should().NotBeEmpty().And.OnlyContain(s => s!["status"]!.GetValue<string>() == "passed");
        report["simulatedSeconds"]!.GetValue<double>().Should().BeGreaterThan(30);
        host.Emulator.Devices.Should().BeEmpty("the live emulator is not touched");
    }

    [Fact]
    public async Task Inline_yaml_runs_and_a_failing_step_is_reported_not_thrown()
    {
        await using var host = await ControlApiHost.StartAsync();
        const string yaml = "name: never ready\\ndevice: { profile: P3265-LVE }\\nsteps:\\n  - power: on\\n  - wait-for: { phase: ready, within: 5s }\\n";
        var report = await host.SendJsonAsync(HttpMethod.Post, "/api/v1/scenarios/run", $$"""{"yaml":"{{yaml}}"}""", 200);
        report["outcome"]!.GetValue<string>().Should().Be("failed");
        report["failure"]!.GetValue<string>().Should().Contain("timed out");
        report["steps"]![1]!["status"]!.GetValue<string>().Should().Be("failed");
    }

    [Theory]
    [InlineData('[', ']')]
    [InlineData('{', '}')]
    public async Task Yaml_nested_thousands_of_levels_deep_is_a_400_not_a_crash(char open, char close)
    {
        // Found by fuzzing: the YAML reader recursed once per level, so 30,000 levels could exhaust the stack.
        await using var host = await ControlApiHost.StartAsync();
        var yaml = new string(open, 30_000) + new string(close, 30_000);
        var problem = await host.ExpectProblemAsync(HttpMethod.Post, "/api/v1/scenarios/run", "{\"yaml\":\"" + yaml + "\"}", 400);
        problem["detail"]!.GetValue<string>().Should().Contain("deeper than 48 levels");
        (await host.GetJsonAsync("/api/v1/clock")).Should().NotBeNull("the control plane still answers");
    }

    [Fact]
    public async Task Invalid_yaml_is_a_400_with_every_file_line_error()
    {
        await using var host = await ControlApiHost.StartAsync();
        var problem = await host.ExpectProblemAsync(HttpMethod.Post, "/api/v1/scenarios/run", """{"yaml":"name: x\nsteps:\n  - jump: 3\n"}""", 400);
        problem["detail"]!.GetValue<string>().Should().Contain("request.yaml:3:").And.Contain("jump");
    }

    [Theory]
    [InlineData("""{}""", "exactly one of")]
    [InlineData("""{"file":"a.yaml","yaml":"name: x"}""", "exactly one of")]
    [InlineData("""{"file":42}""", "$.file")]
    public async Task Bad_bodies_are_400(string body, string detail)
    {
        await using var host = await ControlApiHost.StartAsync();
        var problem = await host.ExpectProblemAsync(HttpMethod.Post, "/api/v1/scenarios/run", body, 400);
        problem["detail"]!.GetValue<string>().Should().Contain(detail);
    }

    [Fact]
    public async Task An_unknown_file_is_a_404_listing_the_shipped_ones()
    {
        await using var host = await ControlApiHost.StartAsync();
        var problem = await host.ExpectProblemAsync(HttpMethod.Post, "/api/v1/scenarios/run", """{"file":"nope.yaml"}""", 404);
        problem["detail"]!.GetValue<string>().Should().Contain("nope.yaml");
        problem.ToJsonString().Should().Contain("factory-reset-button.yaml");
    }

    [Fact]
    public async Task The_control_port_also_serves_the_dashboard_and_metrics()
    {
        await using var host = await ControlApiHost.StartAsync();
        using var page = await host.Client.GetAsync("/");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Contain("<html");
        using var metrics = await host.Client.GetAsync("/metrics");
        metrics.StatusCode.Should().Be(HttpStatusCode.OK);
        (await metrics.Content.ReadAsStringAsync()).Should().Contain("axis_emulator");
    }
}
