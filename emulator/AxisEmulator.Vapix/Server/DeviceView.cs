using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Parameters;
using AxisEmulator.Vapix.Snapshots;

namespace AxisEmulator.Vapix.Server;

/// <summary>
/// What one device looks like to VAPIX for a given stored configuration and network state: its
/// identity (on the running firmware), its network state and its parameter tree. Immutable; the
/// device keeps the latest one and builds a new one only when the configuration or the network changes.
/// </summary>
internal sealed class DeviceView
{
    private DeviceView(DeviceConfig config, NetworkAddressing network, VapixIdentity identity, NetworkState state, ParameterTree tree)
    {
        Config = config;
        Network = network;
        Identity = identity;
        NetworkState = state;
        Tree = tree;
        Policy = AuthenticationPolicies.FromParameter(tree["Network.HTTP.AuthenticationPolicy"]);
    }

    public DeviceConfig Config { get; }

    public NetworkAddressing Network { get; }

    public VapixIdentity Identity { get; }

    public FirmwarePersonality Personality => Identity.Personality;

    public NetworkState NetworkState { get; }

    public ParameterTree Tree { get; }

    public AuthenticationPolicy Policy { get; }

    public IReadOnlyList<UserAccount> Users => Config.Users;

    /// <summary>Whether this view was built from exactly this configuration and network state.</summary>
    public bool IsFor(DeviceConfig config, NetworkAddressing network) =>
        ReferenceEquals(config, Config) && (ReferenceEquals(network, Network) || network == Network);

    public static DeviceView Build(Device camera, DeviceConfig config, NetworkAddressing network, ParameterTreeFactory factory, VapixIdentity? previousIdentity)
    {
        var identity = previousIdentity is not null && previousIdentity.FirmwareVersion == config.Firmware.ActiveVersion
            ? previousIdentity
            : new VapixIdentity(ProfileRunning(camera.Profile, config.Firmware.ActiveVersion), camera.Identity);
        var state = NetworkConfig.NetworkStateFromParameters.Apply(StateOf(config.Network, network, identity.Personality), config.Parameters);
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var removed in config.RemovedParameters)
        {
            overrides[removed] = null;
        }

        foreach (var (name, value) in config.Parameters)
        {
            overrides[name] = value;
        }

        var tree = factory.Build(new ParameterInputs(identity, state) { Overrides = overrides });
        return new DeviceView(config, network, identity, state, tree);
    }

    /// <summary>The profile as it reports itself on <paramref name="version"/> (after an upgrade the firmware is not the profile's).</summary>
    internal static HardwareProfile ProfileRunning(HardwareProfile profile, string version)
    {
        if (profile.Firmware.Version == version)
        {
            return profile;
        }

        var personality = FirmwareVersion.TryParse(version, out var parsed) ? FirmwareVersion.PersonalityOf(parsed) : profile.Firmware.Personality;
        return profile with { Firmware = profile.Firmware with { Version = version, Personality = personality } };
    }

    /// <summary>
    /// The reported network state. AXIS OS 12 uses link-local only as a fallback and no 192.168.0.90
    /// DHCP fallback (12.11 getNetworkInfo, 12.9 param dump: <c>ZeroConf.Fallback=yes</c>); older
    /// versions keep the link-local address beside the global one.
    /// </summary>
    private static NetworkState StateOf(NetworkSettings configured, NetworkAddressing network, FirmwarePersonality personality)
    {
        if (personality != FirmwarePersonality.Os12)
        {
            return NetworkState.From(configured, network.IpAddress, network.LinkLocalAddress, network.LinkUp);
        }

        var onLinkLocalOnly = network.IpAddress is not null && network.IpAddress == network.LinkLocalAddress;
        return NetworkState.From(
                configured,
                onLinkLocalOnly ? null : network.IpAddress,
                onLinkLocalOnly ? network.LinkLocalAddress : null,
                network.LinkUp) with
        {
            LinkLocalOnlyAsFallback = true,
            UseStaticDhcpFallback = false,
        };
    }
}
