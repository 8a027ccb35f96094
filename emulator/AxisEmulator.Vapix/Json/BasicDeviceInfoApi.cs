using System.Text.Json.Nodes;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Snapshots;

namespace AxisEmulator.Vapix.Json;

/// <summary>
/// <c>/axis-cgi/basicdeviceinfo.cgi</c> (vapix-facts §3): the device's identity, from profile and
/// serial. Answers carry no <c>method</c> key; version 1.3 on every captured AXIS OS.
/// </summary>
public static class BasicDeviceInfoApi
{
    public static JsonApiSpec Spec { get; } = new()
    {
        Id = "basic-device-info",
        Layout = JsonLayout.Spaced,
        TrailingNewline = true,
        MethodEcho = MethodEcho.None,
        Errors = JsonErrorSet.Classic,
        Versions = JsonApiSpec.OnEveryPersonality(new ApiVersion(1, 3)),
        Methods = new Dictionary<string, AccessLevel>(StringComparer.Ordinal)
        {
            ["getAllProperties"] = AccessLevel.Operator,
            ["getProperties"] = AccessLevel.Operator,
            ["getAllUnrestrictedProperties"] = AccessLevel.Anonymous,
            [JsonApiSpec.GetSupportedVersions] = AccessLevel.Anonymous,
        },
    };

    /// <summary>Properties only an operator may read; the rest are the unrestricted set.</summary>
    private static readonly HashSet<string> Restricted = new(StringComparer.Ordinal) { "Architecture", "Soc", "SocSerialNumber" };

    public static VapixResponse Handle(JsonApiCall call, VapixIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Dispatch(method =>
        {
            var all = Properties(identity);
            return method switch
            {
                "getAllProperties" => call.Success(PropertyList(all)),
                "getAllUnrestrictedProperties" => call.Success(PropertyList(all.Where(p => !Restricted.Contains(p.Key)))),
                "getProperties" => GetProperties(call, all),
                _ => null,
            };
        });
    }

    /// <summary>In the order every captured device sends them.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Properties(VapixIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var profile = identity.Profile;
        return
        [
            new("Architecture", profile.Firmware.Architecture),
            new("ProdNbr", profile.Model),
            new("HardwareID", identity.HardwareId),
            new("ProdFullName", profile.ProductFullName),
            new("Version", profile.Firmware.Version),
            new("ProdType", profile.ProductType),
            new("SocSerialNumber", identity.EffectiveSocSerialNumber),
            new("Soc", profile.Firmware.Soc),
            new("Brand", "AXIS"),
            new("WebURL", identity.WebUrl),
            new("ProdVariant", identity.ProductVariant),
            new("SerialNumber", identity.Serial),
            new("ProdShortName", identity.ProductShortName),
            new("BuildDate", profile.Firmware.BuildDate),
        ];
    }

    /// <summary><c>{"propertyList":["Brand","ProdNbr"]}</c>: the named ones, in the order asked; an unknown name is error 1000.</summary>
    private static VapixResponse GetProperties(JsonApiCall call, IReadOnlyList<KeyValuePair<string, string>> all)
    {
        if (call.Request?.Params?["propertyList"] is not JsonArray names)
        {
            return call.Fail(Spec.Errors.MissingParameterError("propertyList"));
        }

        var selected = new List<KeyValuePair<string, string>>();
        foreach (var node in names)
        {
            var name = node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString() ?? "null";
            var match = all.FirstOrDefault(p => p.Key == name);
            if (match.Key is null)
            {
                return call.Fail(new JsonError(1000, $"Property not supported: {name}"));
            }

            selected.Add(match);
        }

        return call.Success(PropertyList(selected));
    }

    private static JsonObject PropertyList(IEnumerable<KeyValuePair<string, string>> properties)
    {
        var list = new JsonObject();
        foreach (var (name, value) in properties)
        {
            list[name] = value;
        }

        return new JsonObject { ["propertyList"] = list };
    }
}
