using System.Net;
using System.Net.Sockets;

namespace AxisEmulator.Core.Fleet;

/// <summary>
/// A DHCP pool as people write it, in a fleet file or on the command line: <c>first-last</c>, two
/// dotted-quad IPv4 addresses. Each reader words its own errors; what counts as a pool is decided here.
/// </summary>
public readonly record struct DhcpPoolRange(string First, string Last)
{
    public const string Example = "192.168.0.100-192.168.0.199";

    /// <summary>The last address comes before the first: a pool with no addresses.</summary>
    public bool EndsBeforeStart => ToNumber(Last) < ToNumber(First);

    /// <summary>The two addresses of <paramref name="text"/>, trimmed; null when it is not two IPv4 addresses joined by '-'.</summary>
    public static DhcpPoolRange? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        return parts.Length == 2 && IsDottedQuad(parts[0]) && IsDottedQuad(parts[1]) ? new DhcpPoolRange(parts[0], parts[1]) : null;
    }

    public override string ToString() => $"{First}-{Last}";

    // IPAddress.TryParse also takes "10.1" and "167772161"; a pool is written with all four parts.
    private static bool IsDottedQuad(string text) =>
        IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetwork && text.Count(c => c == '.') == 3;

    private static uint ToNumber(string address)
    {
        var bytes = IPAddress.Parse(address).GetAddressBytes();
        return (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
    }
}
