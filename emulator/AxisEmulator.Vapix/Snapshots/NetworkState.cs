using System.Globalization;
using System.Net;
using AxisEmulator.Core.Config;

namespace AxisEmulator.Vapix.Snapshots;

/// <summary>Where a live address came from, as getNetworkInfo names it.</summary>
public enum AddressOrigin
{
    Dhcp,
    Static,
}

/// <summary>One IPv4 address with its prefix and broadcast (kept explicit: captures carry scrubbed, inconsistent broadcasts).</summary>
public sealed record Ipv4Address(string Address, int PrefixLength, string Broadcast)
{
    /// <summary>An address whose broadcast is computed from the prefix.</summary>
    public static Ipv4Address Create(string address, int prefixLength)
    {
        var ip = IPAddress.Parse(address).GetAddressBytes();
        var mask = MaskBytes(prefixLength);
        var broadcast = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            broadcast[i] = (byte)(ip[i] | ~mask[i]);
        }

        return new Ipv4Address(address, prefixLength, new IPAddress(broadcast).ToString());
    }

    /// <summary>Dotted mask, e.g. <c>255.255.255.0</c> for /24.</summary>
    public string SubnetMask => new IPAddress(MaskBytes(PrefixLength)).ToString();

    private static byte[] MaskBytes(int prefixLength)
    {
        var bits = prefixLength <= 0 ? 0u : uint.MaxValue << (32 - Math.Min(prefixLength, 32));
        return [(byte)(bits >> 24), (byte)(bits >> 16), (byte)(bits >> 8), (byte)bits];
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Address}/{PrefixLength}");
}

/// <summary>
/// The device's network state as VAPIX reports it: the stored (static) configuration, the live
/// address on eth0 and the link-local address. Addresses are reported, never bound (DESIGN.md §4.5).
/// Defaults are the AXIS OS factory values (vapix-facts §10.4).
/// </summary>
public sealed record NetworkState
{
    /// <summary>Configured protocol (<see cref="BootProtocol.None"/> is static).</summary>
    public BootProtocol BootProtocol { get; init; } = BootProtocol.Dhcp;

    /// <summary>Stored static configuration (<c>Network.IPAddress</c>), used only when static or as fallback.</summary>
    public Ipv4Address StaticAddress { get; init; } = Ipv4Address.Create("192.168.0.90", 24);

    public string StaticDefaultRouter { get; init; } = "192.168.0.1";

    /// <summary>The live global address on eth0 (a DHCP lease or the applied static address); null when none.</summary>
    public Ipv4Address? CurrentAddress { get; init; }

    public AddressOrigin CurrentOrigin { get; init; } = AddressOrigin.Dhcp;

    /// <summary>Live default router; null when none was learned.</summary>
    public string? CurrentDefaultRouter { get; init; }

    /// <summary>ZeroConf 169.254.x.y address; null when none is assigned.</summary>
    public Ipv4Address? LinkLocalAddress { get; init; }

    public bool Link { get; init; } = true;

    /// <summary>Host name set by the user; null means the default <c>axis-&lt;serial&gt;</c>.</summary>
    public string? StaticHostName { get; init; }

    public bool UseDhcpHostName { get; init; } = true;

    public bool UseDhcpResolverInfo { get; init; } = true;

    /// <summary>Name servers in use (from DHCP or static).</summary>
    public IReadOnlyList<string> NameServers { get; init; } = [];

    public IReadOnlyList<string> StaticNameServers { get; init; } = [];

    public string DomainName { get; init; } = "";

    /// <summary>network-settings ≥ 1.21: link-local only when DHCP/static fails (<c>fallback</c>) or always.</summary>
    public bool LinkLocalOnlyAsFallback { get; init; }

    /// <summary>network-settings ≥ 1.21: apply 192.168.0.90 when DHCP gets no answer.</summary>
    public bool UseStaticDhcpFallback { get; init; } = true;

    /// <summary>
    /// The state of a device from its stored settings and what the emulated LAN gave it. A lease is
    /// reported as a /24 with the configured router ([E]: the emulated DHCP server hands out addresses only).
    /// </summary>
    /// <param name="configured">The stored network settings.</param>
    /// <param name="currentAddress">The address in use on eth0 (lease, static or fallback); null when none.</param>
    /// <param name="linkLocalAddress">The 169.254/16 address, if one is assigned.</param>
    /// <param name="link">Whether the cable is up.</param>
    public static NetworkState From(NetworkSettings configured, string? currentAddress, string? linkLocalAddress, bool link = true)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var staticAddress = new Ipv4Address(configured.IpAddress, PrefixLength(configured.SubnetMask), configured.Broadcast);
        var isStatic = currentAddress == configured.IpAddress;
        return new NetworkState
        {
            BootProtocol = configured.BootProto,
            StaticAddress = staticAddress,
            StaticDefaultRouter = configured.DefaultRouter,
            CurrentAddress = currentAddress is null ? null : isStatic ? staticAddress : Ipv4Address.Create(currentAddress, 24),
            CurrentOrigin = configured.BootProto == BootProtocol.Dhcp && !isStatic ? AddressOrigin.Dhcp : AddressOrigin.Static,
            CurrentDefaultRouter = configured.DefaultRouter,
            LinkLocalAddress = linkLocalAddress is null ? null : Ipv4Address.Create(linkLocalAddress, 16),
            Link = link,
            StaticHostName = configured.Hostname,
        };
    }

    private static int PrefixLength(string subnetMask) =>
        IPAddress.TryParse(subnetMask, out var mask)
            ? mask.GetAddressBytes().Sum(b => System.Numerics.BitOperations.PopCount(b))
            : 24;
}
