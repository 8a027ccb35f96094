using System.Text.Json.Nodes;
using AxisEmulator.Vapix.Json;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.Mqtt;

/// <summary>mqtt/client.cgi and mqtt/event.cgi over HTTP; their settings are stored in the device configuration.</summary>
internal static class MqttCgi
{
    public static Task<Reply> ClientAsync(VapixExchange exchange) =>
        JsonCgis.CallAsync(exchange, MqttClientApi.Spec, call => Task.FromResult(call.Dispatch(method =>
        {
            var serial = exchange.View.Identity.Serial;
            var mqtt = exchange.View.Config.Mqtt;
            return method switch
            {
                "getClientStatus" => call.Success(MqttClientApi.Status(mqtt.Client, mqtt.Active, serial)),
                "configureClient" => JsonParams.Guard(call, () =>
                {
                    var config = MqttClientApi.Configure(new DeviceJsonParams(call.Request?.Params), serial).ToJsonString();
                    Store(exchange, m => m with { Client = config }, "configureClient");
                    return call.Success(new JsonObject());
                }),
                "activateClient" => Switch(exchange, call, active: true),
                "deactivateClient" => Switch(exchange, call, active: false),
                _ => null,
            };
        })));

    public static Task<Reply> EventAsync(VapixExchange exchange) =>
        JsonCgis.CallAsync(exchange, MqttEventApi.Spec, call => Task.FromResult(call.Dispatch(method => method switch
        {
            "getEventPublicationConfig" => call.Success(MqttEventApi.Report(exchange.View.Config.Mqtt.EventPublication)),
            "configureEventPublication" => JsonParams.Guard(call, () =>
            {
                exchange.Camera.UpdateConfig(
                    config =>
                    {
                        var updated = MqttEventApi.Configure(new DeviceJsonParams(call.Request?.Params), config.Mqtt.EventPublication).ToJsonString();
                        return (config with { Mqtt = config.Mqtt with { EventPublication = updated } }, 0);
                    },
                    "mqtt/event.cgi: configureEventPublication");
                return call.Success(new JsonObject());
            }),
            _ => null,
        })));

    private static VapixResponse Switch(VapixExchange exchange, JsonApiCall call, bool active)
    {
        Store(exchange, m => m with { Active = active }, active ? "activateClient (no broker is contacted)" : "deactivateClient");
        return call.Success(new JsonObject());
    }

    private static void Store(VapixExchange exchange, Func<Core.Config.MqttSettings, Core.Config.MqttSettings> change, string what) =>
        exchange.Camera.UpdateConfig(config => (config with { Mqtt = change(config.Mqtt) }, 0), $"mqtt/client.cgi: {what}");
}
