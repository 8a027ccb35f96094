using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Core.Leds;

/// <summary>The LEDs a model has: status always, power and network where the profile says.</summary>
public sealed class LedPanel
{
    public LedPanel(LedSpec spec)
    {
        Status = new Led(LedName.Status);
        Power = spec.Power ? new Led(LedName.Power) : null;
        Network = spec.Network ? new Led(LedName.Network) : null;
        All = new[] { Status, Power, Network }.OfType<Led>().ToArray();
    }

    public Led Status { get; }

    public Led? Power { get; }

    public Led? Network { get; }

    public IReadOnlyList<Led> All { get; }

    public Led? this[LedName name] => name switch
    {
        LedName.Status => Status,
        LedName.Power => Power,
        _ => Network,
    };

    /// <summary>All dark (power off, bricked, brown-out).</summary>
    public void Reset()
    {
        foreach (var led in All)
        {
            led.Reset();
        }
    }
}
