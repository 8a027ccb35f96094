using System.Text.Json.Nodes;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Snapshots;

namespace AxisEmulator.Vapix.Json;

/// <summary>
/// <c>/axis-cgi/network_settings.cgi</c> <c>getNetworkInfo</c> (vapix-facts §9.5) from a network
/// snapshot. 10.12 answers in the 1.15 layout of the P8815-2 capture; 11.x/12.x in the newer layout
/// recorded on a 12.11 device (OADM fixture, 1.38), which adds link-local mode, DHCP fallback,
/// proxies and link state ([E] for 11.11, whose exact 1.33 layout is not captured).
/// </summary>
public static class NetworkSettingsApi
{
    public static JsonApiSpec Spec { get; } = new()
    {
        Id = "network-settings",
        Layout = JsonLayout.Indented,
        TrailingNewline = false,
        MethodEcho = MethodEcho.AfterContext,
        Errors = JsonErrorSet.Network,
        Versions = JsonApiSpec.PerPersonality(os10: "1.15", os11: "1.33", os12: "1.37"),
        Methods = new Dictionary<string, AccessLevel>(StringComparer.Ordinal)
        {
            ["getNetworkInfo"] = AccessLevel.Viewer,
            ["setIPv4AddressConfiguration"] = AccessLevel.Admin,
            ["setHostnameConfiguration"] = AccessLevel.Admin,
            ["setResolverConfiguration"] = AccessLevel.Admin,
            [JsonApiSpec.GetSupportedVersions] = AccessLevel.Anonymous,
        },
    };

    public static VapixResponse Handle(JsonApiCall call, VapixIdentity identity, NetworkState network)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Dispatch(method => method == "getNetworkInfo" ? call.Success(NetworkInfo(identity, network)) : null);
    }

    public static JsonObject NetworkInfo(VapixIdentity identity, NetworkState network)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(network);
        var newer = identity.Personality != FirmwarePersonality.Os10;
        var system = new JsonObject { ["tcpEcnMode"] = "acceptAndInitiate" };
        if (newer)
        {
            system["maxSupportedVlans"] = 1;
        }

        system["deviceSwitching"] = newer
            ? new JsonObject { ["mode"] = "auto", ["manualActiveDevices"] = Eth0(), ["devices"] = Eth0(), ["activeDevices"] = Eth0() }
            : new JsonObject { ["mode"] = "auto", ["devices"] = Eth0(), ["manualActiveDevices"] = Eth0(), ["activeDevices"] = Eth0() };
        var staticHostName = network.StaticHostName ?? identity.HostName;
        system["hostname"] = new JsonObject
        {
            ["useDhcpHostname"] = network.UseDhcpHostName,
            ["hostname"] = staticHostName,
            ["staticHostname"] = staticHostName,
        };
        system["resolver"] = new JsonObject
        {
            ["useDhcpResolverInfo"] = network.UseDhcpResolverInfo,
            ["nameServers"] = Strings(network.NameServers),
            ["staticNameServers"] = Strings(network.StaticNameServers),
            ["maxSupportedStaticNameServers"] = 3,
            ["searchDomains"] = new JsonArray(),
            ["staticSearchDomains"] = new JsonArray(),
            ["maxSupportedStaticSearchDomains"] = 6,
            ["domainName"] = network.DomainName,
            ["staticDomainName"] = "",
        };
        if (newer)
        {
            system["globalProxies"] = new JsonObject { ["httpProxy"] = "", ["httpsProxy"] = "", ["noProxy"] = "" };
        }

        return new JsonObject { ["system"] = system, ["devices"] = new JsonArray(Device(identity, network, newer)) };
    }

    private static JsonObject Device(VapixIdentity identity, NetworkState network, bool newer)
    {
        var device = new JsonObject
        {
            ["name"] = "eth0",
            ["type"] = "wired",
            ["macAddress"] = identity.MacAddress.ToLowerInvariant(),
            ["partOfBridge"] = "",
            ["link"] = network.Link,
        };
        if (newer)
        {
            device["state"] = network.Link ? "up" : "down";
            device["staticState"] = "up";
        }

        var wired = new JsonObject { ["linkMode"] = "auto" };
        if (newer)
        {
            wired["supportedLinkModes"] = Strings(["auto", "10BaseT-HD", "10BaseT-FD", "100BaseTX-HD", "100BaseTX-FD"]);
            wired["isDownlink"] = false;
        }

        wired["8021X"] = Dot1X(identity);
        device["wired"] = wired;
        device["IPv4"] = Ipv4(network, newer);
        device["IPv6"] = new JsonObject { ["enabled"] = false, ["addresses"] = new JsonArray() };
        return device;
    }

    private static JsonObject Dot1X(VapixIdentity identity) => new()
    {
        ["enabled"] = false,
        ["status"] = "Stopped",
        ["mode"] = "WPA-Enterprise-EAPTLS",
        ["configurations"] = new JsonArray(new JsonObject
        {
            ["mode"] = "WPA-Enterprise-EAPTLS",
            ["params"] = new JsonObject { ["identity"] = identity.HostName, ["eapolVersion"] = "EAPoLv3" },
        }),
        ["supportedModes"] = Strings(["WPA-Enterprise-EAPTLS"]),
    };

    private static JsonObject Ipv4(NetworkState network, bool newer)
    {
        var ipv4 = new JsonObject
        {
            ["enabled"] = true,
            ["configurationMode"] = network.BootProtocol == BootProtocol.Dhcp ? "dhcp" : "static",
        };
        if (newer)
        {
            ipv4["linkLocalMode"] = network.LinkLocalOnlyAsFallback ? "fallback" : "enabled";
        }

        var addresses = new JsonArray();
        if (network.LinkLocalAddress is { } linkLocal)
        {
            addresses.Add(new JsonObject
            {
                ["address"] = linkLocal.Address,
                ["prefixLength"] = linkLocal.PrefixLength,
                ["origin"] = "linkLocal",
                ["scope"] = "link",
            });
        }

        if (network.CurrentAddress is { } current)
        {
            addresses.Add(new JsonObject
            {
                ["address"] = current.Address,
                ["prefixLength"] = current.PrefixLength,
                ["origin"] = network.CurrentOrigin == AddressOrigin.Dhcp ? "dhcp" : "static",
                ["scope"] = "global",
                ["broadcast"] = current.Broadcast,
            });
        }

        ipv4["addresses"] = addresses;
        ipv4["maxSupportedStaticAddressConfigurations"] = 1;
        ipv4["staticAddressConfigurations"] = new JsonArray(new JsonObject
        {
            ["address"] = network.StaticAddress.Address,
            ["prefixLength"] = network.StaticAddress.PrefixLength,
            ["broadcast"] = network.StaticAddress.Broadcast,
        });
        ipv4["defaultRouter"] = network.CurrentDefaultRouter ?? "";
        ipv4["staticDefaultRouter"] = network.StaticDefaultRouter;
        if (newer)
        {
            ipv4["useStaticDHCPFallback"] = network.UseStaticDhcpFallback;
            ipv4["useDHCPStaticRoutes"] = false;
        }

        return ipv4;
    }

    private static JsonArray Eth0() => Strings(["eth0"]);

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
