using System.Text.Json;
using System.Text.Json.Nodes;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Json;
using AxisEmulator.Vapix.Rest;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.Time;

/// <summary>
/// <c>/config/rest/time/v2</c> (AXIS OS 12.4+, replaces time.cgi; listed in <c>/config/discover</c> on
/// 12.9). GET the whole model or one property; PATCH <c>dateTime</c> or
/// <c>timeZone/iana/timeZone</c> / <c>timeZone/posix/timeZone</c> with <c>{"data": value}</c>.
/// [E] the model is reduced to what a provisioning tool sets.
/// </summary>
internal static class TimeRest
{
    public const string Path = "/config/rest/time/v2";

    private static readonly Version Introduced = new(12, 4);

    public static async Task<Reply> HandleAsync(VapixExchange exchange)
    {
        if (!FirmwareVersion.TryParse(exchange.View.Identity.FirmwareVersion, out var version) || version < Introduced)
        {
            return ApachePages.NotFound();
        }

        if (RestCall.Authorize(exchange, Path, out var refusal) is not { } call)
        {
            return refusal!;
        }

        var property = string.Join('/', call.Segments);
        if (call.IsRead)
        {
            return Find(Model(TimeCgi.Info(exchange)), call.Segments) is { } node ? RestCall.Success(node.DeepClone()) : RestCall.NotFound();
        }

        if (call.Method != "PATCH")
        {
            return RestCall.MethodNotAllowed();
        }

        var text = await call.DataAsync() is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        var read = new JsonParams(new JsonObject(), TimeApi.Spec.Errors);
        try
        {
            switch (property)
            {
                case "dateTime" when text is not null && DateTimeInfo.TryParseUtc(text, out var utc):
                    exchange.Camera.SystemTime.Set(utc);
                    break;
                case "timeZone/iana/timeZone" when text is not null && DeviceTimeZone.IsIana(text):
                    TimeCgi.SetTimeZone(exchange, text, read);
                    break;
                case "timeZone/posix/timeZone" when text is not null && DeviceTimeZone.PosixStandardOffset(text) is not null:
                    exchange.Camera.SystemTime.SetTimeZone(text);
                    break;
                case "dateTime" or "timeZone/iana/timeZone" or "timeZone/posix/timeZone":
                    return RestCall.BadData();
                default:
                    return Find(Model(TimeCgi.Info(exchange)), call.Segments) is null ? RestCall.NotFound() : RestCall.MethodNotAllowed();
            }
        }
        catch (JsonParamException)
        {
            return RestCall.BadData();
        }

        return RestCall.Success();
    }

    private static JsonObject Model(DateTimeInfo info) => new()
    {
        ["dateTime"] = info.UtcText,
        ["localDateTime"] = info.LocalText,
        ["timeZone"] = new JsonObject
        {
            ["activeTimeZone"] = info.Zone.Iana is null ? info.Zone.Posix : info.Zone.IanaName,
            ["iana"] = new JsonObject { ["timeZone"] = info.Zone.IanaName },
            ["posix"] = new JsonObject { ["timeZone"] = info.Zone.Posix, ["enableDst"] = info.DstEnabled },
        },
    };

    private static JsonNode? Find(JsonNode model, IReadOnlyList<string> segments)
    {
        JsonNode? node = model;
        foreach (var segment in segments)
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(segment, out var child) ? child : null;
        }

        return node;
    }
}
