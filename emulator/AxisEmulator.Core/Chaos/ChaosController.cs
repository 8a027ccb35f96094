using AxisEmulator.Core.Fleet;

namespace AxisEmulator.Core.Chaos;

/// <summary>
/// An emulator's chaos: at most one plan runs at a time, and it belongs to that emulator alone
/// (two emulators in one process, as in parallel tests, never see each other's run).
/// </summary>
public sealed class ChaosController
{
    private readonly object _sync = new();
    private readonly Emulator _emulator;
    private ChaosRun? _current;

    internal ChaosController(Emulator emulator) => _emulator = emulator;

    /// <summary>The run last started and not stopped, if any.</summary>
    public ChaosRun? Current
    {
        get { lock (_sync) { return _current; } }
    }

    /// <summary>
    /// Makes <paramref name="plan"/> the current chaos, counting from now: the previous run (if any)
    /// is cancelled first (its brown-outs and network losses in progress are undone).
    /// </summary>
    public ChaosRun Start(ChaosPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        lock (_sync)
        {
            _current?.Cancel();
            _current = new ChaosRun(plan, _emulator);
            _current.ScheduleAll();
            return _current;
        }
    }

    /// <summary>Cancels the current run (see <see cref="ChaosRun.Cancel"/>); false when there was none.</summary>
    public bool Stop()
    {
        lock (_sync)
        {
            if (_current is null)
            {
                return false;
            }

            _current.Cancel();
            _current = null;
            return true;
        }
    }
}
