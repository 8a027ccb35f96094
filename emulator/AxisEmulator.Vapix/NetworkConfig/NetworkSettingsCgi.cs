using AxisEmulator.Vapix.Json;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.NetworkConfig;

/// <summary><c>/axis-cgi/network_settings.cgi</c>: <c>getNetworkInfo</c> and the setters a provisioning tool calls.</summary>
internal static class NetworkSettingsCgi
{
    public const string Path = "/axis-cgi/network_settings.cgi";

    public static Task<Reply> HandleAsync(VapixExchange exchange) =>
        JsonCgis.CallAsync(exchange, NetworkSettingsApi.Spec, call => Task.FromResult(call.Dispatch(method =>
        {
            if (method == "getNetworkInfo")
            {
                return call.Success(NetworkSettingsApi.NetworkInfo(exchange.View.Identity, exchange.View.NetworkState));
            }

            var read = new JsonParams(call.Request?.Params, NetworkSettingsApi.Spec.Errors);
            Func<JsonParams, IReadOnlyList<Parameters.ParameterChange>>? setter = method switch
            {
                "setIPv4AddressConfiguration" => NetworkSettingsChanges.Ipv4,
                "setHostnameConfiguration" => NetworkSettingsChanges.HostName,
                "setResolverConfiguration" => NetworkSettingsChanges.Resolver,
                _ => null,
            };
            return setter is null ? null : JsonParams.Guard(call, () =>
            {
                ParameterChanges.Store(exchange.Camera, setter(read), $"network_settings.cgi: {method}");
                return call.Success(new System.Text.Json.Nodes.JsonObject());
            });
        })));
}
