using System.Text.Json.Nodes;
using AxisEmulator.Vapix.Json;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.FeatureFlags;

/// <summary>featureflag.cgi over HTTP; flag values are stored in the device configuration.</summary>
internal static class FeatureFlagCgi
{
    public static Task<Reply> HandleAsync(VapixExchange exchange) =>
        JsonCgis.CallAsync(exchange, FeatureFlagApi.Spec, call => Task.FromResult(call.Dispatch(method =>
        {
            var personality = exchange.View.Personality;
            var read = new JsonParams(call.Request?.Params, FeatureFlagApi.Spec.Errors);
            return method switch
            {
                "listAll" => call.Success(FeatureFlagApi.ListAll(personality, exchange.View.Config.FeatureFlags)),
                "get" => JsonParams.Guard(call, () => call.Success(FeatureFlagApi.Get(read, personality, exchange.View.Config.FeatureFlags))),
                "set" => JsonParams.Guard(call, () =>
                {
                    exchange.Camera.UpdateConfig(
                        config => (config with { FeatureFlags = FeatureFlagApi.Set(read, personality, config.FeatureFlags) }, 0),
                        "featureflag.cgi: set");
                    return call.Success(new JsonObject());
                }),
                _ => null,
            };
        })));
}
