using System.Text.Json.Nodes;
using AxisEmulator.Vapix.Json;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.Ntp;

/// <summary>ntp.cgi over HTTP: reads from the parameter tree, stores through the parameter changes param.cgi uses.</summary>
internal static class NtpCgi
{
    public static Task<Reply> HandleAsync(VapixExchange exchange) =>
        JsonCgis.CallAsync(exchange, NtpApi.Spec, call => Task.FromResult(call.Dispatch(method => method switch
        {
            "getNTPInfo" => call.Success(NtpApi.Info(exchange.View.Tree)),
            "setNTPClientConfiguration" => JsonParams.Guard(call, () =>
            {
                ParameterChanges.Store(exchange.Camera, NtpApi.ClientChanges(new JsonParams(call.Request?.Params, NtpApi.Spec.Errors)), "ntp.cgi: client configuration");
                return call.Success(new JsonObject());
            }),
            _ => null,
        })));
}
