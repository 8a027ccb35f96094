namespace AxisEmulator.Core.Config;

public enum BootProtocol
{
    /// <summary>DHCP, with the personality's fallback when no server answers.</summary>
    Dhcp,

    /// <summary>Static address.</summary>
    None,
}

/// <summary>The device's configured IPv4 settings (the emulated LAN decides what it actually gets).</summary>
public sealed record NetworkSettings
{
    public static readonly NetworkSettings FactoryDefault = new();

    public BootProtocol BootProto { get; init; } = BootProtocol.Dhcp;

    /// <summary>Static address, used when <see cref="BootProto"/> is None (and the 10.x/11.x fallback).</summary>
    public string IpAddress { get; init; } = "192.168.0.90";

    public string SubnetMask { get; init; } = "255.255.255.0";

    public string DefaultRouter { get; init; } = "0.0.0.0";

    public string Broadcast { get; init; } = "192.168.0.255";

    /// <summary>Null means the default <c>axis-&lt;serial&gt;</c>.</summary>
    public string? Hostname { get; init; }

    public bool Dot1xEnabled { get; init; }

    public string TimeZone { get; init; } = "UTC";
}
