using System.Globalization;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Control.Scenarios;

/// <summary>How a scenario run reports and reaches devices.</summary>
public sealed record ScenarioRunOptions
{
    /// <summary>Sends the requests of <c>vapix</c> steps; null: scenarios that require VAPIX are skipped.</summary>
    public IScenarioVapixClient? Vapix { get; init; }

    /// <summary>Where to print the step log as it runs (the report keeps a copy either way).</summary>
    public TextWriter? Log { get; init; }

    /// <summary>Also print every timeline entry of the devices under the step that caused it.</summary>
    public bool ShowTimeline { get; init; }
}

/// <summary>
/// Runs a <see cref="Scenario"/> as a test: the <see cref="ScenarioInterpreter"/> in
/// <see cref="ManualPacing"/> (waits advance the simulation clock event by event) on devices of the
/// scenario's own, reporting to a <see cref="ScenarioReportObserver"/>, so the first failed step stops
/// the run with its reason. The same scenario and seed always give the same report and log.
/// </summary>
public static class ScenarioRunner
{
    /// <inheritdoc cref="ScenarioInterpreter.VapixUnavailable"/>
    public const string VapixUnavailable = ScenarioInterpreter.VapixUnavailable;

    /// <summary>Runs on a fresh manual-time, ephemeral emulator seeded with the scenario's seed.</summary>
    public static ScenarioReport Run(Scenario scenario, ProfileCatalog profiles, IScenarioVapixClient? vapix = null, TextWriter? log = null) =>
        RunAsync(scenario, profiles, new ScenarioRunOptions { Vapix = vapix, Log = log }).GetAwaiter().GetResult();

    /// <summary>Runs on <paramref name="emulator"/> (its clock must be in manual mode); the devices stay in it afterwards.</summary>
    public static ScenarioReport Run(Scenario scenario, Emulator emulator, IScenarioVapixClient? vapix = null, TextWriter? log = null) =>
        RunAsync(scenario, emulator, new ScenarioRunOptions { Vapix = vapix, Log = log }).GetAwaiter().GetResult();

    /// <summary>
    /// Runs on a fresh manual-time, ephemeral emulator seeded with the scenario's seed. Step failures
    /// are in the report, never thrown; cancellation throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<ScenarioReport> RunAsync(Scenario scenario, ProfileCatalog profiles, ScenarioRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(profiles);
        using var emulator = new Emulator(new EmulatorOptions { ClockMode = ClockMode.Manual, Seed = scenario.Seed ?? 0 }, profiles);
        return await RunAsync(scenario, emulator, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs on <paramref name="emulator"/> (its clock must be in manual mode); the devices stay in it afterwards.</summary>
    public static Task<ScenarioReport> RunAsync(Scenario scenario, Emulator emulator, ScenarioRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(emulator);
        return RunCheckedAsync(scenario, emulator, options ?? new ScenarioRunOptions(), cancellationToken);
    }

    private static async Task<ScenarioReport> RunCheckedAsync(Scenario scenario, Emulator emulator, ScenarioRunOptions options, CancellationToken cancellationToken)
    {
        var report = new ScenarioReportObserver(scenario, emulator, options);
        if (scenario.RequiresVapix && options.Vapix is null)
        {
            return report.Finish(ScenarioOutcome.Skipped, $"needs a VAPIX client: {VapixUnavailable}", "SKIPPED");
        }

        if (SetUp(scenario, emulator, report) is { } problem)
        {
            return report.Finish(ScenarioOutcome.Failed, problem, "FAILED");
        }

        var interpreter = new ScenarioInterpreter(scenario, report.Devices, emulator.Clock, new ManualPacing(emulator.Clock), report, options.Vapix);
        await interpreter.RunAsync(cancellationToken).ConfigureAwait(false);
        return report.Finish();
    }

    /// <summary>Checks the clock and seed, creates the devices; returns a problem or null.</summary>
    private static string? SetUp(Scenario scenario, Emulator emulator, ScenarioReportObserver report)
    {
        if (emulator.Clock.Mode != ClockMode.Manual)
        {
            return $"scenarios run in manual time, but this emulator's clock is in {emulator.Clock.Mode.ToString().ToLowerInvariant()} mode";
        }

        if (scenario.Seed is { } seed && seed != emulator.Seed)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the scenario needs seed {seed}, but the emulator runs with seed {emulator.Seed}; start it with --seed {seed} or use the CLI run command");
        }

        try
        {
            for (var n = 1; n <= scenario.DeviceCount; n++)
            {
                var id = scenario.Device.Id is { } prefix && scenario.DeviceCount > 1 ? $"{prefix}-{n.ToString(CultureInfo.InvariantCulture)}" : scenario.Device.Id;
                report.Added(ScenarioDevices.Add(emulator, scenario.Device, id, scenario.Device.Serial, "scenario"));
            }
        }
        catch (Exception ex) when (ex is UnknownProfileException or ArgumentException or InvalidOperationException)
        {
            return "cannot create the device: " + ex.Message;
        }

        report.SetUp();
        return null;
    }
}

