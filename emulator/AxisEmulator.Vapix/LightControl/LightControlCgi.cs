using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.LightControl;

/// <summary>lightcontrol.cgi over HTTP; light settings are stored in the device configuration.</summary>
internal static class LightControlCgi
{
    public static Task<Reply> HandleAsync(VapixExchange exchange) =>
        JsonCgis.CallAsync(exchange, LightControlApi.Spec, call =>
        {
            var lights = LightHardware.LightsOf(exchange.View.Identity.Profile);
            var response = exchange.Camera.UpdateConfig(
                config =>
                {
                    var outcome = LightControlApi.Handle(call, lights, config.Lights);
                    return (outcome.Changed is { } changed ? config with { Lights = changed } : config, outcome.Response);
                },
                $"lightcontrol.cgi: {call.Method}");
            return Task.FromResult(response);
        });
}
