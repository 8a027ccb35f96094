using System.Xml.Linq;
using static AxisEmulator.Vapix.Onvif.OnvifCall;

namespace AxisEmulator.Vapix.Onvif;

/// <summary>
/// Media service (ver10): one video source, one H.264 profile with its RTSP URI (no RTSP server runs:
/// the URI is what a client is told) and its JPEG snapshot URI (<c>/axis-cgi/jpg/image.cgi</c>).
/// [E] profile token and names; Axis names profiles <c>profile_1_h264</c>-like.
/// </summary>
internal static class MediaOperations
{
    public const string ProfileToken = "profile_1_h264";
    private const string SourceToken = "0";

    public static XElement GetVideoSources(OnvifCall call)
    {
        var (width, height) = Resolution(call);
        return Trt(
            "GetVideoSourcesResponse",
            Trt("VideoSources", new XAttribute("token", SourceToken), Tt("Framerate", 30), Tt("Resolution", Tt("Width", width), Tt("Height", height))));
    }

    public static XElement GetProfiles(OnvifCall call) => Trt("GetProfilesResponse", Profile(call, "Profiles"));

    public static XElement GetProfile(OnvifCall call)
    {
        CheckProfile(call);
        return Trt("GetProfileResponse", Profile(call, "Profile"));
    }

    public static XElement GetStreamUri(OnvifCall call)
    {
        CheckProfile(call);
        var host = call.Exchange.Http.Request.Host.Host;
        return Trt("GetStreamUriResponse", MediaUri($"rtsp://{host}/onvif-media/media.amp?profile={ProfileToken}&sessiontimeout=60&streamtype=unicast"));
    }

    public static XElement GetSnapshotUri(OnvifCall call)
    {
        CheckProfile(call);
        return Trt("GetSnapshotUriResponse", MediaUri($"{call.BaseUrl}/axis-cgi/jpg/image.cgi"));
    }

    private static void CheckProfile(OnvifCall call)
    {
        var token = call.Required("ProfileToken");
        if (token != ProfileToken)
        {
            throw SoapFault.InvalidArgVal($"no profile {token}", "NoProfile");
        }
    }

    private static XElement MediaUri(string uri) => Trt(
        "MediaUri", Tt("Uri", uri), Tt("InvalidAfterConnect", "false"), Tt("InvalidAfterReboot", "false"), Tt("Timeout", "PT0S"));

    private static XElement Profile(OnvifCall call, string element)
    {
        var (width, height) = Resolution(call);
        return Trt(
            element,
            new XAttribute("token", ProfileToken),
            new XAttribute("fixed", "true"),
            Tt("Name", "profile_1 h264"),
            Tt(
                "VideoSourceConfiguration",
                new XAttribute("token", "0"),
                Tt("Name", "user0"),
                Tt("UseCount", 1),
                Tt("SourceToken", SourceToken),
                Tt("Bounds", new XAttribute("x", 0), new XAttribute("y", 0), new XAttribute("width", width), new XAttribute("height", height))),
            Tt(
                "VideoEncoderConfiguration",
                new XAttribute("token", "default_1_h264"),
                Tt("Name", "default_1 h264"),
                Tt("UseCount", 1),
                Tt("Encoding", "H264"),
                Tt("Resolution", Tt("Width", width), Tt("Height", height)),
                Tt("Quality", 70),
                Tt("RateControl", Tt("FrameRateLimit", 30), Tt("EncodingInterval", 1), Tt("BitrateLimit", 2147483647)),
                Tt("H264", Tt("GovLength", 32), Tt("H264Profile", "Main")),
                Tt("SessionTimeout", "PT60S")));
    }

    /// <summary>The largest resolution the profile lists (<c>Properties.Image.Resolution</c>, first entry), else 1920x1080.</summary>
    private static (int Width, int Height) Resolution(OnvifCall call)
    {
        var first = call.View.Tree["Properties.Image.Resolution"]?.Split(',')[0].Split('x');
        return first is [var w, var h] && int.TryParse(w, out var width) && int.TryParse(h, out var height) ? (width, height) : (1920, 1080);
    }
}
