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

    /// <summary>
    /// <c>HTTPS.Port</c>: the port HTTPS answers on at the device's own address (<see cref="LabPort"/>
    /// unless changed; param.cgi only stores valid ports, see <see cref="HttpsPortError"/>).
    /// </summary>
    public static int HttpsPort(Device camera) =>
        camera.Config.Parameters.TryGetValue("HTTPS.Port", out var text) && ParsePort(text) is { } port ? port : LabPort;

    /// <summary>
    /// Why <paramref name="value"/> cannot be <c>HTTPS.Port</c> next to the HTTP port
    /// <paramref name="httpPort"/> (<c>System.BoaPort</c>), or null when it can: a port 1–65535 that
    /// is not the HTTP one (one socket cannot speak both).
    /// </summary>
    public static string? HttpsPortError(string value, int? httpPort) => ParsePort(value) switch
    {
        null => "not a port (1-65535)",
        var port when port == httpPort => "the HTTP port (System.BoaPort)",
        _ => null,
    };

    /// <summary>The HTTPS endpoint on the same host as an HTTP one, on <paramref name="port"/>.</summary>
    public static Uri? HttpsOf(Uri? http, int port = LabPort) => http is null ? null : new UriBuilder(http) { Scheme = Uri.UriSchemeHttps, Port = port }.Uri;

    private static int? ParsePort(string text) =>
        text.Length is > 0 and <= 5 && text.All(char.IsAsciiDigit) && int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) is var port and >= 1 and <= 65535 ? port : null;
}
