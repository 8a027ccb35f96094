using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AxisEmulator.Vapix.Time;

/// <summary>
/// The device's time zone as stored (<c>DeviceSystemTime.TimeZone</c>): an IANA name (setTimeZone) or a
/// POSIX TZ string (setPosixTimeZone); they are mutually exclusive on the device (Time API docs).
/// </summary>
internal sealed partial record DeviceTimeZone(string Stored, TimeZoneInfo? Iana)
{
    public static DeviceTimeZone Of(string stored) =>
        new(stored, TimeZoneInfo.TryFindSystemTimeZoneById(stored, out var zone) ? zone : null);

    /// <summary>The IANA name, or "" when the zone was given in POSIX form.</summary>
    public string IanaName => Iana is null ? "" : Stored;

    /// <summary>
    /// The POSIX form: given, or for an IANA zone the rule tzdata itself records at the end of the zone
    /// file (e.g. <c>CET-1CEST,M3.5.0,M10.5.0/3</c>); <c>UTC0</c> when tzdata has none.
    /// </summary>
    public string Posix => Iana is null ? Stored : TzdataFooter(Stored) ?? "UTC0";

    public TimeSpan OffsetAt(DateTimeOffset utc) => Iana?.GetUtcOffset(utc) ?? PosixStandardOffset(Stored) ?? TimeSpan.Zero;

    public static bool IsIana(string name) => TimeZoneInfo.TryFindSystemTimeZoneById(name, out _);

    /// <summary>
    /// The standard offset of a POSIX TZ string (<c>STD[+-]hh[:mm[:ss]]</c>, POSIX signs: west positive);
    /// null when it is not one. [E] The DST part is accepted but not applied to local time.
    /// </summary>
    public static TimeSpan? PosixStandardOffset(string posix)
    {
        var match = PosixPattern().Match(posix);
        if (!match.Success)
        {
            return null;
        }

        var hours = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minutes = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (hours > 24 || minutes > 59)
        {
            return null;
        }

        var west = new TimeSpan(hours, minutes, 0);
        return match.Groups["sign"].Value == "-" ? west : -west;
    }

    private static string? TzdataFooter(string name)
    {
        try
        {
            var bytes = File.ReadAllBytes(Path.Combine("/usr/share/zoneinfo", name));
            var text = Encoding.ASCII.GetString(bytes).TrimEnd('\n');
            var start = text.LastIndexOf('\n');
            var footer = start < 0 ? "" : text[(start + 1)..];
            return footer.Length > 0 && PosixStandardOffset(footer) is not null ? footer : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^(?:[A-Za-z]{3,}|<[A-Za-z0-9+-]{3,}>)(?<sign>[+-]?)(?<h>\d{1,2})(?::(?<m>\d{2})(?::\d{2})?)?(?:(?:[A-Za-z]{3,}|<[A-Za-z0-9+-]{3,}>)(?:[+-]?\d{1,2}(?::\d{2}){0,2})?(?:,[JM]?[\d.]+(?:/[+-]?\d{1,3}(?::\d{2}){0,2})?,[JM]?[\d.]+(?:/[+-]?\d{1,3}(?::\d{2}){0,2})?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PosixPattern();
}
