namespace AxisEmulator.Core.Leds;

/// <summary>One LED of the device. Raises <see cref="Changed"/> only when what it shows really changes.</summary>
public sealed class Led
{
    public Led(LedName name) => Name = name;

    public LedName Name { get; }

    public LedState State { get; private set; } = LedState.Off;

    /// <summary>Old state, new state.</summary>
    public event Action<Led, LedState, LedState>? Changed;

    /// <summary>Shows <paramref name="state"/>; returns false (and raises nothing) when it already did.</summary>
    public bool Show(LedState state)
    {
        if (State == state)
        {
            return false;
        }

        var old = State;
        State = state;
        Changed?.Invoke(this, old, state);
        return true;
    }

    public void Reset() => Show(LedState.Off);
}
