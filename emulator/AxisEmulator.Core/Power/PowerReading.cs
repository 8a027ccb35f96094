namespace AxisEmulator.Core.Power;

/// <summary>
/// The power rail evaluated for one load: what reaches the device and why.
/// </summary>
/// <param name="Status">Outcome; only <see cref="PowerStatus.Ok"/> and <see cref="PowerStatus.Degraded"/> keep the device up.</param>
/// <param name="VoltsAtDevice">Volts at the device's input (PSE volts minus the cable drop for PoE).
/// For <see cref="PowerStatus.Overload"/>/<see cref="PowerStatus.Undervoltage"/> the figures are those
/// of the operating point the device tried to reach before power was cut (0 when there is none);
/// for <see cref="PowerStatus.NoPower"/> they are all 0.</param>
/// <param name="Watts">Watts drawn by the device (after any degraded-mode cap).</param>
/// <param name="BudgetWatts">Watts the source grants the device: the PD power of the granted PoE class,
/// or volts × amps of a DC adapter. 0 means "no budget" (a passive injector has no classification and
/// no limit we model; 0 rather than infinity keeps JSON plain).</param>
/// <param name="CableLossWatts">Watts burnt in the cable, <c>I²R</c> (0 for passive and DC sources).</param>
/// <param name="Amps">Total current into the device.</param>
/// <param name="Degraded">True when the device runs with heater/IR limited because the PSE granted a lower class.</param>
/// <param name="Explanation">A sentence with the figures, for the timeline and the dashboard.</param>
/// <param name="MinimumVolts">The lowest volts at the device's input the rail judged against (the
/// granted PoE type's PD minimum, a passive injector's PoE turn-on voltage, the DC input's minimum);
/// null when it judged none (no power reached the device).</param>
public sealed record PowerReading(
    PowerStatus Status,
    double VoltsAtDevice,
    double Watts,
    double BudgetWatts,
    double CableLossWatts,
    double Amps,
    bool Degraded,
    string Explanation,
    double? MinimumVolts = null)
{
    /// <summary>True when the device is powered (ok or degraded).</summary>
    public bool IsPowered => Status is PowerStatus.Ok or PowerStatus.Degraded;

    internal static PowerReading NoPower(string explanation) =>
        new(PowerStatus.NoPower, 0, 0, 0, 0, 0, false, explanation);
}
