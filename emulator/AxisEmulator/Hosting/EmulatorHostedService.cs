using System.Globalization;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Power;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Core.Timeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AxisEmulator.Hosting;

/// <summary>
/// Runs one <see cref="Emulator"/> for the life of the host: builds it from <see cref="EmulatorSettings"/>,
/// adds the start-up cameras powered over PoE, and logs every device's timeline (phase, LED, power,
/// boot…) stamped with simulated time.
/// </summary>
public sealed class EmulatorHostedService : IHostedService, IDisposable
{
    /// <summary>What a start-up camera is plugged into: an 802.3at class-4 switch port, 10 m of Cat5e.</summary>
    public static readonly PoeSource DefaultPower = new(PoeStandard.At, 4, 10, CableCategory.Cat5e);

    private readonly EmulatorSettings _settings;
    private readonly ProfileCatalog _profiles;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<EmulatorHostedService> _logger;

    public EmulatorHostedService(EmulatorSettings settings, ProfileCatalog profiles, IHostApplicationLifetime lifetime, ILogger<EmulatorHostedService> logger)
    {
        _settings = settings;
        _profiles = profiles;
        _lifetime = lifetime;
        _logger = logger;
    }

    /// <summary>The running emulator (null before start and after stop).</summary>
    public Emulator? Emulator { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Emulator? emulator = null;
        try
        {
            emulator = new Emulator(_settings.ToEmulatorOptions(), _profiles);
            emulator.DeviceAdded += Watch;
            emulator.DeviceRemoved += Unwatch;
            _logger.LogInformation(
                "Emulator starting: clock {Clock}, seed {Seed}, state in {StateDirectory}, {ProfileCount} hardware profiles",
                _settings.ClockText,
                _settings.Seed,
                Path.GetFullPath(_settings.StateDirectory),
                _profiles.All.Count);
            if (emulator.Clock.Mode == Core.Clock.ClockMode.Manual)
            {
                _logger.LogWarning("The clock is manual: simulated time does not move on its own in this host");
            }

            for (var n = 1; n <= _settings.Devices; n++)
            {
                var camera = emulator.AddDevice(_settings.Profile, string.Create(CultureInfo.InvariantCulture, $"cam-{n}"));
                camera.PowerOn(DefaultPower);
            }

            Emulator = emulator;
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or KeyNotFoundException or IOException or UnauthorizedAccessException)
        {
            // Bad input (a corrupt state file, an unwritable state directory): say so, no stack trace.
            _logger.LogCritical("Cannot start the emulator: {Reason}", ex.Message);
            emulator?.Dispose();
            Environment.ExitCode = 2;
            _lifetime.StopApplication();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        var emulator = Emulator;
        if (emulator is null)
        {
            return Task.CompletedTask;
        }

        foreach (var device in emulator.Devices)
        {
            Unwatch(device);
        }

        _logger.LogInformation("Emulator stopping at simulated {Time}", Format(emulator.Clock.GetUtcNow()));
        Emulator = null;
        emulator.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => Emulator?.Dispose();

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
