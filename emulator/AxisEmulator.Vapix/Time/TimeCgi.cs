using System.Text.Json.Nodes;
using AxisEmulator.Vapix.Json;
using AxisEmulator.Vapix.Parameters;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.Time;

/// <summary>time.cgi: the device clock (simulated time plus the stored offset) and its time zone.</summary>
internal static class TimeCgi
{
    /// <summary>[E] What resetTimeZone returns to (the factory zone).</summary>
    public const string FactoryZone = "UTC";

    public static Task<Reply> HandleAsync(VapixExchange exchange) =>
        JsonCgis.CallAsync(exchange, TimeApi.Spec, call => Task.FromResult(call.Dispatch(method =>
        {
            var read = new JsonParams(call.Request?.Params, TimeApi.Spec.Errors);
            return method switch
            {
                "getDateTimeInfo" => call.Success(Info(exchange).ToJson()),
                "getAll" => call.Success(WithZoneList(Info(exchange).ToJson())),
                "setDateTime" => JsonParams.Guard(call, () => Done(call, SetDateTime(exchange, read))),
                "setTimeZone" => JsonParams.Guard(call, () => Done(call, SetTimeZone(exchange, read.String("timeZone"), read))),
                "setPosixTimeZone" => JsonParams.Guard(call, () => Done(call, SetPosixTimeZone(exchange, read))),
                "resetTimeZone" => Done(call, SetTimeZone(exchange, FactoryZone, read)),
                _ => null,
            };
        })));

    public static DateTimeInfo Info(VapixExchange exchange) => DateTimeInfo.Of(exchange.Camera.SystemTime, exchange.Device.View().Config.Parameters);

    public static bool SetDateTime(VapixExchange exchange, JsonParams read)
    {
        var text = read.String("dateTime");
        if (!DateTimeInfo.TryParseUtc(text, out var utc))
        {
            throw read.InvalidValue("dateTime");
        }

        exchange.Camera.SystemTime.Set(utc);
        return true;
    }

    public static bool SetTimeZone(VapixExchange exchange, string zone, JsonParams read)
    {
        if (!DeviceTimeZone.IsIana(zone))
        {
            throw read.InvalidValue("timeZone");
        }

        exchange.Camera.SystemTime.SetTimeZone(zone);
        return true;
    }

    private static bool SetPosixTimeZone(VapixExchange exchange, JsonParams read)
    {
        var posix = read.String("posixTimeZone");
        if (DeviceTimeZone.PosixStandardOffset(posix) is null)
        {
            throw read.InvalidValue("posixTimeZone");
        }

        var dst = read.OptionalBool("enableDst");
        exchange.Camera.SystemTime.SetTimeZone(posix);
        if (dst is { } enabled)
        {
            ParameterChanges.Store(exchange.Camera, [new ParameterChange(DateTimeInfo.DstParameter, enabled ? "yes" : "no")], "time.cgi: DST");
        }

        return true;
    }

    private static VapixResponse Done(JsonApiCall call, bool _) => call.Success(new JsonObject());

    private static JsonObject WithZoneList(JsonObject info)
    {
        // [E] member name; the documented content is the IANA zones the device knows.
        info["timeZones"] = new JsonArray([.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Order().Select(id => (JsonNode?)id)]);
        return info;
    }
}
