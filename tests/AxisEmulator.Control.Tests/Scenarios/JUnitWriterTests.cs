using System.Xml.Linq;
using AxisEmulator.Control.Scenarios;
using static AxisEmulator.Control.Tests.Scenarios.ScenarioFixtures;

namespace AxisEmulator.Control.Tests.Scenarios;

/// <summary>JUnit XML for CI: read back with XDocument.</summary>
public class JUnitWriterTests
{
    private static XDocument Write(params ScenarioReport[] reports)
    {
        using var stream = new MemoryStream();
        JUnitWriter.Write(reports, stream);
        stream.CanRead.Should().BeTrue("the writer leaves the stream open");
        stream.Position = 0;
        stream.ReadByte().Should().Be('<', "UTF-8 without a byte-order mark");
        stream.Position = 0;
        return XDocument.Load(stream);
    }

    private static ScenarioReport Passing() => Run("name: passes\nsteps:\n  - power: on\n  - wait-for: { phase: ready, within: 2m }\n");

    private static ScenarioReport Failing() => ScenarioRunner.Run(
        ScenarioParser.Parse("name: fails\nsteps:\n  - power: on\n  - wait-for: { phase: ready, within: 10s }\n  - wait: 1s\n", "scenarios/fails.yaml", Profiles),
        Profiles);

    private static ScenarioReport Skipped() => Run("name: skipped\nrequires: [vapix]\nsteps:\n  - vapix: { path: /axis-cgi/systemready.cgi }\n");

    [Fact]
    public void One_suite_per_scenario_one_case_per_step_with_totals()
    {
        var xml = Write(Passing(), Failing(), Skipped());
        var root = xml.Root!;
        root.Name.LocalName.Should().Be("testsuites");
        root.Attribute("tests")!.Value.Should().Be("6");
        root.Attribute("failures")!.Value.Should().Be("1");
        root.Attribute("skipped")!.Value.Should().Be("2");
        root.Attribute("errors")!.Value.Should().Be("0");

        var suites = root.Elements("testsuite").ToList();
        suites.Select(s => s.Attribute("name")!.Value).Should().Equal("passes", "fails", "skipped");
        suites.Select(s => s.Attribute("tests")!.Value).Should().Equal("2", "3", "1");
        suites[0].Attribute("time")!.Value.Should().Be("70.000", "simulated seconds");
        suites[0].Element("properties")!.Elements("property")
            .Should().Contain(p => p.Attribute("name")!.Value == "time-unit" && p.Attribute("value")!.Value == "simulated seconds");

        var passing = suites[0].Elements("testcase").ToList();
        passing.Select(c => c.Attribute("name")!.Value).Should().Equal("01 power: on", "02 wait-for phase ready within 2m");
        passing[1].Attribute("time")!.Value.Should().Be("70.000");
        passing[1].Element("system-out")!.Value.Should().Be("after 70.000s");
        passing.Should().OnlyContain(c => c.Element("failure") == null && c.Element("skipped") == null);
        suites[0].Element("system-out")!.Value.Should().Contain("PASSED: 2 steps in 70.000s of simulated time");
    }

    [Fact]
    public void A_failed_step_is_readable_in_CI()
    {
        var suite = Write(Failing()).Root!.Element("testsuite")!;
        suite.Attribute("file")!.Value.Should().Be("scenarios/fails.yaml");
        suite.Attribute("failures")!.Value.Should().Be("1");
        var cases = suite.Elements("testcase").ToList();
        cases[1].Attribute("classname")!.Value.Should().Be("fails");
        cases[1].Attribute("file")!.Value.Should().Be("scenarios/fails.yaml");
        cases[1].Attribute("line")!.Value.Should().Be("4");
        var failure = cases[1].Element("failure")!;
        failure.Attribute("message")!.Value.Should().Be("timed out after 10.000s (at 10.000s); phase is booting");
        failure.Attribute("type")!.Value.Should().Be("ScenarioStepFailed");
        failure.Value.Should().StartWith("scenarios/fails.yaml:4: wait-for phase ready within 10s").And.Contain("at 0.000s of simulated time");
        cases[2].Element("skipped")!.Attribute("message")!.Value.Should().Be("not run: an earlier step failed");
        suite.Element("system-out")!.Value.Should().Contain("FAILED at step 2 (scenarios/fails.yaml:4)");
    }

    [Fact]
    public void A_skipped_scenario_says_what_it_needs()
    {
        var suite = Write(Skipped()).Root!.Element("testsuite")!;
        suite.Attribute("skipped")!.Value.Should().Be("1");
        suite.Attribute("failures")!.Value.Should().Be("0");
        suite.Element("testcase")!.Element("skipped")!.Attribute("message")!.Value
            .Should().Be("needs a VAPIX client: VAPIX steps need a running listener (serve mode or the CLI run command)");
    }

    [Fact]
    public void An_invalid_file_is_a_failed_setup_case_listing_its_errors()
    {
        var result = ScenarioParser.Read("name: x\nsteps:\n  - wiat: 1s\n", "scenarios/typo.yaml");
        var report = ScenarioReport.Invalid("scenarios/typo.yaml", result.Errors);
        var suite = Write(report).Root!.Element("testsuite")!;
        suite.Attribute("name")!.Value.Should().Be("typo");
        var single = suite.Elements("testcase").Should().ContainSingle().Subject;
        single.Attribute("name")!.Value.Should().Be("00 setup");
        single.Element("failure")!.Attribute("message")!.Value.Should().Be("invalid scenario file (1 error):");
        single.Element("failure")!.Value.Should().Contain("scenarios/typo.yaml:3: unknown step 'wiat'");
    }

    [Fact]
    public void Text_is_escaped()
    {
        var report = Run("name: \"<quotes> & 'amps'\"\nsteps:\n  - caption: \"a < b & c > d\"\n");
        var xml = JUnitWriter.ToXml([report]);
        var parsed = XDocument.Parse(xml);
        parsed.Root!.Element("testsuite")!.Attribute("name")!.Value.Should().Be("<quotes> & 'amps'");
        parsed.Root.Element("testsuite")!.Element("testcase")!.Attribute("name")!.Value.Should().Be("01 » a < b & c > d");
    }
}
