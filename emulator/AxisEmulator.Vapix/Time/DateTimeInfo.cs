using System.Globalization;
using System.Text.Json.Nodes;
using AxisEmulator.Core.Clock;

namespace AxisEmulator.Vapix.Time;

/// <summary>What the device says about its clock, once for time.cgi, the REST time API and date.cgi.</summary>
internal sealed record DateTimeInfo(DateTimeOffset Utc, DeviceTimeZone Zone, bool DstEnabled)
{
    public const string DstParameter = "Time.DST.Enabled";

    public static DateTimeInfo Of(DeviceSystemTime clock, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(parameters);
        var utc = clock.UtcNow;
        return new DateTimeInfo(new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero), DeviceTimeZone.Of(clock.TimeZone), parameters.GetValueOrDefault(DstParameter) != "no");
    }

    public DateTimeOffset Local => Utc.ToOffset(Zone.OffsetAt(Utc));

    public string UtcText => Utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public string LocalText => Local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>time.cgi <c>getDateTimeInfo</c> data ([E] member set as documented; order modelled).</summary>
    public JsonObject ToJson() => new()
    {
        ["dateTime"] = UtcText,
        ["dstEnabled"] = DstEnabled,
        ["localDateTime"] = LocalText,
        ["posixTimeZone"] = Zone.Posix,
        ["timeZone"] = Zone.IanaName,
    };

    /// <summary><c>YYYY-MM-DDThh:mm:ssZ</c> exactly, as the Time API takes it.</summary>
    public static bool TryParseUtc(string text, out DateTimeOffset utc) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out utc);
}
