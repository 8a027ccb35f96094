using System.Xml.Linq;
using AxisEmulator.Core.Config;
using static AxisEmulator.Vapix.Onvif.OnvifCall;

namespace AxisEmulator.Vapix.Onvif;

/// <summary>Device service: host name, interfaces, protocols, DNS, NTP (ONVIF core spec §8.2), from the VAPIX network state.</summary>
internal static class DeviceNetworkOperations
{
    public static XElement GetHostname(OnvifCall call) => Tds(
        "GetHostnameResponse",
        Tds(
            "HostnameInformation",
            Tt("FromDHCP", call.View.NetworkState.UseDhcpHostName && call.View.Config.Network.Hostname is null ? "true" : "false"),
            Tt("Name", call.View.Tree["Network.HostName"] ?? call.View.Identity.HostName)));

    /// <summary>Stored as <c>Network.HostName</c> is by param.cgi; RFC 1123 labels only.</summary>
    public static XElement SetHostname(OnvifCall call)
    {
        var name = call.Required("Name");
        if (name.Length > 63 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.') || name.StartsWith('-') || name.EndsWith('-'))
        {
            throw SoapFault.InvalidArgVal($"'{name}' is not a valid host name", "InvalidHostname");
        }

        call.Camera.UpdateConfig(config => (config with { Network = config.Network with { Hostname = name } }, 0), $"onvif: host name set to {name}");
        return Tds("SetHostnameResponse");
    }

    /// <summary>One interface, eth0, whose MAC is the serial (vapix-facts §10).</summary>
    public static XElement GetNetworkInterfaces(OnvifCall call)
    {
        var state = call.View.NetworkState;
        var current = state.CurrentAddress ?? state.LinkLocalAddress;
        var dhcp = state.BootProtocol != BootProtocol.None;
        return Tds(
            "GetNetworkInterfacesResponse",
            Tds(
                "NetworkInterfaces",
                new XAttribute("token", "eth0"),
                Tt("Enabled", "true"),
                Tt("Info", Tt("Name", "eth0"), Tt("HwAddress", call.View.Identity.MacAddress), Tt("MTU", 1500)),
                Tt(
                    "IPv4",
                    Tt("Enabled", "true"),
                    Tt(
                        "Config",
                        dhcp ? null : Address("Manual", state.StaticAddress),
                        current is null ? null : Address(dhcp ? "FromDHCP" : "LinkLocal", current),
                        Tt("DHCP", dhcp ? "true" : "false")))));

        static XElement Address(string kind, Snapshots.Ipv4Address address) =>
            Tt(kind, Tt("Address", address.Address), Tt("PrefixLength", address.PrefixLength));
    }

    /// <summary>
    /// HTTP on the port the client used; HTTPS as <c>HTTPS.Enabled</c>/<c>HTTPS.Port</c> say; RTSP on
    /// its standard port (hardware-facts: ports on by default).
    /// </summary>
    public static XElement GetNetworkProtocols(OnvifCall call)
    {
        var port = call.Exchange.Http.Request.Host.Port ?? 80;
        return Tds(
            "GetNetworkProtocolsResponse",
            Protocol("HTTP", port),
            Protocol("HTTPS", Https.DeviceCertificates.HttpsPort(call.Camera), Https.DeviceCertificates.HttpsEnabled(call.Camera)),
            Protocol("RTSP", 554));

        static XElement Protocol(string name, int port, bool enabled = true) =>
            Tds("NetworkProtocols", Tt("Name", name), Tt("Enabled", enabled ? "true" : "false"), Tt("Port", port));
    }

    public static XElement GetDNS(OnvifCall call)
    {
        var state = call.View.NetworkState;
        return Tds(
            "GetDNSResponse",
            Tds(
                "DNSInformation",
                Tt("FromDHCP", state.UseDhcpResolverInfo ? "true" : "false"),
                state.DomainName.Length > 0 ? Tt("SearchDomain", state.DomainName) : null,
                state.NameServers.Select(s => Tt("DNSFromDHCP", Tt("Type", "IPv4"), Tt("IPv4Address", s))),
                state.StaticNameServers.Select(s => Tt("DNSManual", Tt("Type", "IPv4"), Tt("IPv4Address", s)))));
    }

    /// <summary>[E] NTP from DHCP, no server known (the emulator runs no NTP client).</summary>
    public static XElement GetNTP(OnvifCall call) => Tds("GetNTPResponse", Tds("NTPInformation", Tt("FromDHCP", "true")));
}
