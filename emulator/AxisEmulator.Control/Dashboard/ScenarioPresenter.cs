using System.Globalization;
using AxisEmulator.Control.Api;
using AxisEmulator.Control.Scenarios;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Devices;
using Microsoft.Extensions.Logging;

namespace AxisEmulator.Control.Dashboard;

/// <summary>
/// Presenter mode: plays a scenario against the live emulator at a watchable pace — the
/// <see cref="ScenarioInterpreter"/> in <see cref="ScaledPacing"/>, reporting to a
/// <see cref="PresenterPlay"/> — so an audience sees it happen on the dashboard. Unlike
/// <see cref="ScenarioRunner"/> (manual time, a test verdict), a step that does not hold is noted and
/// the show goes on. One play at a time; a new one stops the last.
/// </summary>
public sealed class ScenarioPresenter : IDisposable
{
    public const double DefaultScale = 4;
    public const double MaxScale = 1000;
    public const double DefaultCaptionPauseSeconds = 2;
    public const double MaxCaptionPauseSeconds = 30;

    /// <summary>Longest <see cref="Stop"/> waits for the play to end (wall time, like its caption pauses).</summary>
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(10);

    private readonly object _sync = new();
    private readonly ControlPlane _control;
    private readonly IScenarioVapixClient? _vapix;
    private readonly ILogger _logger;
    private PresenterPlay? _play;
    private long _version;
    private bool _disposed;

    /// <remarks>
    /// Caption pauses are paced by the clock's <see cref="SimulationClock.Wall"/>: reading time is for
    /// people, so it is wall time (the simulation clock stands still meanwhile).
    /// </remarks>
    public ScenarioPresenter(ControlPlane control, ScenarioLibrary library, IScenarioVapixClient? vapix, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(logger);
        _control = control;
        Library = library;
        _vapix = vapix;
        _logger = logger;
    }

    public ScenarioLibrary Library { get; }

    /// <summary>Every scenario file with what a presenter needs to choose one.</summary>
    public ScenarioList List()
    {
        var profiles = _control.Emulator.Profiles;
        var views = new List<ScenarioFileView>();
        foreach (var file in Library.Files())
        {
            var parsed = Library.Read(file, profiles);
            if (parsed?.Scenario is { } scenario && parsed.IsValid)
            {
                views.Add(new ScenarioFileView(
                    file,
                    scenario.Name,
                    scenario.Description?.Trim(),
                    scenario.Device.Profile,
                    scenario.DeviceCount,
                    scenario.Steps.Count,
                    [.. scenario.Steps.OfType<CaptionStep>().Select(c => c.Text)],
                    scenario.Requires,
                    true,
                    null));
            }
            else
            {
                views.Add(new ScenarioFileView(file, Path.GetFileNameWithoutExtension(file), null, null, 0, 0, [], [], false, [.. (parsed?.Errors ?? []).Select(e => e.ToString())]));
            }
        }

        return new ScenarioList(Library.Directory, views);
    }

    /// <summary>What is playing (or played last).</summary>
    public PresenterState State()
    {
        lock (_sync)
        {
            return _play?.Snapshot(_version) ?? new PresenterState(_version, PresenterOutcome.Idle, false, null, null, null, [], 0, 0, 0, 0, null, null, false, [], [], null);
        }
    }

    /// <summary>
    /// Starts playing <paramref name="scenario"/> on <paramref name="targets"/> (null: add the scenario's
    /// own devices to the fleet). Stops a play in progress first.
    /// </summary>
    public PresenterState Start(string file, Scenario scenario, IReadOnlyList<Device>? targets, double scale, double captionPauseSeconds)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (!(scale > 0 && scale <= MaxScale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, $"scale must be greater than 0 and at most {MaxScale}");
        }

        Stop();
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var devices = targets ?? AddDevices(scenario);
            var play = new PresenterPlay(file, scenario, devices, new ScaledPacing(_control.Clock, devices, scale, TimeSpan.FromSeconds(Math.Clamp(captionPauseSeconds, 0, MaxCaptionPauseSeconds)), _control.Clock.Wall), _control.Clock, _vapix, _logger, Changed);
            if (targets is not null && targets.FirstOrDefault(d => !string.Equals(d.Profile.Id, scenario.Device.Profile, StringComparison.OrdinalIgnoreCase)) is { } other)
            {
                play.Message = $"Played on {other.Id} ({other.Profile.Id}); the scenario was written for {scenario.Device.Profile}, so timings and outcomes may differ.";
            }

            _play = play;
            _version++;
            play.Task = Task.Run(play.RunAsync);
            return play.Snapshot(_version);
        }
    }

    /// <summary>Stops the play in progress (the clock goes back to the mode it had); false when nothing was playing.</summary>
    public bool Stop()
    {
        PresenterPlay? play;
        lock (_sync)
        {
            play = _play;
        }

        if (play is null || !play.Playing)
        {
            return false;
        }

        play.Cancel();
        try
        {
            play.Task?.WaitAsync(StopBound, _control.Clock.Wall).Wait();
        }
        catch (AggregateException)
        {
            // The play records its own failure; one still stopping after the bound winds down on its own.
        }

        return true;
    }

    public void Dispose()
    {
        lock (_sync)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        Stop();
    }

    /// <summary>A play changed what <see cref="State"/> shows.</summary>
    private void Changed()
    {
        lock (_sync)
        {
            _version++;
        }
    }

    /// <summary>The scenario's own devices, added to the fleet under free ids (<c>lobby</c>, <c>lobby-2</c>…).</summary>
    private List<Device> AddDevices(Scenario scenario)
    {
        var emulator = _control.Emulator;
        var devices = new List<Device>();
        var stem = scenario.Device.Id ?? "demo";
        for (var n = 1; n <= scenario.DeviceCount; n++)
        {
            var wanted = scenario.DeviceCount > 1 ? $"{stem}-{n.ToString(CultureInfo.InvariantCulture)}" : stem;
            var id = wanted;
            for (var k = 2; emulator.TryGet(id, out _); k++)
            {
                id = $"{wanted}-{k.ToString(CultureInfo.InvariantCulture)}";
            }

            // The scenario's serial belongs to its first play; later copies derive their own.
            var serial = scenario.DeviceCount == 1 && id == wanted ? scenario.Device.Serial : null;
            devices.Add(ScenarioDevices.Add(emulator, scenario.Device, id, serial, "presenter"));
        }

        return devices;
    }
}
