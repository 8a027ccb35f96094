using System.Globalization;
using System.Text;

namespace AxisEmulator.Lab.Ssdp;

/// <summary>
/// The SSDP datagrams a camera sends, header for header as libupnp ("Portable SDK for UPnP devices",
/// the stack in Axis firmware) writes them: the captured M-SEARCH answer of vapix-facts §10.2, and its
/// NOTIFY with NT/NTS in place of ST, no DATE, and CACHE-CONTROL and LOCATION kept in a byebye
/// (libupnp keeps them there for old Windows clients).
/// </summary>
internal static class SsdpMessages
{
    public const string Group = "239.255.255.250:1900";

    /// <summary>The cache time of every answer and announcement (the captured answer's max-age).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1800);

    /// <summary>SERVER of a current unit (HA's captured discovery of an AXIS OS 10 device); older ones show Linux/2.6.35 and SDK 1.6.18 ([E] for other firmware).</summary>
    public const string Server = "Linux/4.14.173-axis8, UPnP/1.0, Portable SDK for UPnP devices/1.8.7";

    public static byte[] SearchAnswer(SsdpTarget target, string location, string bootId, DateTimeOffset now) => Encode(
        "HTTP/1.1 200 OK",
        ("CACHE-CONTROL", CacheControl),
        ("DATE", now.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture)),
        ("EXT", ""),
        ("LOCATION", location),
        ("OPT", Opt),
        ("01-NLS", bootId),
        ("SERVER", Server),
        ("X-User-Agent", UserAgent),
        ("ST", target.Type),
        ("USN", target.Usn));

    public static byte[] Alive(SsdpTarget target, string location, string bootId) => Notify(target, location, bootId, "ssdp:alive");

    public static byte[] ByeBye(SsdpTarget target, string location, string bootId) => Notify(target, location, bootId, "ssdp:byebye");

    private const string Opt = "\"http://schemas.upnp.org/upnp/1/0/\"; ns=01";

    private const string UserAgent = "redsonic";

    private static string CacheControl => "max-age=" + ((int)MaxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    private static byte[] Notify(SsdpTarget target, string location, string bootId, string subType) => Encode(
        "NOTIFY * HTTP/1.1",
        ("HOST", Group),
        ("CACHE-CONTROL", CacheControl),
        ("LOCATION", location),
        ("OPT", Opt),
        ("01-NLS", bootId),
        ("NT", target.Type),
        ("NTS", subType),
        ("SERVER", Server),
        ("X-User-Agent", UserAgent),
        ("USN", target.Usn));

    private static byte[] Encode(string startLine, params (string Name, string Value)[] headers)
    {
        var text = new StringBuilder(startLine).Append("\r\n");
        foreach (var (name, value) in headers)
        {
            // An empty header is written bare ("EXT:"), as the capture shows it.
            text.Append(name).Append(':').Append(value.Length == 0 ? "" : " " + value).Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(text.Append("\r\n").ToString());
    }
}
