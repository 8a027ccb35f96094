using System.Security.Cryptography.X509Certificates;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Https;

namespace AxisEmulator.Vapix.Https;

/// <summary>What a device's HTTPS listener needs from the device: its certificate, whether HTTPS is on, where it answers.</summary>
public static class DeviceCertificates
{
    /// <summary>The HTTPS port on the device's own address (network lab), as <c>HTTPS.Port</c>'s default says.</summary>
    public const int LabPort = 443;

    /// <summary>
    /// The device's certificate for each TLS handshake, parsed once per stored certificate (a hard
    /// factory default stores a new one, which the next handshake picks up).
    /// </summary>
    public static Func<X509Certificate2> For(Device camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        (HttpsCertificate Stored, X509Certificate2 Parsed)? cached = null;
        var sync = new Lock();
        return () =>
        {
            var stored = camera.HttpsCertificate;
            lock (sync)
            {
                if (cached is not { } hit || !ReferenceEquals(hit.Stored, stored))
                {
                    cached = (stored, stored.ToX509());
                }

                return cached.Value.Parsed;
            }
        };
    }

    /// <summary><c>HTTPS.Enabled</c>: on unless set to <c>no</c> (the generated tree says <c>yes</c>).</summary>
    public static bool HttpsEnabled(Device camera) =>
        !(camera.Config.Parameters.TryGetValue("HTTPS.Enabled", out var enabled) && string.Equals(enabled, "no", StringComparison.OrdinalIgnoreCase));

    /// <summary>The HTTPS endpoint on the same host as an HTTP one (<see cref="LabPort"/>).</summary>
    public static Uri? HttpsOf(Uri? http) => http is null ? null : new UriBuilder(http) { Scheme = Uri.UriSchemeHttps, Port = LabPort }.Uri;
}
