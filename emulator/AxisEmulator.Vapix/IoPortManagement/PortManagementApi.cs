using System.Text.Json.Nodes;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Json;
using AxisEmulator.Vapix.Parameters;

namespace AxisEmulator.Vapix.IoPortManagement;

/// <summary>
/// <c>/axis-cgi/io/portmanagement.cgi</c> (id <c>io-port-management</c>, 1.1 on every captured
/// device): getPorts, setPorts, setStateSequence. The ports are the device's <c>IOPort</c>
/// parameters; setPorts stores through them. Answer shape as HA's mock of a real device
/// (vapix-facts §9.3); access levels modelled ([E]: reading for viewers, configuring for admins).
/// </summary>
public static class PortManagementApi
{
    private static readonly string[] States = ["open", "closed"];

    public static JsonApiSpec Spec { get; } = new()
    {
        Id = "io-port-management",
        Layout = JsonLayout.Spaced,
        TrailingNewline = false,
        MethodEcho = MethodEcho.AfterContext,
        Errors = DeviceJsonErrors.Set,
        Versions = JsonApiSpec.OnEveryPersonality(new ApiVersion(1, 1)),
        Methods = new Dictionary<string, AccessLevel>(StringComparer.Ordinal)
        {
            ["getPorts"] = AccessLevel.Viewer,
            ["setPorts"] = AccessLevel.Admin,
            ["setStateSequence"] = AccessLevel.Operator,
            [JsonApiSpec.GetSupportedVersions] = AccessLevel.Anonymous,
        },
    };

    public static ParameterOutcome Handle(JsonApiCall call, ParameterTree tree)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(tree);
        var ports = IoPort.AllIn(tree);
        IReadOnlyList<ParameterChange> changes = [];
        var response = call.Dispatch(method => method switch
        {
            "getPorts" => call.Success(PortList(ports)),
            "setPorts" => SetPorts(call, ports, out changes),
            "setStateSequence" => StateSequence(call, ports),
            _ => null,
        });
        return new ParameterOutcome(response, changes);
    }

    private static JsonObject PortList(IReadOnlyList<IoPort> ports) => new()
    {
        ["numberOfPorts"] = ports.Count,
        ["items"] = new JsonArray([.. ports.Select(p => (JsonNode)new JsonObject
        {
            ["port"] = p.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["configurable"] = p.Configurable,
            ["usage"] = p.Usage,
            ["name"] = p.Name,
            ["direction"] = p.Direction,
            ["state"] = p.NormalState, // nothing drives the ports: each rests in its normal state
            ["normalState"] = p.NormalState,
        })]),
    };

    /// <summary>All ports are checked before any is changed: a bad entry changes nothing.</summary>
    private static VapixResponse SetPorts(JsonApiCall call, IReadOnlyList<IoPort> ports, out IReadOnlyList<ParameterChange> changes)
    {
        changes = [];
        if (call.Request?.Params?["ports"] is not JsonArray requested)
        {
            return call.Fail(DeviceJsonErrors.Missing("ports"));
        }

        var updated = new List<IoPort>();
        foreach (var entry in requested)
        {
            if (entry is not JsonObject item || Find(ports, Text(item["port"])) is not { } port)
            {
                return call.Fail(DeviceJsonErrors.InvalidValue("port", Text(entry is JsonObject o ? o["port"] : entry)));
            }

            var direction = Text(item["direction"]) ?? port.Direction;
            if (direction != port.Direction && (!port.Configurable || direction is not ("input" or "output")))
            {
                return call.Fail(DeviceJsonErrors.InvalidValue("direction", direction));
            }

            var normalState = Text(item["normalState"]) ?? port.NormalState;
            if (!States.Contains(normalState))
            {
                return call.Fail(DeviceJsonErrors.InvalidValue("normalState", normalState));
            }

            updated.Add(port with
            {
                Direction = direction,
                NormalState = normalState,
                Name = Text(item["name"]) ?? port.Name,
                Usage = Text(item["usage"]) ?? port.Usage,
            });
        }

        changes = [.. updated.SelectMany(p => p.ToParameters())];
        return call.Success(new JsonObject());
    }

    /// <summary>Checked like the device does (an output port, states open/closed, non-negative delays); the states are not simulated.</summary>
    private static VapixResponse StateSequence(JsonApiCall call, IReadOnlyList<IoPort> ports)
    {
        var port = Find(ports, Text(call.Request?.Params?["port"]));
        if (port is null || port.Direction != "output")
        {
            return call.Fail(DeviceJsonErrors.InvalidValue("port", Text(call.Request?.Params?["port"])));
        }

        if (call.Request?.Params?["sequence"] is not JsonArray sequence || sequence.Count == 0)
        {
            return call.Fail(DeviceJsonErrors.Missing("sequence"));
        }

        foreach (var step in sequence)
        {
            var state = Text(step?["state"]);
            if (!States.Contains(state) || step?["time"] is not JsonValue time || !time.TryGetValue<int>(out var ms) || ms < 0)
            {
                return call.Fail(DeviceJsonErrors.InvalidValue("sequence", step?.ToJsonString()));
            }
        }

        return call.Success(new JsonObject());
    }

    private static IoPort? Find(IReadOnlyList<IoPort> ports, string? id) => ports.FirstOrDefault(p => p.Prefix == $"IOPort.I{id}.");

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
