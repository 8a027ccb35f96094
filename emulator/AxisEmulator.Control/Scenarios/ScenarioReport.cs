using System.Globalization;
using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Control.Scenarios;

public enum ScenarioOutcome
{
    Passed,
    Failed,

    /// <summary>Not run: it needs something this run does not have (a VAPIX client).</summary>
    Skipped,
}

public enum ScenarioStepStatus
{
    Passed,
    Failed,

    /// <summary>Not reached: an earlier step failed, or the scenario was skipped.</summary>
    NotRun,
}

/// <summary>How one step went.</summary>
/// <param name="Index">1-based position in the scenario.</param>
/// <param name="Line">Line of the step in the file.</param>
/// <param name="Kind">The step's key (<c>wait-for</c>).</param>
/// <param name="Description">The step as the log shows it.</param>
/// <param name="Status">Passed, failed or not run.</param>
/// <param name="At">Simulated time since the scenario started when the step began.</param>
/// <param name="Duration">Simulated time the step took (waits, holds, wait-for).</param>
/// <param name="Message">Why it failed; for a passed step an optional note (<c>after 15.000s</c>).</param>
public sealed record ScenarioStepResult(
    int Index,
    int Line,
    string Kind,
    string Description,
    ScenarioStepStatus Status,
    TimeSpan At,
    TimeSpan Duration,
    string? Message = null);

/// <summary>The result of running one scenario: every step with its simulated time, and the log.</summary>
public sealed record ScenarioReport
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The scenario file as it was given to the parser; null for a scenario built in code.</summary>
    public string? File { get; init; }

    public required ScenarioOutcome Outcome { get; init; }

    public bool Passed => Outcome == ScenarioOutcome.Passed;

    public IReadOnlyList<ScenarioStepResult> Steps { get; init; } = [];

    /// <summary>Why the scenario failed or was skipped (<c>step 5 (file.yaml:12) wait-for …: timed out …</c>); null when it passed.</summary>
    public string? Failure { get; init; }

    /// <summary>The step that failed, if a step did.</summary>
    public ScenarioStepResult? FailedStep => Steps.FirstOrDefault(s => s.Status == ScenarioStepStatus.Failed);

    /// <summary>Simulated time from the first step to the end of the last one run.</summary>
    public TimeSpan SimulatedDuration { get; init; }

    /// <summary>The seed the devices ran with.</summary>
    public int Seed { get; init; }

    /// <summary>Ids of the devices the scenario created.</summary>
    public IReadOnlyList<string> Devices { get; init; } = [];

    /// <summary>Everything the runner printed, one step per line with its simulated time.</summary>
    public string Log { get; init; } = "";

    /// <summary>A failed report for a file that did not parse, so that CI output lists it with its errors.</summary>
    public static ScenarioReport Invalid(string file, IReadOnlyList<FileError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var lines = errors.Select(e => e.ToString()).ToList();
        var count = errors.Count.ToString(CultureInfo.InvariantCulture);
        return new ScenarioReport
        {
            Name = Path.GetFileNameWithoutExtension(file),
            File = file,
            Outcome = ScenarioOutcome.Failed,
            Failure = $"invalid scenario file ({count} error{(errors.Count == 1 ? "" : "s")}):{Environment.NewLine}{string.Join(Environment.NewLine, lines)}",
            Log = string.Join('\n', lines) + "\n",
        };
    }
}
