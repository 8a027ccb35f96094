using System.Globalization;
using System.Text;
using System.Xml;

namespace AxisEmulator.Control.Scenarios;

/// <summary>
/// Writes scenario reports as JUnit XML for CI: one <c>testsuite</c> per scenario (file), one
/// <c>testcase</c> per step, named <c>NN description</c> and carrying the file and line. The failed
/// step has a <c>failure</c> whose message is the reason; steps after it are <c>skipped</c>; the
/// suite's <c>system-out</c> is the step log. Times are simulated seconds (a suite property says so).
/// </summary>
public static class JUnitWriter
{
    /// <summary>Writes <paramref name="reports"/> to <paramref name="output"/> (UTF-8, no BOM); the stream stays open.</summary>
    public static void Write(IEnumerable<ScenarioReport> reports, Stream output)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(output);
        var list = reports.ToList();
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            CloseOutput = false,
        };
        using var xml = XmlWriter.Create(output, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "scenarios");
        xml.WriteAttributeString("tests", Number(list.Sum(TestCount)));
        xml.WriteAttributeString("failures", Number(list.Sum(FailureCount)));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", Number(list.Sum(SkippedCount)));
        xml.WriteAttributeString("time", Seconds(list.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.SimulatedDuration)));
        foreach (var report in list)
        {
            WriteSuite(xml, report);
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>The JUnit XML as a string.</summary>
    public static string ToXml(IEnumerable<ScenarioReport> reports)
    {
        using var stream = new MemoryStream();
        Write(reports, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteSuite(XmlWriter xml, ScenarioReport report)
    {
        var classname = report.File is { } file ? Path.GetFileNameWithoutExtension(file) : report.Name;
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", report.Name);
        xml.WriteAttributeString("tests", Number(TestCount(report)));
        xml.WriteAttributeString("failures", Number(FailureCount(report)));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", Number(SkippedCount(report)));
        xml.WriteAttributeString("time", Seconds(report.SimulatedDuration));
        if (report.File is not null)
        {
            xml.WriteAttributeString("file", report.File);
        }

        xml.WriteStartElement("properties");
        Property(xml, "outcome", report.Outcome.ToString().ToLowerInvariant());
        Property(xml, "seed", Number(report.Seed));
        Property(xml, "devices", string.Join(",", report.Devices));
        Property(xml, "time-unit", "simulated seconds");
        if (report.Description is { } description)
        {
            Property(xml, "description", description.Trim());
        }

        xml.WriteEndElement();

        if (report.Steps.Count == 0 || (report.Outcome == ScenarioOutcome.Failed && report.FailedStep is null))
        {
            // Nothing ran (invalid file, or the devices could not be created): one case says why.
            StartTestCase(xml, "00 setup", classname, TimeSpan.Zero, report.File);
            WriteVerdict(xml, report.Outcome, report.Failure, report.Failure);
            xml.WriteEndElement();
        }

        foreach (var step in report.Steps)
        {
            StartTestCase(xml, $"{step.Index.ToString("00", CultureInfo.InvariantCulture)} {step.Description}", classname, step.Duration, report.File);
            xml.WriteAttributeString("line", Number(step.Line));
            switch (step.Status)
            {
                case ScenarioStepStatus.Failed:
                    var where = report.File is null ? "" : $"{report.File}:{Number(step.Line)}: ";
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("message", step.Message ?? "failed");
                    xml.WriteAttributeString("type", "ScenarioStepFailed");
                    xml.WriteString($"{where}{step.Description}{Environment.NewLine}{step.Message}{Environment.NewLine}at {ScenarioTimes.Seconds(step.At)} of simulated time");
                    xml.WriteEndElement();
                    break;
                case ScenarioStepStatus.NotRun:
                    xml.WriteStartElement("skipped");
                    xml.WriteAttributeString("message", report.Outcome == ScenarioOutcome.Skipped ? report.Failure ?? "skipped"
                        : report.FailedStep is null ? "not run: the scenario could not start" : "not run: an earlier step failed");
                    xml.WriteEndElement();
                    break;
                default:
                    if (step.Message is not null)
                    {
                        xml.WriteElementString("system-out", step.Message);
                    }

                    break;
            }

            xml.WriteEndElement();
        }

        xml.WriteElementString("system-out", report.Log);
        xml.WriteEndElement();
    }

    private static void WriteVerdict(XmlWriter xml, ScenarioOutcome outcome, string? message, string? text)
    {
        if (outcome == ScenarioOutcome.Passed)
        {
            return;
        }

        xml.WriteStartElement(outcome == ScenarioOutcome.Skipped ? "skipped" : "failure");
        xml.WriteAttributeString("message", FirstLine(message ?? outcome.ToString()));
        if (outcome == ScenarioOutcome.Failed)
        {
            xml.WriteAttributeString("type", "ScenarioFailed");
            xml.WriteString(text ?? "");
        }

        xml.WriteEndElement();
    }

    private static int TestCount(ScenarioReport report) =>
        report.Steps.Count + (report.Steps.Count == 0 || (report.Outcome == ScenarioOutcome.Failed && report.FailedStep is null) ? 1 : 0);

    private static int FailureCount(ScenarioReport report) => report.Outcome == ScenarioOutcome.Failed ? 1 : 0;

    private static int SkippedCount(ScenarioReport report) =>
        report.Steps.Count(s => s.Status == ScenarioStepStatus.NotRun)
        + (report.Steps.Count == 0 && report.Outcome == ScenarioOutcome.Skipped ? 1 : 0);

    /// <summary>Opens a <c>testcase</c> with the attributes every case has; the caller writes its verdict and closes it.</summary>
    private static void StartTestCase(XmlWriter xml, string name, string classname, TimeSpan time, string? file)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("classname", classname);
        xml.WriteAttributeString("time", Seconds(time));
        if (file is not null)
        {
            xml.WriteAttributeString("file", file);
        }
    }

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
