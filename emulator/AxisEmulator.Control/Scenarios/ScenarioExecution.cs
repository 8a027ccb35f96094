namespace AxisEmulator.Control.Scenarios;

/// <summary>Runs a scenario on an emulator of its own, with real VAPIX listeners when it needs them.</summary>
public static class ScenarioExecution
{
    /// <summary>
    /// Runs <paramref name="scenario"/> on a fresh manual-time emulator; one that sends VAPIX requests
    /// runs in a sandbox from <paramref name="sandboxes"/> (real loopback listeners on free ports and an
    /// HTTP client), and is skipped without one.
    /// </summary>
    public static async Task<ScenarioReport> RunIsolatedAsync(Scenario scenario, Core.Profiles.ProfileCatalog profiles, ScenarioRunOptions options, IScenarioSandboxFactory? sandboxes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        if (!scenario.RequiresVapix || sandboxes is null)
        {
            return await ScenarioRunner.RunAsync(scenario, profiles, options, cancellationToken);
        }

        await using var sandbox = sandboxes.Create(profiles, scenario.Seed ?? 0);
        return await ScenarioRunner.RunAsync(scenario, sandbox.Emulator, options with { Vapix = sandbox.Vapix }, cancellationToken);
    }
}
