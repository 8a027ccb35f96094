using System.Text.Json.Nodes;
using AxisEmulator.Core.Config;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Json;

namespace AxisEmulator.Vapix.LightControl;

/// <summary>An answer and, when the call changed something, the light settings to store.</summary>
public sealed record LightOutcome(VapixResponse Response, IReadOnlyList<LightSettings>? Changed = null);

/// <summary>
/// <c>/axis-cgi/lightcontrol.cgi</c> (id <c>light-control</c>: 1.2 on 10.12, 1.4 on 11.11, 1.5 on
/// 12.9, captured lists): the methods of the vendor's method table that a light without individual
/// LED or angle control has (getServiceCapabilities says which). Shapes as in the popular Python
/// client's fixtures; on a model without lights every method answers 1005 "No light hardware found",
/// as a real P3265-V that lists the API does (vapix-facts §9.4). [E] access: reads for viewers,
/// changes for operators; the current intensity is the manual one while the light shines (no scene
/// to adapt to), 0 otherwise.
/// </summary>
public static class LightControlApi
{
    public const string Path = "/axis-cgi/lightcontrol.cgi";
    public const int MaxIntensity = 1000;

    public static JsonError NoLightHardware { get; } = new(1005, "No light hardware found, could not complete request.");

    public static JsonApiSpec Spec { get; } = new()
    {
        Id = "light-control",
        Layout = JsonLayout.Spaced,
        TrailingNewline = false,
        MethodEcho = MethodEcho.AfterContext,
        Errors = DeviceJsonErrors.Set,
        Versions = JsonApiSpec.PerPersonality(os10: "1.2", os11: "1.4", os12: "1.5"),
        Methods = new Dictionary<string, AccessLevel>(StringComparer.Ordinal)
        {
            ["getServiceCapabilities"] = AccessLevel.Viewer,
            ["getLightInformation"] = AccessLevel.Viewer,
            ["getLightStatus"] = AccessLevel.Viewer,
            ["getValidIntensity"] = AccessLevel.Viewer,
            ["getManualIntensity"] = AccessLevel.Viewer,
            ["getCurrentIntensity"] = AccessLevel.Viewer,
            ["getLightSynchronizationDayNightMode"] = AccessLevel.Viewer,
            ["activateLight"] = AccessLevel.Operator,
            ["deactivateLight"] = AccessLevel.Operator,
            ["enableLight"] = AccessLevel.Operator,
            ["disableLight"] = AccessLevel.Operator,
            ["setAutomaticIntensityMode"] = AccessLevel.Operator,
            ["setManualIntensity"] = AccessLevel.Operator,
            ["setLightSynchronizationDayNightMode"] = AccessLevel.Operator,
            [JsonApiSpec.GetSupportedVersions] = AccessLevel.Anonymous,
        },
    };

    /// <summary>The <c>getApiList</c> entry, as the captured lists write it.</summary>
    public static JsonObject ListEntry(Core.Profiles.FirmwarePersonality personality) => new()
    {
        ["id"] = Spec.Id,
        ["version"] = Spec.VersionFor(personality).ToString(),
        ["name"] = "Light Control",
        ["docLink"] = "https://www.axis.com/partner_pages/vapix_library/#/",
        ["status"] = "official",
    };

    public static LightOutcome Handle(JsonApiCall call, IReadOnlyList<Light> lights, IReadOnlyList<LightSettings> stored)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(lights);
        ArgumentNullException.ThrowIfNull(stored);
        IReadOnlyList<LightSettings>? changed = null;
        var response = call.Dispatch(method =>
        {
            if (!Spec.Methods.ContainsKey(method))
            {
                return null;
            }

            if (lights.Count == 0)
            {
                return call.Fail(NoLightHardware);
            }

            return JsonParams.Guard(call, () =>
            {
                if (method == "getServiceCapabilities")
                {
                    return call.Success(Capabilities());
                }

                if (method == "getLightInformation")
                {
                    return call.Success(new JsonObject { ["items"] = new JsonArray([.. lights.Select(l => (JsonNode)Information(l, SettingsOf(l, stored)))]) });
                }

                var read = new DeviceJsonParams(call.Request?.Params);
                var light = Find(read, lights);
                var settings = SettingsOf(light, stored);
                var (data, updated) = Call(method, read, settings);
                if (updated is not null && updated != settings)
                {
                    changed = [.. stored.Where(s => s.LightId != light.Id), updated];
                }

                return call.Success(data);
            });
        });
        return new LightOutcome(response, changed);
    }

    private static (JsonObject Data, LightSettings? Updated) Call(string method, DeviceJsonParams read, LightSettings settings) => method switch
    {
        "getLightStatus" => (new JsonObject { ["status"] = Shines(settings) }, null),
        "getValidIntensity" => (new JsonObject { ["ranges"] = new JsonArray(new JsonObject { ["low"] = 0, ["high"] = MaxIntensity }) }, null),
        "getManualIntensity" => (new JsonObject { ["intensity"] = settings.ManualIntensity }, null),
        "getCurrentIntensity" => (new JsonObject { ["intensity"] = Shines(settings) ? settings.ManualIntensity : 0 }, null),
        "getLightSynchronizationDayNightMode" => (new JsonObject { ["enabled"] = settings.SynchronizeDayNightMode }, null),
        "activateLight" => ([], settings with { Active = true }),
        "deactivateLight" => ([], settings with { Active = false }),
        "enableLight" => ([], settings with { Enabled = true }),
        "disableLight" => ([], settings with { Enabled = false }),
        "setAutomaticIntensityMode" => ([], settings with { AutomaticIntensityMode = read.Bool("enabled") }),
        "setManualIntensity" => ([], settings with { ManualIntensity = read.Int("intensity", 0, MaxIntensity), AutomaticIntensityMode = false }),
        "setLightSynchronizationDayNightMode" => ([], settings with { SynchronizeDayNightMode = read.Bool("enabled") }),
        _ => throw new InvalidOperationException($"light-control method {method} has no handler"),
    };

    private static JsonObject Capabilities() => new()
    {
        ["automaticIntensitySupport"] = true,
        ["manualIntensitySupport"] = true,
        ["individualIntensitySupport"] = false,
        ["getCurrentIntensitySupport"] = true,
        ["manualAngleOfIlluminationSupport"] = false,
        ["automaticAngleOfIlluminationSupport"] = false,
        ["dayNightSynchronizeSupport"] = true,
    };

    private static JsonObject Information(Light light, LightSettings settings) => new()
    {
        ["lightID"] = light.Id,
        ["lightType"] = light.Type,
        ["enabled"] = settings.Enabled,
        ["synchronizeDayNightMode"] = settings.SynchronizeDayNightMode,
        ["lightState"] = Shines(settings),
        ["automaticIntensityMode"] = settings.AutomaticIntensityMode,
        ["automaticAngleOfIlluminationMode"] = false,
        ["nrOfLEDs"] = light.LedCount,
        ["error"] = false,
        ["errorInfo"] = "",
    };

    private static bool Shines(LightSettings settings) => settings.Enabled && settings.Active;

    private static LightSettings SettingsOf(Light light, IReadOnlyList<LightSettings> stored) =>
        stored.FirstOrDefault(s => s.LightId == light.Id) ?? new LightSettings(light.Id);

    private static Light Find(DeviceJsonParams read, IReadOnlyList<Light> lights)
    {
        var id = read.String("lightID");
        return lights.FirstOrDefault(l => l.Id == id) ?? throw read.Invalid("lightID");
    }
}
