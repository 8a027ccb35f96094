using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Auth;

namespace AxisEmulator.Vapix.Json;

/// <summary>What systemready reports; the device fills it in from its phase, users and boot.</summary>
/// <param name="Ready">False between network-up and ready.</param>
/// <param name="NeedSetup">No administrator yet (after a factory default).</param>
/// <param name="Uptime">Time since this boot.</param>
/// <param name="BootId">New on every boot.</param>
public sealed record SystemReadyState(bool Ready, bool NeedSetup, TimeSpan Uptime, Guid BootId)
{
    /// <summary>Seconds of preview mode left (<c>7200</c> after a reset on 11.x+); null when not in preview mode.</summary>
    public int? PreviewModeSeconds { get; init; }

    /// <summary>AXIS OS 12 passphrase policy: <c>none</c>, <c>length</c> or <c>complex</c>.</summary>
    public string PassphrasePolicy { get; init; } = "none";
}

/// <summary>
/// <c>/axis-cgi/systemready.cgi</c> (vapix-facts §7): anonymous readiness. The fields grow with the
/// version: 1.2 (10.12) systemready/needsetup; 1.4 (11.11) adds uptime, bootid and previewmode;
/// 1.5 (12.x) adds passphrasepolicy. All values are strings.
/// </summary>
public static class SystemReadyApi
{
    public static JsonApiSpec Spec { get; } = new()
    {
        Id = "systemready",
        Layout = JsonLayout.Spaced,
        TrailingNewline = false,
        MethodEcho = MethodEcho.AfterContext,
        Errors = JsonErrorSet.Classic,
        Versions = JsonApiSpec.PerPersonality(os10: "1.2", os11: "1.4", os12: "1.5"),
        Methods = new Dictionary<string, AccessLevel>(StringComparer.Ordinal)
        {
            ["systemready"] = AccessLevel.Anonymous,
            [JsonApiSpec.GetSupportedVersions] = AccessLevel.Anonymous,
        },
    };

    public static VapixResponse Handle(JsonApiCall call, SystemReadyState state)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(state);
        return call.Dispatch(method => method == "systemready" ? call.Success(Data(state, call.Personality)) : null);
    }

    /// <summary>
    /// <c>params.timeout</c>: how long the caller is willing to wait for readiness. Numbers and numeric
    /// strings are accepted; anything else means "answer now".
    /// </summary>
    public static TimeSpan? RequestedTimeout(JsonApiCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.Request?.Params?["timeout"] is not JsonValue value)
        {
            return null;
        }

        var seconds = value.GetValueKind() switch
        {
            JsonValueKind.Number when value.TryGetValue<double>(out var number) => number,
            JsonValueKind.String when double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => double.NaN,
        };
        return double.IsFinite(seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;
    }

    private static JsonObject Data(SystemReadyState state, FirmwarePersonality personality)
    {
        var data = new JsonObject
        {
            ["systemready"] = YesNo(state.Ready),
            ["needsetup"] = YesNo(state.NeedSetup),
        };
        if (personality == FirmwarePersonality.Os10)
        {
            return data;
        }

        data["uptime"] = ((long)state.Uptime.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        data["bootid"] = state.BootId.ToString("D");
        if (state.PreviewModeSeconds is { } preview)
        {
            data["previewmode"] = preview.ToString(CultureInfo.InvariantCulture);
        }

        if (personality == FirmwarePersonality.Os12)
        {
            data["passphrasepolicy"] = state.PassphrasePolicy;
        }

        return data;
    }

    private static string YesNo(bool value) => value ? "yes" : "no";
}
