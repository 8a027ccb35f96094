namespace AxisEmulator.Control.Scenarios;

/// <summary>How simulated time passes while the <see cref="ScenarioInterpreter"/> plays a scenario.</summary>
/// <remarks>
/// <see cref="ManualPacing"/> advances a manual clock as fast as it can (a test);
/// <see cref="ScaledPacing"/> lets a scaled clock run and stops it while a caption is read (a show).
/// </remarks>
public interface IScenarioPacing
{
    /// <summary>Lets <paramref name="duration"/> of simulated time pass.</summary>
    Task PassAsync(TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>
    /// Lets simulated time pass until <paramref name="holds"/> returns true (asked again after every
    /// change) or <paramref name="within"/> has passed.
    /// </summary>
    Task<WaitEnd> PassUntilAsync(Func<bool> holds, TimeSpan within, CancellationToken cancellationToken);

    /// <summary>True when a caption stops the clock for the audience to read it.</summary>
    bool PausesForCaptions { get; }

    /// <summary>Holds simulated time still while a caption is read; returns at once when <see cref="PausesForCaptions"/> is false.</summary>
    Task PauseForCaptionAsync(CancellationToken cancellationToken);
}

/// <summary>Why <see cref="IScenarioPacing.PassUntilAsync"/> returned.</summary>
public enum WaitEnd
{
    ConditionHolds,
    DeadlinePassed,

    /// <summary>So many events ran without the condition holding that the schedule looks runaway (manual pacing only).</summary>
    GaveUp,
}
