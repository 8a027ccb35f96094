using System.Globalization;
using AxisEmulator.Control.Scenarios;
using AxisEmulator.Core.Chaos;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Power;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AxisEmulator.Hosting;

/// <summary>
/// Starts the served emulator's fleet: adds <c>cam-1</c> … <c>cam-N</c> and plugs each into PoE of
/// its profile's class (or its DC input) — or builds the fleet file's groups — then starts the chaos
/// plan asked for (<c>--chaos-seed</c>, a fleet file's chaos section), and logs every device's timeline (phase, LED, power,
/// boot…) stamped with simulated time, including devices added later through the control API.
/// The emulator itself belongs to <see cref="EmulatorServer"/>, which disposes it after the host.
/// </summary>
public sealed class EmulatorHostedService : IHostedService
{
    private readonly EmulatorSettings _settings;
    private readonly Emulator _emulator;
    private readonly ILogger<EmulatorHostedService> _logger;
    private readonly FleetFile? _fleet;

    public EmulatorHostedService(EmulatorSettings settings, Emulator emulator, ILogger<EmulatorHostedService> logger, FleetFile? fleet = null)
    {
        _settings = settings;
        _emulator = emulator;
        _logger = logger;
        _fleet = fleet;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _emulator.DeviceAdded += Watch;
        _emulator.DeviceRemoved += Unwatch;
        _logger.LogInformation(
            "Emulator starting: clock {Clock}, seed {Seed}, {State}, {ProfileCount} hardware profiles",
            _settings.ClockText,
            _settings.Seed,
            _settings.StateDirectory is { } directory ? "state in " + Path.GetFullPath(directory) : "ephemeral (no state kept)",
            _emulator.Profiles.All.Count);
        if (_emulator.Clock.Mode == ClockMode.Manual)
        {
            _logger.LogWarning("The clock is manual: simulated time moves only when asked (POST /api/v1/clock/advance)");
        }

        List<string> ids = [];
        if (_fleet is not null)
        {
            var result = FleetBuilder.Apply(_fleet, _emulator, startChaos: false);
            ids.AddRange(result.Devices.Select(d => d.Id));
            _logger.LogInformation("Fleet file {File}: {Count} devices in {Groups} groups", _fleet.Source, ids.Count, _fleet.Groups.Count);
        }
        else
        {
            for (var n = 1; n <= _settings.Devices; n++)
            {
                var camera = _emulator.AddDevice(_settings.Profile, string.Create(CultureInfo.InvariantCulture, $"cam-{n}"));
                camera.PowerOn(DefaultPowerSource.For(camera.Profile));
                ids.Add(camera.Id);
            }
        }

        StartChaos(ids);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The fleet file's chaos section (its seed, else <c>--chaos-seed</c>'s, else the emulator's; <c>--chaos-seed</c>
    /// wins over the file's), or <see cref="EmulatorSettings.DefaultChaos"/> when only <c>--chaos-seed</c> is given.
    /// </summary>
    private void StartChaos(List<string> ids)
    {
        ChaosOptions? options = _fleet?.Chaos is { } section
            ? section.Options with { Seed = _settings.ChaosSeed ?? (section.SeedGiven ? section.Options.Seed : _emulator.Seed) }
            : _settings.ChaosSeed is { } seed ? EmulatorSettings.DefaultChaos(seed) : null;
        if (options is null)
        {
            return;
        }

        if (ids.Count == 0)
        {
            _logger.LogWarning("No chaos: there are no devices to put it on (POST /api/v1/chaos once some are added)");
            return;
        }

        var run = _emulator.Chaos.Start(ChaosPlan.Generate(options, ids));
        _logger.LogInformation(
            "Chaos plan started: seed {Seed}, {Actions} actions over {Duration} on {Devices} devices (GET /api/v1/chaos)",
            options.Seed,
            run.Plan.Actions.Count,
            ChaosDuration.Format(options.Duration),
            ids.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _emulator.DeviceAdded -= Watch;
        _emulator.DeviceRemoved -= Unwatch;
        foreach (var device in _emulator.Devices)
        {
            Unwatch(device);
        }

        _logger.LogInformation("Emulator stopping at simulated {Time}", Format(_emulator.Clock.GetUtcNow()));
        return Task.CompletedTask;
    }

    private void Watch(Device camera)
    {
        camera.Timeline.Appended += Log;
        _logger.LogInformation("{Device}: added, profile {Profile}, serial {Serial}", camera.Id, camera.Profile.Id, camera.Serial);
    }

    private void Unwatch(Device camera) => camera.Timeline.Appended -= Log;

    /// <summary>Runs on whichever thread appended the entry (the clock's driver thread, mostly), before that thread goes on: only log.</summary>
    private void Log(TimelineEntry entry)
    {
        var level = entry.Kind == TimelineKind.Http ? LogLevel.Debug : LogLevel.Information;
        if (!_logger.IsEnabled(level))
        {
            return;
        }

        _logger.Log(
            level,
            "{Device} [{SimTime}] {Kind} {Event}: {Message}",
            entry.DeviceId,
            Format(entry.Time),
            entry.Kind.ToString().ToLowerInvariant(),
            entry.Name,
            entry.Message);
    }

    private static string Format(DateTimeOffset simulated) =>
        simulated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
