using AxisEmulator.Vapix.Json;
using AxisEmulator.Vapix.Parameters;

namespace AxisEmulator.Vapix.Server;

/// <summary>
/// A JSON CGI whose state is the device's parameters: it answers from the tree and its changes are
/// stored like param.cgi's (so both views agree, and the acknowledged change is on disk first).
/// </summary>
internal static class ParameterBackedCgi
{
    public static Task<Reply> CallAsync(VapixExchange exchange, JsonApiSpec spec, Func<JsonApiCall, ParameterTree, ParameterOutcome> handle) =>
        JsonCgis.CallAsync(exchange, spec, call =>
        {
            var outcome = handle(call, exchange.View.Tree);
            if (outcome.Changes.Count > 0)
            {
                ParameterChanges.Store(exchange.Camera, outcome.Changes, $"{exchange.Target.Path}: {call.Method}");
            }

            return Task.FromResult(outcome.Response);
        });
}
