using AxisEmulator.Core.Https;

namespace AxisEmulator.Core.Devices;

/// <summary>The device's HTTPS certificate: made from its identity the first time it is needed, then stored.</summary>
public sealed partial class Device
{
    /// <summary>
    /// The stored certificate, or a new one (valid from the device's own time now) stored with the
    /// configuration: once per unit until a hard factory default erases it.
    /// </summary>
    public HttpsCertificate HttpsCertificate =>
        Config.HttpsCertificate ?? UpdateConfig(
            config => config.HttpsCertificate is { } stored
                ? (config, stored)
                : WithNewCertificate(config, HttpsCertificate.Create(Serial, SystemTime.UtcNow)),
            "self-signed HTTPS certificate created");

    private static (Config.DeviceConfig, HttpsCertificate) WithNewCertificate(Config.DeviceConfig config, HttpsCertificate made) =>
        (config with { HttpsCertificate = made }, made);
}
