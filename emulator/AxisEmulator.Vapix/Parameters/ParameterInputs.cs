using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Snapshots;

namespace AxisEmulator.Vapix.Parameters;

/// <summary>
/// What the parameter tree of one device is built from: identity, network state, the default
/// authentication policy and the user's changes on top of the defaults.
/// </summary>
public sealed record ParameterInputs(VapixIdentity Identity, NetworkState Network)
{
    /// <summary>The factory value of <c>Network.HTTP.AuthenticationPolicy</c>; a user change lives in <see cref="Overrides"/>.</summary>
    public AuthenticationPolicy DefaultPolicy { get; init; } = AuthenticationPolicy.Recommended;

    /// <summary>
    /// Parameters changed through param.cgi since the last factory default, by name (no <c>root.</c>):
    /// a value sets or adds the parameter, null removes it (a removed dynamic group).
    /// </summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();
}
