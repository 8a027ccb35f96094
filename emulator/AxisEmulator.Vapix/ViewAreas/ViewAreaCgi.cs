using AxisEmulator.Vapix.Json;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.ViewAreas;

/// <summary>viewarea/info.cgi and viewarea/configure.cgi over HTTP; geometries are stored in the device configuration.</summary>
internal static class ViewAreaCgi
{
    public static Task<Reply> InfoAsync(VapixExchange exchange) =>
        JsonCgis.CallAsync(exchange, ViewAreaApi.InfoSpec, call => Task.FromResult(call.Dispatch(method => method switch
        {
            "list" => call.Success(ViewAreaApi.List(ViewArea.AllIn(exchange.View.Tree), exchange.View.Config.ViewAreas)),
            _ => null,
        })));

    public static Task<Reply> ConfigureAsync(VapixExchange exchange) =>
        JsonCgis.CallAsync(exchange, ViewAreaApi.ConfigureSpec, call => Task.FromResult(call.Dispatch(method =>
        {
            var areas = ViewArea.AllIn(exchange.View.Tree);
            var read = new DeviceJsonParams(call.Request?.Params);
            return method switch
            {
                "setGeometry" => JsonParams.Guard(call, () =>
                {
                    var geometry = exchange.Camera.UpdateConfig(
                        config =>
                        {
                            var (changed, stored) = ViewAreaApi.SetGeometry(read, areas, config.ViewAreas);
                            return (config with { ViewAreas = stored }, changed);
                        },
                        "viewarea/configure.cgi: setGeometry");
                    return call.Success(ViewAreaApi.Listing([areas.Single(a => a.Id == geometry.Id).ToJson(geometry)]));
                }),
                "resetGeometry" => JsonParams.Guard(call, () =>
                {
                    var area = exchange.Camera.UpdateConfig(
                        config =>
                        {
                            var (reset, stored) = ViewAreaApi.ResetGeometry(read, areas, config.ViewAreas);
                            return (config with { ViewAreas = stored }, reset);
                        },
                        "viewarea/configure.cgi: resetGeometry");
                    return call.Success(ViewAreaApi.Listing([area.ToJson(null)]));
                }),
                _ => null,
            };
        })));
}
