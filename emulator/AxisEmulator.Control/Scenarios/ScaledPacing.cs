using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;

namespace AxisEmulator.Control.Scenarios;

/// <summary>
/// Playback for an audience: the clock runs scaled (<c>scale</c> simulated seconds per wall second)
/// while the steps play, a wait-for wakes on each timeline entry of the devices, and a caption stops
/// simulated time for <c>captionPause</c> of wall time so it can be read (a caption inside a hold
/// must not lengthen it). <see cref="Start"/> switches the clock; <see cref="Dispose"/> puts back
/// the mode it had, unless someone changed it meanwhile.
/// </summary>
/// <param name="wall">Paces the caption pauses: reading time is for people, so it is wall time.</param>
public sealed class ScaledPacing(SimulationClock clock, IReadOnlyList<Device> devices, double scale, TimeSpan captionPause, TimeProvider wall) : IScenarioPacing, IDisposable
{
    private volatile TaskCompletionSource _appended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ClockMode _previousMode;
    private double _previousScale;
    private bool _started;

    /// <summary>Simulated seconds per wall second while the steps play.</summary>
    public double Scale => scale;

    /// <summary>Wall time the clock stands still on each caption.</summary>
    public TimeSpan CaptionPause => captionPause;

    public bool PausesForCaptions => captionPause > TimeSpan.Zero;

    public void Start()
    {
        _previousMode = clock.Mode;
        _previousScale = clock.Scale;
        clock.SetMode(ClockMode.Scaled, scale);
        foreach (var device in devices)
        {
            device.Timeline.Appended += OnAppended;
        }

        _started = true;
    }

    public Task PassAsync(TimeSpan duration, CancellationToken cancellationToken) => Task.Delay(duration, clock, cancellationToken);

    public async Task<WaitEnd> PassUntilAsync(Func<bool> holds, TimeSpan within, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(holds);
        var deadline = clock.GetUtcNow() + within;
        while (true)
        {
            // Armed before asking, so an entry appended in between still wakes the next wait.
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _appended = signal;
            if (holds())
            {
                return WaitEnd.ConditionHolds;
            }

            var now = clock.GetUtcNow();
            if (now >= deadline)
            {
                return WaitEnd.DeadlinePassed;
            }

            using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var timeout = Task.Delay(deadline - now, clock, wake.Token);
            await Task.WhenAny(signal.Task, timeout).ConfigureAwait(false);
            await wake.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public async Task PauseForCaptionAsync(CancellationToken cancellationToken)
    {
        if (!PausesForCaptions)
        {
            return;
        }

        clock.SetMode(ClockMode.Manual);
        try
        {
            await Task.Delay(captionPause, wall, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (clock.Mode == ClockMode.Manual)
            {
                clock.SetMode(ClockMode.Scaled, scale);
            }
        }
    }

    public void Dispose()
    {
        if (!_started)
        {
            return;
        }

        _started = false;
        foreach (var device in devices)
        {
            device.Timeline.Appended -= OnAppended;
        }

        if (clock.Mode == ClockMode.Scaled && Math.Abs(clock.Scale - scale) < 1e-9)
        {
            clock.SetMode(_previousMode, _previousMode == ClockMode.Scaled ? _previousScale : 1);
        }
    }

    private void OnAppended(TimelineEntry entry) => _appended.TrySetResult();
}
