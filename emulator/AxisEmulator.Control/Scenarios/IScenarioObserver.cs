namespace AxisEmulator.Control.Scenarios;

/// <summary>
/// Who hears how a scenario plays, step by step: a test report (<see cref="ScenarioRunner"/>) or
/// the presenter's live state (<c>Dashboard/PresenterPlay</c>).
/// </summary>
public interface IScenarioObserver
{
    /// <summary>A test stops at its first failed step; a show notes the failure and goes on.</summary>
    bool StopsAtFirstFailure { get; }

    void StepStarted(int index, ScenarioStep step);

    void StepFinished(ScenarioStepEnd end);

    /// <summary>A caption step puts <paramref name="caption"/> on screen (before any pause for reading it).</summary>
    void CaptionShown(int index, CaptionStep caption)
    {
    }

    /// <summary>Simulated time stands still while a caption is read (true), or runs again (false).</summary>
    void CaptionPaused(bool paused)
    {
    }
}

public enum StepVerdict
{
    Passed,
    Failed,

    /// <summary>The step cannot run here (a VAPIX step without a client).</summary>
    Skipped,
}

/// <summary>How one step went.</summary>
/// <param name="Index">1-based position in the scenario.</param>
/// <param name="At">Simulated time since the scenario started when the step began.</param>
/// <param name="Duration">Simulated time the step took.</param>
/// <param name="Message">Why it failed or was skipped; for a passed step an optional note (<c>after 15.000s</c>).</param>
public sealed record ScenarioStepEnd(int Index, ScenarioStep Step, StepVerdict Verdict, string? Message, TimeSpan At, TimeSpan Duration);
