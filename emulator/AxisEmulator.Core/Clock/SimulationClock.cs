using System.Diagnostics;

namespace AxisEmulator.Core.Clock;

/// <summary>
/// The one clock of an emulator instance: a <see cref="TimeProvider"/> backed by a discrete-event
/// scheduler (a priority queue of due time, sequence, action). Everything that waits, in product
/// code, waits on this clock, so the same inputs at the same simulated times give the same timeline
/// in every <see cref="ClockMode"/>.
/// </summary>
/// <remarks>
/// Events run one at a time: on the caller's thread for <see cref="Advance"/> and
/// <see cref="RunUntilIdle"/> in manual mode, on the clock's driver thread in realtime and scaled
/// modes. Scheduling is thread-safe. While an event runs, "now" is exactly its due time.
/// </remarks>
[DebuggerDisplay("{DebuggerView,nq}")]
[DebuggerTypeProxy(typeof(SimulationClockDebugView))]
public sealed class SimulationClock : TimeProvider, IDisposable
{
    /// <summary>The name of an event scheduled without one.</summary>
    public static readonly EventName Unnamed = "(unnamed)";

    private static readonly EventName TimerName = "timer";

    /// <summary>Default simulated epoch, fixed so that manual runs are reproducible.</summary>
    public static readonly DateTimeOffset DefaultEpoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly object _sync = new();
    private readonly object _runGate = new();
    private readonly PriorityQueue<ScheduledEvent, (long Due, long Seq)> _queue = new();
    private readonly TimeProvider _wall;
    private readonly ManualResetEventSlim _wake = new(false);
    private long _nowTicks;
    private long _sequence;
    private int _pending;
    private long _executed;
    private ClockMode _mode = ClockMode.Manual;
    private double _scale = 1;

    // Realtime/scaled anchoring: sim = anchorSim + (wall - anchorWall) * scale.
    private long _anchorSimTicks;
    private long _anchorWallTimestamp;
    private Thread? _driver;
    private bool _disposed;

    public SimulationClock(ClockMode mode = ClockMode.Manual, double scale = 1, DateTimeOffset? epoch = null, TimeProvider? wallClock = null)
    {
        Epoch = epoch ?? DefaultEpoch;
        _wall = wallClock ?? WallTime.System;
        SetMode(mode, scale);
    }

    /// <summary>Simulated time zero.</summary>
    public DateTimeOffset Epoch { get; }

    /// <summary>
    /// The wall clock this clock paces realtime and scaled modes by (the system's unless one was
    /// given): what lives in wall time whatever the simulation does — sockets, captions for an
    /// audience — takes its time from here, so a test can fake it in one place.
    /// </summary>
    public TimeProvider Wall => _wall;

    public ClockMode Mode
    {
        get { lock (_sync) { return _mode; } }
    }

    /// <summary>Simulated seconds per wall second (1 in realtime, N in scaled, 0 in manual).</summary>
    public double Scale
    {
        get { lock (_sync) { return _mode == ClockMode.Manual ? 0 : _scale; } }
    }

    /// <summary>Simulated time elapsed since <see cref="Epoch"/>.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(NowTicks);

    /// <summary>Events waiting in the queue (cancelled ones excluded).</summary>
    public int PendingEvents
    {
        get { lock (_sync) { return _pending; } }
    }

    /// <summary>Events run since the clock was created.</summary>
    public long ExecutedEvents => Interlocked.Read(ref _executed);

    /// <summary>
    /// Raised as each event is taken from the queue to run, with how late it is in wall time
    /// (realtime and scaled modes only), on the driver thread under the queue's lock: handlers must
    /// be quick.
    /// </summary>
    public event Action<ScheduledEvent, TimeSpan>? EventLateness;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => Epoch + TimeSpan.FromTicks(NowTicks);

    public override long GetTimestamp() => NowTicks;

    private long NowTicks
    {
        get
        {
            lock (_sync)
            {
                return CurrentTicksLocked();
            }
        }
    }

