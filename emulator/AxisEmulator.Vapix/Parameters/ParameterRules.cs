using AxisEmulator.Vapix.Auth;

namespace AxisEmulator.Vapix.Parameters;

/// <summary>
/// Which parameters a client may change, and who may. Axis gives every parameter its own security
/// digits (DOC parameter-management); nothing public lists them, so these rules are modelled ([E]):
/// identity, capability and live-status values are read-only, system-wide settings need an
/// administrator, the rest an operator.
/// </summary>
public static class ParameterRules
{
    private static readonly string[] ReadOnlyGroups =
    [
        "Brand.", "Properties.", "BasicDeviceInfo.", "Network.eth0.", "Network.VolatileHostName.HostName",
        "Network.Resolver.NameServerList", "Network.Routing.DefaultRouter", "Network.ZeroConf.IPAddress",
        "Network.ZeroConf.SubnetMask",
    ];

    private static readonly string[] AdminGroups = ["Network.", "System.", "HTTPS.", "SNMP.", "RemoteService.", "WebService.", "Time."];

    public static bool IsReadOnly(string name)
    {
        var bare = ParameterTree.StripRoot(name);
        return ReadOnlyGroups.Any(g => bare.StartsWith(g, StringComparison.Ordinal))
            || bare.Split('.')[^1].StartsWith("NbrOf", StringComparison.Ordinal);
    }

    /// <summary>Access needed to change <paramref name="name"/> (update, add or remove).</summary>
    public static AccessLevel WriteAccess(string name)
    {
        var bare = ParameterTree.StripRoot(name);
        return AdminGroups.Any(g => bare.StartsWith(g, StringComparison.Ordinal)) ? AccessLevel.Admin : AccessLevel.Operator;
    }
}
