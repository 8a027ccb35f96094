using System.Text.Json;
using System.Text.Json.Nodes;

namespace AxisEmulator.Core.Profiles;

/// <summary>
/// The <c>hardware:</c> values a profile leaves out, derived from what it does say: a video device has
/// one image source and an SD card, a PTZ form factor a mechanical PTZ, any other camera the digital
/// PTZ of a fixed camera; a device without video has none of them. Audio and lights default to absent.
/// </summary>
public static class HardwareDefaults
{
    public static HardwareSpec For(bool hasVideo, FormFactor formFactor) => new()
    {
        ImageSources = hasVideo ? 1 : 0,
        Ptz = !hasVideo ? PtzKind.None : formFactor == FormFactor.Ptz ? PtzKind.Mechanical : PtzKind.Digital,
        SdCard = hasVideo,
    };

    /// <summary>Fills the missing keys of the merged profile's <c>hardware</c> mapping (creating it when absent).</summary>
    internal static void Complete(JsonObject profile)
    {
        var hasVideo = profile["hasVideo"]?.GetValue<bool>() ?? true;
        var isPtz = profile["formFactor"]?.GetValue<string>() == "ptz";
        var defaults = For(hasVideo, isPtz ? FormFactor.Ptz : FormFactor.Dome);
        if (profile["hardware"] is not JsonObject hardware)
        {
            hardware = [];
            profile["hardware"] = hardware;
        }

        SetIfAbsent(hardware, "imageSources", defaults.ImageSources);
        SetIfAbsent(hardware, "ptz", JsonNamingPolicy.KebabCaseLower.ConvertName(defaults.Ptz.ToString()));
        SetIfAbsent(hardware, "sdCard", defaults.SdCard);
    }

    private static void SetIfAbsent(JsonObject hardware, string key, JsonNode value)
    {
        if (!hardware.ContainsKey(key))
        {
            hardware[key] = value;
        }
    }
}
