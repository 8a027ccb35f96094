using System.Globalization;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Server;
using AxisEmulator.Vapix.Text;

namespace AxisEmulator.Vapix.Time;

/// <summary>
/// <c>/axis-cgi/admin/date.cgi</c>, the VAPIX 2 clock CGI, removed in AXIS OS 11.0 (404 on 12.11,
/// vapix-facts §9.7): <c>action=get</c> answers the UTC date and time; <c>action=set</c> takes
/// <c>year, month, day, hour, minute, second</c> (UTC). [E] texts modelled: <c>OK</c> and
/// <c>Error: &lt;reason&gt;</c>, text/plain.
/// </summary>
internal static class DateCgi
{
    private static readonly string[] Fields = ["year", "month", "day", "hour", "minute", "second"];

    public static async Task<Reply> HandleAsync(VapixExchange exchange)
    {
        if (exchange.View.Personality != FirmwarePersonality.Os10)
        {
            return ApachePages.NotFound();
        }

        var args = await exchange.FormAsync();
        if (exchange.Authorize(AccessLevel.Admin, json: false) is { } refusal)
        {
            return refusal;
        }

        switch (args["action"])
        {
            case "get":
                var now = TimeCgi.Info(exchange).Utc;
                return Text(now.ToString("MMM dd, yyyy HH:mm:ss", CultureInfo.InvariantCulture));
            case "set":
                var values = new int[Fields.Length];
                for (var i = 0; i < Fields.Length; i++)
                {
                    if (!int.TryParse(args[Fields[i]], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
                    {
                        return Text($"Error: invalid {Fields[i]}");
                    }
                }

                try
                {
                    exchange.Camera.SystemTime.Set(new DateTimeOffset(values[0], values[1], values[2], values[3], values[4], values[5], TimeSpan.Zero));
                }
                catch (ArgumentOutOfRangeException)
                {
                    return Text("Error: invalid date");
                }

                return Text("OK");
            default:
                return Text("Error: invalid action");
        }
    }

    private static Reply Text(string line) => Reply.Text(200, VapixContentTypes.Text, line + "\n");
}
