using System.Globalization;
using AxisEmulator.Control.Api;
using AxisEmulator.Control.Scenarios;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Power;
using Microsoft.Extensions.Logging;

namespace AxisEmulator.Control.Dashboard;

/// <summary>
/// Presenter mode: plays a scenario against the live emulator at a watchable pace — the clock in
/// scaled mode, waits taking real (scaled) time, a pause on each caption — so an audience sees it
/// happen on the dashboard. Unlike <see cref="ScenarioRunner"/> (manual time, a test verdict), a step
/// that does not hold is noted and the show goes on. One play at a time; a new one stops the last.
/// </summary>
public sealed class ScenarioPresenter : IDisposable
{
    public const double DefaultScale = 4;
    public const double MaxScale = 1000;
    public const double DefaultCaptionPauseSeconds = 2;
    public const double MaxCaptionPauseSeconds = 30;

    private readonly object _sync = new();
    private readonly ControlPlane _control;
    private readonly IScenarioVapixClient? _vapix;
    private readonly ILogger _logger;
    private readonly TimeProvider _wall;
    private Play? _play;
    private long _version;
    private bool _disposed;

    /// <param name="wall">
    /// Paces the caption pauses: reading time is for people, so it is wall time (the simulation clock
    /// stands still meanwhile). Default <see cref="TimeProvider.System"/>.
    /// </param>
    public ScenarioPresenter(ControlPlane control, ScenarioLibrary library, IScenarioVapixClient? vapix, ILogger logger, TimeProvider? wall = null)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(logger);
        _control = control;
        Library = library;
        _vapix = vapix;
        _logger = logger;
        _wall = wall ?? TimeProvider.System; // clock-ok: caption reading time is wall time, for the audience
    }

    public ScenarioLibrary Library { get; }

    private SimulationClock Clock => _control.Clock;

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
    public PresenterState Start(string file, Scenario scenario, IReadOnlyList<Camera>? targets, double scale, double captionPauseSeconds)
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
            var play = new Play(this, file, scenario, devices, scale, Math.Clamp(captionPauseSeconds, 0, MaxCaptionPauseSeconds));
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
        Play? play;
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
            play.Task?.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // The play records its own failure.
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

    private void Changed()
    {
        lock (_sync)
        {
            _version++;
        }
    }

    /// <summary>The scenario's own devices, added to the fleet under free ids (<c>lobby</c>, <c>lobby-2</c>…).</summary>
    private List<Camera> AddDevices(Scenario scenario)
    {
        var emulator = _control.Emulator;
        var devices = new List<Camera>();
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
            var camera = emulator.AddDevice(scenario.Device.Profile, id, serial);
            if (scenario.Device.Admin is { } admin)
            {
                camera.UpdateConfig(
                    c => (c with { Users = [.. c.Users.Where(u => u.Name != admin.User), UserAccount.Create(admin.User, admin.Password, camera.Identity.Realm, UserRole.Admin)] }, 0),
                    $"presenter setup: admin account {admin.User}");
            }

            devices.Add(camera);
        }

        return devices;
    }

    /// <summary>One play of one scenario.</summary>
    private sealed class Play(ScenarioPresenter owner, string file, Scenario scenario, IReadOnlyList<Camera> devices, double scale, double captionPause) : IDisposable
    {
        private readonly object _gate = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly PresenterStep[] _steps = [.. scenario.Steps.Select((s, i) => new PresenterStep(i + 1, s.Line, s.Kind, s.Describe(), PresenterStepStatus.Pending, null, null))];
        private readonly List<PresenterCaption> _captions = [];
        private readonly Dictionary<string, long> _startSequence = devices.ToDictionary(d => d.Id, d => d.Timeline.LastSequence, StringComparer.Ordinal);
        private volatile TaskCompletionSource _appended = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private PresenterOutcome _outcome = PresenterOutcome.Playing;
        private int _stepIndex;
        private string? _caption;
        private bool _paused;

        public Task? Task { get; set; }

        public string? Message { get; set; }

        public bool Playing
        {
            get { lock (_gate) { return _outcome == PresenterOutcome.Playing; } }
        }

        private SimulationClock Clock => owner.Clock;

        public void Cancel()
        {
            try
            {
                _stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The play has already ended.
            }
        }

        public void Dispose() => _stop.Dispose();

        public PresenterState Snapshot(long version)
        {
            lock (_gate)
            {
                return new PresenterState(
                    version,
                    _outcome,
                    _outcome == PresenterOutcome.Playing,
                    file,
                    scenario.Name,
                    scenario.Description?.Trim(),
                    [.. devices.Select(d => d.Id)],
                    scale,
                    captionPause,
                    _stepIndex,
                    _steps.Length,
                    _stepIndex > 0 ? _steps[_stepIndex - 1].Description : null,
                    _caption,
                    _paused,
                    [.. _captions],
                    [.. _steps],
                    Message);
            }
        }

        public async Task RunAsync()
        {
            var token = _stop.Token;
            var previousMode = Clock.Mode;
            var previousScale = Clock.Scale;
            Clock.SetMode(ClockMode.Scaled, scale);
            foreach (var device in devices)
            {
                device.Timeline.Appended += OnAppended;
            }

            var outcome = PresenterOutcome.Finished;
            try
            {
                for (var i = 0; i < _steps.Length; i++)
                {
                    token.ThrowIfCancellationRequested();
                    var step = scenario.Steps[i];
                    Update(() =>
                    {
                        _stepIndex = i + 1;
                        _steps[i] = _steps[i] with { Status = PresenterStepStatus.Running, At = Clock.GetUtcNow() };
                    });

                    var (status, message) = await ExecuteAsync(step, token);
                    if (status == PresenterStepStatus.Failed)
                    {
                        outcome = PresenterOutcome.FinishedWithMismatches;
                    }

                    Update(() => _steps[i] = _steps[i] with { Status = status, Message = message });
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                outcome = PresenterOutcome.Stopped;
                Update(() => Message = Append(Message, "Stopped by the presenter."));
            }
            catch (Exception ex)
            {
                outcome = PresenterOutcome.Failed;
                owner._logger.LogError(ex, "Presenter mode: {File} failed at step {Step}", file, _stepIndex);
                Update(() => Message = Append(Message, $"{ex.GetType().Name}: {ex.Message}"));
            }
            finally
            {
                foreach (var device in devices)
                {
                    device.Timeline.Appended -= OnAppended;
                }

                // Back to the clock the presenter had, unless someone changed it meanwhile.
                if (Clock.Mode == ClockMode.Scaled && Math.Abs(Clock.Scale - scale) < 1e-9)
                {
                    Clock.SetMode(previousMode, previousMode == ClockMode.Scaled ? previousScale : 1);
                }

                Update(() =>
                {
                    _paused = false;
                    _outcome = outcome;
                });
                Dispose();
            }
        }

        private static string Append(string? existing, string text) => existing is null ? text : existing + " " + text;

        private void Update(Action change)
        {
            lock (_gate)
            {
                change();
            }

            owner.Changed();
        }

        private void OnAppended(TimelineEntry entry) => _appended.TrySetResult();

        private async Task<(PresenterStepStatus Status, string? Message)> ExecuteAsync(ScenarioStep step, CancellationToken token)
        {
            switch (step)
            {
                case CaptionStep caption:
                    await ShowCaptionAsync(caption, token);
                    return (PresenterStepStatus.Passed, null);
                case PowerStep power:
                    return Power(power);
                case ButtonStep button:
                    await ButtonAsync(button, token);
                    return (PresenterStepStatus.Passed, null);
                case WaitStep wait:
                    await Task.Delay(wait.Duration.Value, Clock, token);
                    return (PresenterStepStatus.Passed, null);
                case WaitForStep waitFor:
                    return await WaitForAsync(waitFor, token);
                case ExpectStep expect:
                    var mismatches = Mismatches(expect.Condition);
                    return mismatches.Count == 0 ? (PresenterStepStatus.Passed, null) : (PresenterStepStatus.Failed, string.Join("; ", mismatches));
                case ExpectTimelineStep timeline:
                    return ExpectTimeline(timeline.Expectation);
                case FaultStep fault:
                    Each(d =>
                    {
                        if (fault.Button is { } b)
                        {
                            d.SetButtonFault(b);
                        }

                        if (fault.Bricked is { } bricked)
                        {
                            d.SetBricked(bricked);
                        }

                        if (fault.NetworkLink is { } link)
                        {
                            d.SetNetworkLink(link);
                        }
                    });
                    return (PresenterStepStatus.Passed, null);
                case RestartStep:
                    return Check(d => d.Restart() ? null : $"cannot restart while {d.Phase.ToKebab()}");
                case FactoryDefaultStep defaults:
                    return Check(d => d.FactoryDefault(defaults.Mode) ? null : $"cannot factory-default while {d.Phase.ToKebab()}");
                case UpgradeStep upgrade:
                    return Check(d =>
                    {
                        var rejection = d.StartUpgrade(new FirmwareImage(upgrade.Model ?? d.Profile.Model, upgrade.Version, upgrade.Signed), new UpgradeOptions(upgrade.AutoCommit, upgrade.AutoRollback?.Value));
                        return rejection == (upgrade.Refused ?? UpgradeRejection.None) ? null : $"upgrade answered {rejection.ToString().ToLowerInvariant()}";
                    });
                case VapixStep vapix:
                    return await VapixAsync(vapix, token);
                default:
                    return (PresenterStepStatus.Skipped, $"presenter mode does not play '{step.Kind}' steps");
            }
        }

        private async Task ShowCaptionAsync(CaptionStep caption, CancellationToken token)
        {
            Update(() =>
            {
                _caption = caption.Text;
                _captions.Add(new PresenterCaption(_captions.Count + 1, _stepIndex, Clock.GetUtcNow(), caption.Text));
            });
            if (captionPause <= 0)
            {
                return;
            }

            // The audience reads; simulated time stands still (a caption inside a hold must not lengthen it).
            Clock.SetMode(ClockMode.Manual);
            Update(() => _paused = true);
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(captionPause), owner._wall, token);
            }
            finally
            {
                Update(() => _paused = false);
                if (Clock.Mode == ClockMode.Manual)
                {
                    Clock.SetMode(ClockMode.Scaled, scale);
                }
            }
        }

        private (PresenterStepStatus, string?) Power(PowerStep step)
        {
            foreach (var device in devices)
            {
                if (!step.On)
                {
                    device.PowerOff();
                    continue;
                }

                PowerSource source;
                try
                {
                    source = step.Source?.Resolve(device.Profile) ?? DefaultPowerSource.For(device.Profile);
                }
                catch (InvalidOperationException ex)
                {
                    return (PresenterStepStatus.Failed, Who(device) + ex.Message);
                }

                if (source.Validate() is { Count: > 0 } problems)
                {
                    return (PresenterStepStatus.Failed, $"{Who(device)}invalid power source: {string.Join("; ", problems)}");
                }

                device.PowerOn(source);
            }

            return (PresenterStepStatus.Passed, null);
        }

        private async Task ButtonAsync(ButtonStep step, CancellationToken token)
        {
            foreach (var device in devices)
            {
                owner._control.CancelHold(device);
            }

            switch (step.Action)
            {
                case Scenarios.ButtonAction.Press:
                    Each(d => d.PressButton());
                    break;
                case Scenarios.ButtonAction.Release:
                    Each(d => d.ReleaseButton());
                    break;
                default:
                    Each(d => d.PressButton());
                    await Task.Delay(step.Hold!.Value.Value, Clock, token);
                    Each(d => d.ReleaseButton());
                    break;
            }
        }

        /// <summary>Waits, in scaled simulated time, until the condition holds or the deadline passes; woken by each timeline entry.</summary>
        private async Task<(PresenterStepStatus, string?)> WaitForAsync(WaitForStep step, CancellationToken token)
        {
            var started = Clock.GetUtcNow();
            var deadline = started + step.Within.Value;
            while (true)
            {
                var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _appended = signal;
                var mismatches = Mismatches(step.Condition);
                var now = Clock.GetUtcNow();
                if (mismatches.Count == 0)
                {
                    return (PresenterStepStatus.Passed, "after " + Seconds(now - started));
                }

                if (now >= deadline)
                {
                    return (PresenterStepStatus.Failed, $"not within {step.Within}: {string.Join("; ", mismatches)}");
                }

                using var wake = CancellationTokenSource.CreateLinkedTokenSource(token);
                var timeout = Task.Delay(deadline - now, Clock, wake.Token);
                await Task.WhenAny(signal.Task, timeout);
                await wake.CancelAsync();
                token.ThrowIfCancellationRequested();
            }
        }

        private List<string> Mismatches(DeviceCondition condition) =>
            [.. devices.SelectMany(d => condition.Mismatches(d.Snapshot()).Select(m => Who(d) + m))];

        /// <summary>Only entries since the play started count: a live device has a history of its own.</summary>
        private (PresenterStepStatus, string?) ExpectTimeline(TimelineExpectation expectation)
        {
            foreach (var device in devices)
            {
                var matches = device.Timeline.Since(_startSequence[device.Id]).Count(expectation.Matches);
                if (expectation.Count is { } count ? matches != count : matches < (expectation.Min ?? 1))
                {
                    var wanted = expectation.Count is { } c ? $"exactly {c.ToString(CultureInfo.InvariantCulture)}" : $"at least {(expectation.Min ?? 1).ToString(CultureInfo.InvariantCulture)}";
                    return (PresenterStepStatus.Failed, $"{Who(device)}{matches.ToString(CultureInfo.InvariantCulture)} matching entries since the play started, expected {wanted}");
                }
            }

            return (PresenterStepStatus.Passed, null);
        }

        private async Task<(PresenterStepStatus, string?)> VapixAsync(VapixStep step, CancellationToken token)
        {
            if (owner._vapix is not { } client)
            {
                return (PresenterStepStatus.Skipped, "no VAPIX client in this host: " + ScenarioRunner.VapixUnavailable);
            }

            foreach (var device in devices)
            {
                try
                {
                    var response = await client.SendAsync(device, step.Request, token);
                    if (response.Status != step.Expect.Status)
                    {
                        return (PresenterStepStatus.Failed, $"{Who(device)}answered {response.Status.ToString(CultureInfo.InvariantCulture)}, expected {step.Expect.Status.ToString(CultureInfo.InvariantCulture)}");
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    return (PresenterStepStatus.Failed, $"{Who(device)}{step.Request.Method} {step.Request.Path} failed: {ex.Message}");
                }
            }

            return (PresenterStepStatus.Passed, null);
        }

        private void Each(Action<Camera> act)
        {
            foreach (var device in devices)
            {
                act(device);
            }
        }

        private (PresenterStepStatus, string?) Check(Func<Camera, string?> act)
        {
            foreach (var device in devices)
            {
                if (act(device) is { } problem)
                {
                    return (PresenterStepStatus.Failed, Who(device) + problem);
                }
            }

            return (PresenterStepStatus.Passed, null);
        }

        private string Who(Camera device) => devices.Count > 1 ? device.Id + ": " : "";

        private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
    }
}
