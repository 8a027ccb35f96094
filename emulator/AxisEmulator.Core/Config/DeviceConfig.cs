using AxisEmulator.Core.Https;

namespace AxisEmulator.Core.Config;

public enum FactoryDefaultMode
{
    /// <summary>Keeps boot protocol, IP, subnet, broadcast, router, system time and 802.1X.</summary>
    Soft,

    /// <summary>Resets everything, network included (what the button does).</summary>
    Hard,
}

/// <summary>
/// A device's stored configuration: users, parameter overrides on top of the generated tree, network
/// settings and firmware banks. Immutable: changes produce a new value that the device persists.
/// </summary>
public sealed record DeviceConfig
{
    /// <summary>The unit's serial (= MAC); hardware identity, kept here so it survives emulator restarts.</summary>
    public string? Serial { get; init; }

    public IReadOnlyList<UserAccount> Users { get; init; } = [];

    /// <summary>Parameter values set by users, by full name without <c>root.</c> (e.g. <c>Network.SSH.Enabled</c>).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Parameters removed by users (param.cgi <c>action=remove</c> of a dynamic group entry), by full
    /// name without <c>root.</c>; applied before <see cref="Parameters"/>, so a name re-added later wins.
    /// </summary>
    public IReadOnlyList<string> RemovedParameters { get; init; } = [];

    public NetworkSettings Network { get; init; } = NetworkSettings.FactoryDefault;

    /// <summary>How far the device's clock was set from simulated time (see <c>DeviceSystemTime</c>).</summary>
    public TimeSpan ClockOffset { get; init; }

    public required FirmwareBanks Firmware { get; init; }

    /// <summary>Feature flags set by users (featureflag.cgi), by name; unset flags keep their firmware default.</summary>
    public IReadOnlyDictionary<string, bool> FeatureFlags { get; init; } = new Dictionary<string, bool>();

    /// <summary>SSH accounts (SSH API), separate from the VAPIX users; passwords kept only as hashes.</summary>
    public IReadOnlyList<SshAccount> SshUsers { get; init; } = [];

    /// <summary>View area rectangles set with setGeometry, by view area id; the others keep their full-canvas default.</summary>
    public IReadOnlyList<ViewAreaGeometry> ViewAreas { get; init; } = [];

    /// <summary>Light settings changed with the Light control API; lights not listed have their factory settings.</summary>
    public IReadOnlyList<LightSettings> Lights { get; init; } = [];

    public MqttSettings Mqtt { get; init; } = new();

    /// <summary>The ONVIF scopes set with SetScopes/AddScopes (null: the factory ones, name and location of the model).</summary>
    public IReadOnlyList<string>? OnvifScopes { get; init; }

    /// <summary>No admin yet: the device is in setup mode (<c>needsetup: yes</c>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool NeedsSetup => !Users.Any(u => u.Role == UserRole.Admin);

    /// <summary>The self-signed HTTPS certificate, made on first need; a hard factory default erases it.</summary>
    public HttpsCertificate? HttpsCertificate { get; init; }

    public static DeviceConfig Factory(string serial, string firmwareVersion) => new() { Serial = serial, Firmware = new FirmwareBanks(firmwareVersion) };

    /// <summary>The configuration after a factory default; firmware banks always survive.</summary>
    public DeviceConfig AfterFactoryDefault(FactoryDefaultMode mode) => new()
    {
        Serial = Serial,
        Firmware = Firmware,
        ClockOffset = mode == FactoryDefaultMode.Soft ? ClockOffset : TimeSpan.Zero,
        Network = mode == FactoryDefaultMode.Soft
            ? NetworkSettings.FactoryDefault with
            {
                BootProto = Network.BootProto,
                IpAddress = Network.IpAddress,
                SubnetMask = Network.SubnetMask,
                Broadcast = Network.Broadcast,
                DefaultRouter = Network.DefaultRouter,
                TimeZone = Network.TimeZone,
                Dot1xEnabled = Network.Dot1xEnabled,
            }
            : NetworkSettings.FactoryDefault,
        HttpsCertificate = mode == FactoryDefaultMode.Soft ? HttpsCertificate : null,
    };
}
