using System.Text.Json.Nodes;
using AxisEmulator.Vapix.Json;
using AxisEmulator.Vapix.Parameters;
using AxisEmulator.Vapix.Server;
using AxisEmulator.Vapix.Snapshots;

namespace AxisEmulator.Vapix.NetworkConfig;

/// <summary>
/// The network_settings setters as the parameter changes they amount to (vapix-facts §9.5): the
/// device keeps one store, so a static address set here reads back through param.cgi
/// (<c>Network.BootProto=none</c>, <c>Network.IPAddress</c>) and getNetworkInfo alike. Every value
/// is checked before anything is stored.
/// </summary>
internal static class NetworkSettingsChanges
{
    /// <summary><c>setIPv4AddressConfiguration</c>: <c>deviceName</c>, <c>configurationMode</c> dhcp|static, one static address, router.</summary>
    public static IReadOnlyList<ParameterChange> Ipv4(JsonParams read)
    {
        if (read.String("deviceName") != "eth0")
        {
            throw read.InvalidValue("deviceName");
        }

        var changes = new List<ParameterChange>();
        if (read.OptionalString("configurationMode") is { } mode)
        {
            changes.Add(new("Network.BootProto", mode switch
            {
                "dhcp" => "dhcp",
                "static" => "none",
                _ => throw read.InvalidValue("configurationMode"),
            }));
        }

        if (read.Has("staticAddressConfigurations"))
        {
            var addresses = read.Array("staticAddressConfigurations");
            if (addresses.Count != 1 || addresses[0] is not JsonObject entry)
            {
                throw read.InvalidValue("staticAddressConfigurations"); // maxSupportedStaticAddressConfigurations is 1
            }

            var address = new JsonParams(entry, NetworkSettingsApi.Spec.Errors);
            var ip = Checked(address, "address", "Network.IPAddress", address.String("address"));
            var prefix = address.Int("prefixLength");
            if (prefix is < 1 or > 32)
            {
                throw address.InvalidValue("prefixLength");
            }

            var computed = Ipv4Address.Create(ip, prefix);
            var broadcast = address.OptionalString("broadcast") is { } given ? Checked(address, "broadcast", "Network.Broadcast", given) : computed.Broadcast;
            changes.Add(new("Network.IPAddress", ip));
            changes.Add(new("Network.SubnetMask", computed.SubnetMask));
            changes.Add(new("Network.Broadcast", broadcast));
        }

        if (read.OptionalString("staticDefaultRouter") is { } router)
        {
            changes.Add(new("Network.DefaultRouter", Checked(read, "staticDefaultRouter", "Network.DefaultRouter", router)));
        }

        return changes;
    }

    /// <summary><c>setHostnameConfiguration</c>: <c>useDhcpHostname</c> and <c>staticHostname</c>.</summary>
    public static IReadOnlyList<ParameterChange> HostName(JsonParams read)
    {
        var useDhcp = read.Bool("useDhcpHostname");
        var changes = new List<ParameterChange> { new(NetworkStateFromParameters.ObtainHostName, useDhcp ? "yes" : "no") };
        if (read.OptionalString("staticHostname") is { } name)
        {
            changes.Add(new("Network.HostName", Checked(read, "staticHostname", "Network.HostName", name)));
        }
        else if (!useDhcp)
        {
            throw new JsonParamException(read.Missing("staticHostname"));
        }

        return changes;
    }

    /// <summary><c>setResolverConfiguration</c>: <c>useDhcpResolverInfo</c>, up to 3 <c>staticNameServers</c>, <c>staticDomainName</c>.</summary>
    public static IReadOnlyList<ParameterChange> Resolver(JsonParams read)
    {
        var changes = new List<ParameterChange> { new(NetworkStateFromParameters.ObtainResolver, read.Bool("useDhcpResolverInfo") ? "yes" : "no") };
        if (read.OptionalStrings("staticNameServers") is { } servers)
        {
            if (servers.Count > NetworkStateFromParameters.NameServerParameters.Length)
            {
                throw read.InvalidValue("staticNameServers");
            }

            for (var i = 0; i < NetworkStateFromParameters.NameServerParameters.Length; i++)
            {
                var name = NetworkStateFromParameters.NameServerParameters[i];
                changes.Add(new(name, i < servers.Count ? Checked(read, "staticNameServers", "Network.IPAddress", servers[i]) : "0.0.0.0"));
            }
        }

        if (read.OptionalString("staticDomainName") is { } domain)
        {
            if (!domain.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-'))
            {
                throw read.InvalidValue("staticDomainName");
            }

            changes.Add(new("Network.DomainName", domain));
        }

        return changes;
    }

    /// <summary><paramref name="value"/> when param.cgi would take it for <paramref name="parameter"/>; else the error naming <paramref name="member"/>.</summary>
    private static string Checked(JsonParams read, string member, string parameter, string value) =>
        ParameterChanges.IsValid(parameter, value) ? value : throw read.InvalidValue(member);
}
