using System.Text.Json.Nodes;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Json;

namespace AxisEmulator.Vapix.FeatureFlags;

/// <summary>One flag the firmware knows, with its default.</summary>
public sealed record FeatureFlag(string Name, bool DefaultValue, string Description);

/// <summary>
/// <c>/axis-cgi/featureflag.cgi</c> (api id <c>feature-flag</c> 1.0 on every captured line): <c>set</c>,
/// <c>get</c>, <c>listAll</c> as documented. [E] the flag set per firmware line is modelled (the
/// real names are not published); error texts follow the network_settings family.
/// </summary>
public static class FeatureFlagApi
{
    public static JsonApiSpec Spec { get; } = new()
    {
        Id = "feature-flag",
        Layout = JsonLayout.Indented,
        TrailingNewline = false,
        MethodEcho = MethodEcho.AfterContext,
        Errors = JsonErrorSet.Network,
        Versions = JsonApiSpec.OnEveryPersonality(ApiVersion.Parse("1.0")),
        Methods = new Dictionary<string, AccessLevel>(StringComparer.Ordinal)
        {
            ["listAll"] = AccessLevel.Viewer,
            ["get"] = AccessLevel.Viewer,
            ["set"] = AccessLevel.Admin,
            [JsonApiSpec.GetSupportedVersions] = AccessLevel.Anonymous,
        },
    };

    /// <summary>[E] The flags of each firmware line.</summary>
    public static IReadOnlyList<FeatureFlag> FlagsOf(FirmwarePersonality personality) => personality switch
    {
        FirmwarePersonality.Os10 => [new("streaming_low_latency_mode", false, "Low latency streaming (experimental)")],
        FirmwarePersonality.Os11 =>
        [
            new("streaming_low_latency_mode", false, "Low latency streaming (experimental)"),
            new("webrtc_streaming", false, "WebRTC streaming (experimental)"),
        ],
        _ =>
        [
            new("streaming_low_latency_mode", true, "Low latency streaming"),
            new("webrtc_streaming", false, "WebRTC streaming (experimental)"),
            new("onvif_profile_m_metadata", false, "ONVIF Profile M metadata (experimental)"),
        ],
    };

    public static JsonObject ListAll(FirmwarePersonality personality, IReadOnlyDictionary<string, bool> set) => new()
    {
        ["flags"] = new JsonArray([.. FlagsOf(personality).Select(flag => (JsonNode?)new JsonObject
        {
            ["name"] = flag.Name,
            ["value"] = set.GetValueOrDefault(flag.Name, flag.DefaultValue),
            ["description"] = flag.Description,
            ["defaultValue"] = flag.DefaultValue,
        })]),
    };

    /// <summary><c>get</c>: <c>names</c> → <c>flagValues</c>; an unknown name is an error naming it.</summary>
    public static JsonObject Get(JsonParams read, FirmwarePersonality personality, IReadOnlyDictionary<string, bool> set)
    {
        ArgumentNullException.ThrowIfNull(read);
        var names = read.OptionalStrings("names") ?? throw new JsonParamException(read.Missing("names"));
        var values = new JsonObject();
        foreach (var name in names)
        {
            var flag = Find(read, personality, name);
            values[name] = set.GetValueOrDefault(flag.Name, flag.DefaultValue);
        }

        return new JsonObject { ["flagValues"] = values };
    }

    /// <summary><c>set</c>: <c>flagValues</c> {name: bool}; checked whole before anything is stored.</summary>
    public static IReadOnlyDictionary<string, bool> Set(JsonParams read, FirmwarePersonality personality, IReadOnlyDictionary<string, bool> set)
    {
        ArgumentNullException.ThrowIfNull(read);
        var requested = read.Object("flagValues");
        var values = new JsonParams(requested, Spec.Errors);
        var updated = new Dictionary<string, bool>(set, StringComparer.Ordinal);
        foreach (var (name, _) in requested)
        {
            updated[Find(read, personality, name).Name] = values.Bool(name);
        }

        return updated;
    }

    private static FeatureFlag Find(JsonParams read, FirmwarePersonality personality, string name) =>
        FlagsOf(personality).FirstOrDefault(f => f.Name == name) ?? throw new JsonParamException(read.Invalid(name));
}
