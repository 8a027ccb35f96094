using AxisEmulator.Vapix.Snapshots;

namespace AxisEmulator.Vapix.NetworkConfig;

/// <summary>
/// The host name and resolver choices stored as parameters (set by param.cgi or network_settings),
/// reflected in the network state getNetworkInfo reports.
/// </summary>
internal static class NetworkStateFromParameters
{
    public const string ObtainHostName = "Network.VolatileHostName.ObtainFromDHCP";

    /// <summary>[E] the parameter a resolver choice is kept in (the generated tree has only the servers).</summary>
    public const string ObtainResolver = "Network.Resolver.ObtainFromDHCP";

    public static readonly string[] NameServerParameters = ["Network.DNSServer1", "Network.DNSServer2", "Network.DNSServer3"];

    public static NetworkState Apply(NetworkState state, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(parameters);
        var staticServers = NameServerParameters
            .Select(name => parameters.GetValueOrDefault(name))
            .OfType<string>()
            .Where(server => server is not ("" or "0.0.0.0"))
            .ToList();
        var useDhcpResolver = parameters.GetValueOrDefault(ObtainResolver) != "no";
        return state with
        {
            UseDhcpHostName = parameters.GetValueOrDefault(ObtainHostName) != "no",
            UseDhcpResolverInfo = useDhcpResolver,
            StaticNameServers = staticServers,
            NameServers = useDhcpResolver ? state.NameServers : staticServers,
            DomainName = parameters.GetValueOrDefault("Network.DomainName") ?? state.DomainName,
        };
    }
}
