using System.Globalization;
using AxisEmulator.Control.Scenarios;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Timeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AxisEmulator.Hosting;

/// <summary>
/// Starts the served emulator's fleet: adds <c>cam-1</c> … <c>cam-N</c> and plugs each into PoE of
/// its profile's class (or its DC input), and logs every device's timeline (phase, LED, power,
/// boot…) stamped with simulated time, including devices added later through the control API.
/// The emulator itself belongs to <see cref="EmulatorServer"/>, which disposes it after the host.
/// </summary>
public sealed class EmulatorHostedService : IHostedService
{
    private readonly EmulatorSettings _settings;
    private readonly Emulator _emulator;
    private readonly ILogger<EmulatorHostedService> _logger;

    public EmulatorHostedService(EmulatorSettings settings, Emulator emulator, ILogger<EmulatorHostedService> logger)
    {
        _settings = settings;
        _emulator = emulator;
        _logger = logger;
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

        for (var n = 1; n <= _settings.Devices; n++)
        {
            var camera = _emulator.AddDevice(_settings.Profile, string.Create(CultureInfo.InvariantCulture, $"cam-{n}"));
            camera.PowerOn(ScenarioPowerSource.DefaultFor(camera.Profile));
        }

        return Task.CompletedTask;
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

    private void Watch(Camera camera)
    {
        camera.Timeline.Appended += Log;
        _logger.LogInformation("{Device}: added, profile {Profile}, serial {Serial}", camera.Id, camera.Profile.Id, camera.Serial);
    }

    private void Unwatch(Camera camera) => camera.Timeline.Appended -= Log;

    /// <summary>Runs on whichever thread appended the entry (the clock's driver thread, mostly), under the device gate: only log.</summary>
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
            entry.Event,
            entry.Message);
    }

    private static string Format(DateTimeOffset simulated) =>
        simulated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
