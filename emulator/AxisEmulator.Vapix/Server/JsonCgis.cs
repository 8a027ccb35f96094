using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Json;

namespace AxisEmulator.Vapix.Server;

/// <summary>The JSON CGIs that only read the device: systemready, basicdeviceinfo, apidiscovery, network_settings.</summary>
internal static class JsonCgis
{
    /// <summary>
    /// A POST-only JSON CGI: parse the envelope, check the access its method needs, refuse other HTTP
    /// methods with the CGI's JSON error (bdi documents 2002), then dispatch.
    /// </summary>
    public static async Task<Reply> CallAsync(VapixExchange exchange, JsonApiSpec spec, Func<JsonApiCall, Task<VapixResponse>> dispatch)
    {
        var body = exchange.IsPost ? await exchange.BodyAsync() : null;
        var call = JsonApiCall.Parse(spec, exchange.View.Personality, body);
        var required = call.RequiredAccess;
        if (exchange.IsPost && string.IsNullOrWhiteSpace(body) && exchange.Http.Request.Headers.Authorization.Count == 0)
        {
            // An empty anonymous POST is how curl --digest probes for the challenge before sending
            // the body: challenge for the most any method of this CGI needs, or it never logs in.
            required = spec.Methods.Values.Append(required).Max();
        }

        if (exchange.Authorize(required, json: true) is { } refusal)
        {
            return refusal;
        }

        if (!exchange.IsPost)
        {
            return Reply.From(call.Fail(OnlyPost(spec)));
        }

        return Reply.From(call.Rejection ?? await dispatch(call));
    }

    /// <summary>The "wrong HTTP method" error of each JSON family (bdi/apidiscovery documented; the others modelled, [E]).</summary>
    public static JsonError OnlyPost(JsonApiSpec spec) =>
        spec.Errors == JsonErrorSet.Firmware ? FirmwareManagementErrors.BadRequest
        : spec.Errors == JsonErrorSet.Network ? new JsonError(2000, "Invalid request")
        : new JsonError(2002, "HTTP request types are not supported. Only POST is supported.");

    public static Task<Reply> SystemReadyAsync(VapixExchange exchange) =>
        CallAsync(exchange, SystemReadyApi.Spec, async call =>
        {
            var device = exchange.Device;
            if (call.Method == "systemready" && exchange.Camera.Phase == DevicePhase.NetworkUp && SystemReadyApi.RequestedTimeout(call) is { } timeout)
            {
                var max = exchange.Options.MaxSystemReadyWait;
                await device.WaitUntilReadyAsync(timeout < max ? timeout : max, exchange.Aborted);
                exchange.View = device.View();
            }

            return SystemReadyApi.Handle(call, StateOf(exchange.Camera, exchange.View));
        });

    public static Task<Reply> BasicDeviceInfoAsync(VapixExchange exchange) =>
        CallAsync(exchange, BasicDeviceInfoApi.Spec, call => Task.FromResult(BasicDeviceInfoApi.Handle(call, exchange.View.Identity)));

    public static Task<Reply> ApiDiscoveryAsync(VapixExchange exchange) =>
        CallAsync(exchange, ApiDiscoveryApi.Spec, call => Task.FromResult(
            ApiDiscoveryApi.Handle(call, ApiDiscoveryApi.ApiListFor(exchange.View.Identity, exchange.Device.Services.Data))));

    /// <summary>
    /// What systemready reports: ready once the phase is ready (or upgrading, when the old image still
    /// runs), setup mode while no admin exists, and on 11.x+ a two-hour <c>previewmode</c> with it
    /// (vapix-facts §7: <c>"previewmode":"7200"</c> on factory-fresh devices).
    /// </summary>
    private static SystemReadyState StateOf(Device camera, DeviceView view)
    {
        var phase = camera.Phase;
        var needSetup = view.Config.NeedsSetup;
        return new SystemReadyState(
            Ready: phase is DevicePhase.Ready or DevicePhase.Upgrading,
            NeedSetup: needSetup,
            Uptime: camera.Uptime,
            BootId: Guid.TryParse(camera.BootId, out var bootId) ? bootId : Guid.Empty)
        {
            PreviewModeSeconds = needSetup && view.Personality != FirmwarePersonality.Os10 ? 7200 : null,
        };
    }
}