    /// <summary>Switches mode; simulated time is continuous across the switch.</summary>
    public void SetMode(ClockMode mode, double scale = 1)
    {
        if (mode == ClockMode.Scaled && (double.IsNaN(scale) || scale <= 0 || scale > 1_000_000))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "Scale must be greater than 0 and at most 1,000,000.");
        }

        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _nowTicks = CurrentTicksLocked();
            _mode = mode;
            _scale = mode switch { ClockMode.Realtime => 1, ClockMode.Scaled => scale, _ => 1 };
            _anchorSimTicks = _nowTicks;
            _anchorWallTimestamp = _wall.GetTimestamp();
            if (mode != ClockMode.Manual && _driver is null)
            {
                _driver = new Thread(DriveRealtime) { IsBackground = true, Name = "simulation-clock" };
                _driver.Start();
            }
        }

        _wake.Set();
    }

    /// <summary>Runs <paramref name="action"/> after <paramref name="delay"/> of simulated time.</summary>
    public ScheduledEvent Schedule(TimeSpan delay, Action action) => Schedule(delay, Unnamed, action);

    /// <summary>Runs <paramref name="action"/> after <paramref name="delay"/> of simulated time, named <paramref name="name"/> in the debugger and the lateness figures.</summary>
    public ScheduledEvent Schedule(TimeSpan delay, EventName name, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(name.What, nameof(name));
        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        ScheduledEvent scheduled;
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var due = CurrentTicksLocked() + delay.Ticks;
            scheduled = new ScheduledEvent(this, due, _sequence++, name, action);
            _queue.Enqueue(scheduled, (due, scheduled.Sequence));
            _pending++;
        }

        if (_mode != ClockMode.Manual)
        {
            _wake.Set();
        }

        return scheduled;
    }

    /// <summary>
    /// Manual time: moves the clock forward by <paramref name="duration"/>, running every event due
    /// on the way in order. Returns the number of events run.
    /// </summary>
    public int Advance(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "Time only moves forward.");
        }

        EnsureManual();
        lock (_runGate)
        {
            long target;
            lock (_sync)
            {
                target = _nowTicks + duration.Ticks;
            }

            var ran = RunDueEvents(target);
            lock (_sync)
            {
                _nowTicks = Math.Max(_nowTicks, target);
            }

            return ran;
        }
    }

    /// <summary>
    /// Manual time: runs events until none is pending, or until the next one lies beyond
    /// <paramref name="maxDuration"/> from now (a boot loop never goes idle). Returns true when idle.
    /// </summary>
    public bool RunUntilIdle(TimeSpan maxDuration)
    {
        EnsureManual();
        lock (_runGate)
        {
            long limit;
            lock (_sync)
            {
                limit = _nowTicks + maxDuration.Ticks;
            }

            RunDueEvents(limit);
            return PendingEvents == 0;
        }
    }

    /// <summary>Simulated time of the next pending event, if any.</summary>
    public DateTimeOffset? NextEventDue
    {
        get
        {
            lock (_sync)
            {
                return PeekLocked() is { } next ? Epoch + TimeSpan.FromTicks(next.DueTicks) : null;
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new SimulationTimer(this, callback, state, dueTime, period);
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

        _wake.Set();
        if (_driver is { } driver)
        {
            WallTime.Join(driver, TimeSpan.FromSeconds(2));
        }

        _wake.Dispose();
    }

    /// <summary>
    /// Marks <paramref name="scheduled"/> cancelled and uncounts it, under the same lock as the
    /// runner that dequeues it: checked outside, a cancel racing the run (or another cancel) would
    /// uncount the event twice.
    /// </summary>
    internal void Cancel(ScheduledEvent scheduled)
    {
        lock (_sync)
        {
            if (scheduled.IsCancelled || scheduled.HasRun)
            {
                return;
            }

            scheduled.IsCancelled = true;
            _pending--;
        }
    }

    private void EnsureManual()
    {
        if (Mode != ClockMode.Manual)
        {
            throw new InvalidOperationException($"The clock is in {Mode} mode; only manual time can be advanced by hand.");
        }
    }

    private long CurrentTicksLocked()
    {
        if (_mode == ClockMode.Manual)
        {
            return _nowTicks;
        }

        var wallElapsed = _wall.GetElapsedTime(_anchorWallTimestamp);
        var computed = _anchorSimTicks + (long)(wallElapsed.Ticks * _scale);
        return Math.Max(_nowTicks, computed);
    }

    private ScheduledEvent? PeekLocked()
    {
        while (_queue.TryPeek(out var head, out _))
        {
            if (!head.IsCancelled)
            {
                return head;
            }

            _queue.Dequeue();
        }

        return null;
    }

    private int RunDueEvents(long limitTicks)
    {
        var ran = 0;
        while (true)
        {
            ScheduledEvent next;
            lock (_sync)
            {
                var head = PeekLocked();
                if (head is null || head.DueTicks > limitTicks)
                {
                    return ran;
                }

                next = _queue.Dequeue();
                _pending--;
                next.HasRun = true;
                _nowTicks = Math.Max(_nowTicks, next.DueTicks);
            }

            next.Action();
            Interlocked.Increment(ref _executed);
            ran++;
        }
    }

    private void DriveRealtime()
    {
        while (true)
        {
            TimeSpan wait;
            ScheduledEvent? due = null;
            lock (_sync)
            {
                if (_disposed)
                {
                    return;
                }

                if (_mode == ClockMode.Manual)
                {
                    wait = Timeout.InfiniteTimeSpan;
                }
                else
                {
                    var head = PeekLocked();
                    var now = CurrentTicksLocked();
                    if (head is null)
                    {
                        wait = Timeout.InfiniteTimeSpan;
                    }
                    else if (head.DueTicks <= now)
                    {
                        due = _queue.Dequeue();
                        _pending--;
                        due.HasRun = true;
                        _nowTicks = Math.Max(_nowTicks, due.DueTicks);
                        wait = TimeSpan.Zero;
                        ReportLateness(due, now - due.DueTicks);
                    }
                    else
                    {
                        var simTicks = head.DueTicks - now;
                        wait = TimeSpan.FromTicks(Math.Max(1, (long)Math.Ceiling(simTicks / _scale)));
                    }
                }

                if (due is null)
                {
                    _wake.Reset();
                }
            }

            if (due is not null)
            {
                lock (_runGate)
                {
                    due.Action();
                }

                Interlocked.Increment(ref _executed);
                continue;
            }

            WallTime.Sleep(_wake, wait > TimeSpan.FromMinutes(1) || wait == Timeout.InfiniteTimeSpan ? TimeSpan.FromMinutes(1) : wait);
        }
    }

    private void ReportLateness(ScheduledEvent late, long simTicksLate)
    {
        var handler = EventLateness;
        if (handler is not null)
        {
            handler(late, TimeSpan.FromTicks((long)(simTicksLate / _scale)));
        }
    }

    /// <summary>"scaled ×10, +00:02:13, 5 pending, next: cam-1 boot: network-up at 2026-01-01T00:02:35".</summary>
    private string DebuggerView
    {
        get
        {
            lock (_sync)
            {
                var next = PeekLocked();
                var mode = _mode == ClockMode.Scaled ? FormattableString.Invariant($"scaled ×{_scale}") : _mode.ToString().ToLowerInvariant();
                return FormattableString.Invariant($"{mode}, +{TimeSpan.FromTicks(CurrentTicksLocked())}, {_pending} pending")
                    + (next is null ? "" : FormattableString.Invariant($", next: {next.Name} at {next.Due:s}"));
            }
        }
    }

    /// <summary>The events still waiting, soonest first (for the debugger).</summary>
    internal ScheduledEvent[] PendingInOrder()
    {
        lock (_sync)
        {
            return [.. _queue.UnorderedItems.Where(e => !e.Element.IsCancelled).OrderBy(e => e.Priority).Select(e => e.Element)];
        }
    }

    private sealed class SimulationClockDebugView(SimulationClock clock)
    {
        public ClockMode Mode => clock.Mode;

        public DateTimeOffset Now => clock.GetUtcNow();

        [DebuggerBrowsable(DebuggerBrowsableState.RootHidden)]
        public ScheduledEvent[] Pending => clock.PendingInOrder();
    }

    [DebuggerDisplay("due {_event?.Due}")]
    private sealed class SimulationTimer : ITimer
    {
        private readonly SimulationClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private readonly object _gate = new();
        private ScheduledEvent? _event;
        private TimeSpan _period;
        private bool _disposed;

        public SimulationTimer(SimulationClock clock, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
            Change(dueTime, period);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return false;
                }

                _event?.Cancel();
                _event = null;
                _period = period;
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    _event = _clock.Schedule(dueTime, TimerName, Fire);
                }

                return true;
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
                _event?.Cancel();
                _event = null;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void Fire()
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                _event = _period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan ? _clock.Schedule(_period, TimerName, Fire) : null;
            }

            _callback(_state);
        }
    }
}
