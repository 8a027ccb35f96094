using System.Globalization;
using System.Text;

namespace AxisEmulator.Lab.Ssdp;

/// <summary>
/// An M-SEARCH request (UPnP Device Architecture 1.1 §1.3.2): what it searches for (ST) and how long
/// the asker waits for answers (MX, in seconds; null when the request has none).
/// </summary>
internal sealed record SsdpSearch(string Target, int? MaxWaitSeconds)
{
    /// <summary>UDA 1.1: an MX over 5 is taken as 5.</summary>
    public const int MaxWaitCap = 5;

    /// <summary>
    /// The search a datagram asks, or null when it is no M-SEARCH or a malformed one (never throws:
    /// it reads whatever arrives on the group). Read loosely, as tools write it: header names in any
    /// case, spaces around values, bare LF line ends, MAN with or without its quotes (libupnp, the
    /// stack Axis firmware answers with, wants the quotes; being lenient here costs no client
    /// anything). Refused: another method, no ST, no MAN or another one, an MX that is no number
    /// or below 0.
    /// </summary>
    public static SsdpSearch? Parse(ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length is 0 or > 8192)
        {
            return null;
        }

        var lines = Encoding.Latin1.GetString(datagram).Split('\n');
        var request = lines[0].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (request is not [var method, "*", var version] || !method.Equals("M-SEARCH", StringComparison.OrdinalIgnoreCase)
            || !version.StartsWith("HTTP/1.", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1).Select(l => l.TrimEnd('\r')))
        {
            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return null;
            }

            headers.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }

        if (!headers.TryGetValue("MAN", out var man) || !man.Trim('"').Equals("ssdp:discover", StringComparison.OrdinalIgnoreCase)
            || !headers.TryGetValue("ST", out var target) || target.Length == 0)
        {
            return null;
        }

        if (!headers.TryGetValue("MX", out var mx))
        {
            return new SsdpSearch(target, null);
        }

        return int.TryParse(mx, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? new SsdpSearch(target, Math.Min(seconds, MaxWaitCap))
            : null;
    }
}
