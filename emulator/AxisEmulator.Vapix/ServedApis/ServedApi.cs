using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Vapix.ServedApis;

/// <summary>One API a device may list, the path(s) that serve it (from the vendor documentation) and its read call.</summary>
/// <param name="Id">The <c>apidiscovery</c> id (or, for ONVIF, which getApiList never lists, a name of our own).</param>
/// <param name="Paths">Any of these being routed means the API is served.</param>
/// <param name="Probe">The documented read call, for the walk over every listed API.</param>
public sealed record ServedApi(string Id, IReadOnlyList<string> Paths, ApiProbe Probe)
{
    /// <summary>Whether a model has the hardware the API drives (light control needs a light); every model by default.</summary>
    public Func<HardwareProfile, bool> HasHardware { get; init; } = _ => true;

    public bool IsServedBy(IReadOnlyCollection<string> routedPaths) => Paths.Any(routedPaths.Contains);
}
