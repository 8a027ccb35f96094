using System.Globalization;
using System.Net;

namespace AxisEmulator.Vapix.Snapshots;

public enum BootProtocol
{
    Dhcp,
    Static,
}

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
public sealed record NetworkSnapshot
{
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
}
