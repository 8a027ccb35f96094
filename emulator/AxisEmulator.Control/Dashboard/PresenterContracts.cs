using System.ComponentModel;

namespace AxisEmulator.Control.Dashboard;

/// <summary>One shipped scenario file (<c>GET /api/v1/scenarios</c>).</summary>
public sealed record ScenarioFileView(
    [property: Description("File name in the scenarios directory, e.g. factory-reset-button.yaml: pass it to POST /api/v1/scenarios/play.")] string File,
    string Name,
    string? Description,
    [property: Description("Hardware profile the scenario was written for.")] string? Profile,
    [property: Description("Devices the scenario acts on (devices: N).")] int Devices,
    int Steps,
    [property: Description("The caption steps, in order: what the audience reads.")] IReadOnlyList<string> Captions,
    IReadOnlyList<string> Requires,
    [property: Description("The file parses; when false, errors says why (file:line: message).")] bool Valid,
    IReadOnlyList<string>? Errors);

/// <summary>The scenarios presenter mode can play.</summary>
public sealed record ScenarioList(
    [property: Description("Where the files were found; absent when no scenarios directory was found.")] string? Directory,
    IReadOnlyList<ScenarioFileView> Scenarios);

/// <summary>Body of <c>POST /api/v1/scenarios/play</c>.</summary>
public sealed record PlayRequest(
    [property: Description("A file name from GET /api/v1/scenarios.")] string? File,
    [property: Description("Play on these existing devices. Omitted (and fleet not true): add the scenario's own device(s) to the fleet and play on them.")] IReadOnlyList<string>? Devices = null,
    [property: Description("Play on every device of the fleet.")] bool? Fleet = null,
    [property: Description("Clock speed while playing: simulated seconds per wall second, (0, 1000]. Default 4.")] double? Scale = null,
    [property: Description("Wall seconds the clock stands still on each caption so the audience can read it, [0, 30]. Default 2.")] double? CaptionPauseSeconds = null);

public enum PresenterStepStatus
{
    Pending,
    Running,
    Passed,
    Failed,
    Skipped,
}

public enum PresenterOutcome
{
    Idle,
    Playing,
    Finished,
    FinishedWithMismatches,
    Stopped,
    Failed,
}

/// <summary>One step of the scenario being played.</summary>
public sealed record PresenterStep(
    int Index,
    int Line,
    string Kind,
    string Description,
    PresenterStepStatus Status,
    [property: Description("What happened: a wait-for's time, an expectation's mismatch, why a step was skipped.")] string? Message,
    [property: Description("Simulated time the step started.")] DateTimeOffset? At);

/// <summary>A caption shown to the audience.</summary>
public sealed record PresenterCaption(
    [property: Description("1, 2, … within one play.")] int Sequence,
    [property: Description("Index of the caption step (1-based).")] int Step,
    [property: Description("Simulated time it was shown.")] DateTimeOffset Time,
    string Text);

/// <summary>What presenter mode is doing (<c>GET /api/v1/scenarios/play</c>).</summary>
public sealed record PresenterState(
    [property: Description("Increases on every change: poll and compare.")] long Version,
    PresenterOutcome Outcome,
    bool Playing,
    string? File,
    string? Name,
    string? Description,
    IReadOnlyList<string> Devices,
    [property: Description("Clock scale while playing.")] double Scale,
    double CaptionPauseSeconds,
    [property: Description("1-based index of the current (or last) step; 0 before the first.")] int StepIndex,
    int StepCount,
    [property: Description("The current step, described.")] string? Step,
    [property: Description("The caption on screen now (the latest caption step).")] string? Caption,
    [property: Description("The clock stands still while the audience reads the caption.")] bool Paused,
    IReadOnlyList<PresenterCaption> Captions,
    IReadOnlyList<PresenterStep> Steps,
    [property: Description("A note: played on another model than written for, a step that failed, why it stopped.")] string? Message);
