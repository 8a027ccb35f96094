using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Data;
using AxisEmulator.Vapix.LightControl;
using AxisEmulator.Vapix.ServedApis;
using AxisEmulator.Vapix.Snapshots;

namespace AxisEmulator.Vapix.Json;

/// <summary>
/// <c>/axis-cgi/apidiscovery.cgi</c> (vapix-facts §4): the APIs the device offers. Anonymous, except
/// on AXIS OS 9.80/10.12 where it needs a login. Version 1.1 everywhere captured.
/// </summary>
public static class ApiDiscoveryApi
{
    public static JsonApiSpec Spec { get; } = new()
    {
        Id = "api-discovery",
        Layout = JsonLayout.Spaced,
        TrailingNewline = true,
        MethodEcho = MethodEcho.First,
        Errors = JsonErrorSet.Classic,
        Versions = JsonApiSpec.OnEveryPersonality(new ApiVersion(1, 1)),
        Methods = new Dictionary<string, AccessLevel>(StringComparer.Ordinal)
        {
            ["getApiList"] = AccessLevel.Anonymous,
            [JsonApiSpec.GetSupportedVersions] = AccessLevel.Anonymous,
        },
        MinimumAccess = new Dictionary<FirmwarePersonality, AccessLevel> { [FirmwarePersonality.Os10] = AccessLevel.Viewer },
    };

    /// <summary>
    /// The device's API list: its model's capture on that firmware line, else the personality default,
    /// less the APIs the emulator does not serve (the honesty rule, <see cref="ServedApiTable"/>).
    /// </summary>
    public static JsonArray ApiListFor(VapixIdentity identity, VapixDataCatalog data)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(data);
        var list = data.CapturedApiList(identity.Model, identity.FirmwareVersion)
            ?? data.DefaultApiList(identity.Personality, identity.Profile.HasVideo);
        if (LightHardware.HasLight(identity.Profile) && !list.Any(e => Text(e?["id"]) == LightControlApi.Spec.Id))
        {
            // The default lists hold only what every captured device lists; a model with a light lists light control ([E]).
            list.Add(LightControlApi.ListEntry(identity.Personality));
        }

        return ServedApiTable.OnlyServed(list, identity.Profile);
    }

    /// <summary>
    /// <c>getApiList</c> with optional <c>id</c>/<c>version</c> filters (globs with <c>*</c> and <c>?</c>);
    /// an id that matches nothing is an empty list, not an error.
    /// </summary>
    public static VapixResponse Handle(JsonApiCall call, JsonArray apiList)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(apiList);
        return call.Dispatch(method => method == "getApiList" ? call.Success(ApiList(call, apiList)) : null);
    }

    private static JsonObject ApiList(JsonApiCall call, JsonArray apiList)
    {
        var id = Glob(call.Request?.Params?["id"]);
        var version = Glob(call.Request?.Params?["version"]);
        var selected = apiList
            .Where(e => id.IsMatch(Text(e?["id"])) && version.IsMatch(Text(e?["version"])))
            .Select(e => e!.DeepClone());
        return new JsonObject { ["apiList"] = new JsonArray([.. selected]) };
    }

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";

    private static Regex Glob(JsonNode? pattern)
    {
        var text = Text(pattern);
        return text.Length == 0
            ? new Regex(".*", RegexOptions.None, TimeSpan.FromSeconds(1))
            : new Regex("^" + Regex.Escape(text).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
                RegexOptions.None, TimeSpan.FromSeconds(1));
    }
}
