using System.CommandLine;
using System.Globalization;
using AxisEmulator.Control.Scenarios;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Hosting;

namespace AxisEmulator.Cli;

/// <summary>
/// <c>run &lt;scenario.yaml|DIR&gt;...</c>: runs scenario files in manual virtual time, each on a fresh
/// emulator, printing every step with its simulated time. Exit 0 when all pass, 1 when one fails,
/// 2 when a file is missing or invalid (its <c>file:line</c> errors are printed).
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("scenario")
        {
            Arity = ArgumentArity.OneOrMore,
            HelpName = "scenario.yaml|DIR",
            Description = $"Scenario files, or directories whose *{ScenarioParser.FileExtension} files are all run (in name order)",
        };
        var junit = new Option<string?>("--junit")
        {
            HelpName = "FILE",
            Description = "Also write the results as JUnit XML to FILE (one test suite per scenario, one test case per step)",
        };
        var timeline = new Option<bool>("--timeline")
        {
            Description = "Also print each device timeline entry under the step that caused it",
        };
        var command = new Command("run", "Run scenario files in manual virtual time and report each step (exit 0: all passed, 1: one failed, 2: bad input)")
        {
            paths,
            junit,
            timeline,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetRequiredValue(paths),
            parseResult.GetValue(junit),
            parseResult.GetValue(timeline),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    /// <summary>The scenario files <paramref name="paths"/> name, in order; throws <see cref="UsageException"/> for a missing one or an empty directory.</summary>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*" + ScenarioParser.FileExtension)
                    .Where(f => f.EndsWith(ScenarioParser.FileExtension, StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0)
                {
                    throw new UsageException($"directory '{path}' holds no scenario files (*{ScenarioParser.FileExtension})");
                }

                files.AddRange(found);
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new UsageException($"scenario file '{path}' does not exist");
            }
        }

        return [.. files.Distinct(StringComparer.Ordinal)];
    }

    private static async Task<int> RunAsync(string[] paths, string? junit, bool showTimeline, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var files = ExpandPaths(paths);
        if (junit is not null && Directory.Exists(junit))
        {
            throw new UsageException($"--junit '{junit}' is a directory; give a file name such as {Path.Combine(junit, "scenarios.xml")}");
        }

        var profiles = ProfileCatalog.LoadInstalled();
        var reports = new List<ScenarioReport>();
        var invalid = 0;
        foreach (var file in files)
        {
            if (reports.Count > 0)
            {
                await output.WriteLineAsync();
            }

            var parsed = ScenarioParser.ReadFile(file, profiles);
            if (!parsed.IsValid)
            {
                invalid++;
                await output.WriteLineAsync($"Scenario file {file}: INVALID ({Count(parsed.Errors.Count, "error")}, see the error output)");
                foreach (var problem in parsed.Errors)
                {
                    await error.WriteLineAsync(problem.ToString());
                }

                reports.Add(ScenarioReport.Invalid(file, parsed.Errors));
                continue;
            }

            reports.Add(await RunOneAsync(parsed.Scenario!, profiles, output, showTimeline, cancellationToken));
        }

        var passed = reports.Count(r => r.Passed);
        var failed = reports.Count - passed - invalid;
        await output.WriteLineAsync();
        await output.WriteLineAsync($"{Count(reports.Count, "scenario")}: {passed.ToString(CultureInfo.InvariantCulture)} passed, {failed.ToString(CultureInfo.InvariantCulture)} failed{(invalid > 0 ? $", {invalid.ToString(CultureInfo.InvariantCulture)} invalid" : "")}");
        if (junit is not null)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(junit));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            await using (var stream = File.Create(junit))
            {
                JUnitWriter.Write(reports, stream);
            }

            await output.WriteLineAsync($"JUnit XML written to {junit}");
        }

        return invalid > 0 ? ExitCodes.InvalidInput : failed > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }

    /// <summary>
    /// Runs one scenario on a fresh manual-time emulator; one that sends VAPIX requests gets real
    /// loopback listeners on free ports and an HTTP client. A skip would hide a problem, so a
    /// scenario that cannot run fully counts as failed.
    /// </summary>
    private static async Task<ScenarioReport> RunOneAsync(Scenario scenario, ProfileCatalog profiles, TextWriter output, bool showTimeline, CancellationToken cancellationToken)
    {
        var options = new ScenarioRunOptions { Log = output, ShowTimeline = showTimeline };
        var report = await ScenarioExecution.RunIsolatedAsync(scenario, profiles, options, new ScenarioSandboxes(), cancellationToken);

        return report.Outcome == ScenarioOutcome.Skipped
            ? report with { Outcome = ScenarioOutcome.Failed, Failure = "not run: " + report.Failure }
            : report;
    }

    private static string Count(int count, string noun) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {noun}{(count == 1 ? "" : "s")}";
}
