using AxisEmulator.Control.Scenarios;
using Xunit.Abstractions;

namespace AxisEmulator.Control.Tests.Scenarios;

/// <summary>Every scenario shipped in scenarios/ parses and passes.</summary>
public class ShippedScenarioTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in ScenarioFixtures.ShippedFiles)
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Shipped_scenario_passes(string file)
    {
        var scenario = ScenarioParser.ParseFile(Path.Combine(ScenarioFixtures.ScenariosDirectory, file), ScenarioFixtures.Profiles);
        var report = ScenarioRunner.Run(scenario, ScenarioFixtures.Profiles, scenario.RequiresVapix ? new FakeVapixClient() : null);
        output.WriteLine(report.Log);
        report.Failure.Should().BeNull();
        report.Outcome.Should().Be(ScenarioOutcome.Passed);
    }
}
