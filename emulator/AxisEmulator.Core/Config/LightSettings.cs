namespace AxisEmulator.Core.Config;

/// <summary>
/// One light's settings as the Light control API changes them (by its <c>lightID</c>, e.g. <c>led0</c>).
/// A light with no entry in <see cref="DeviceConfig.Lights"/> has these factory values.
/// </summary>
public sealed record LightSettings(string LightId)
{
    /// <summary>The light function is enabled (<c>enableLight</c>/<c>disableLight</c>).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Switched on by <c>activateLight</c>; it only shines while enabled too.</summary>
    public bool Active { get; init; }

    public bool AutomaticIntensityMode { get; init; } = true;

    /// <summary>0–1000 (the light's valid range).</summary>
    public int ManualIntensity { get; init; } = 1000;

    /// <summary>On at night, off by day (<c>setLightSynchronizationDayNightMode</c>).</summary>
    public bool SynchronizeDayNightMode { get; init; } = true;
}
