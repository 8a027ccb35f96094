using System.Text.Json.Nodes;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.LightControl;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.ServedApis;

/// <summary>
/// The honesty rule (DESIGN §5): a device lists an API in <c>apidiscovery</c> (and advertises it in
/// <c>Properties.API.*</c>) only if it serves it. Every id of the captured lists is mapped here to
/// the path(s) the vendor documentation gives it; "served" means one of them is in
/// <see cref="VapixRoutes"/>, so a route added later makes its id listed again with no other change.
/// An id missing from this table is never served.
/// </summary>
public static class ServedApiTable
{
    private static ServedApi Json(string id, string path, string method = "getSupportedVersions", params string[] more) =>
        new(id, [path, .. more], ApiProbe.Json(path, method));

    private static ServedApi Get(string id, string target, params string[] more) =>
        new(id, [target.Split('?')[0], .. more], ApiProbe.Get(target));

    /// <summary>By id. Read methods are the documented ones where we serve the API; getSupportedVersions otherwise.</summary>
    public static IReadOnlyDictionary<string, ServedApi> ById { get; } = new ServedApi[]
    {
        // Served (or planned: rtsp-over-websocket is not routed yet). light-control only on models with a light.
        Json("api-discovery", "/axis-cgi/apidiscovery.cgi", "getApiList"),
        Json("basic-device-info", "/axis-cgi/basicdeviceinfo.cgi", "getAllUnrestrictedProperties"),
        Json("systemready", "/axis-cgi/systemready.cgi", "systemready"),
        Json("network-settings", "/axis-cgi/network_settings.cgi", "getNetworkInfo"),
        Json("fwmgr", "/axis-cgi/firmwaremanagement.cgi", "status"),
        Get("param-cgi", "/axis-cgi/param.cgi?action=list&group=Brand", "/axis-cgi/admin/param.cgi"),
        Get("user-management", "/axis-cgi/pwdgrp.cgi?action=get"),
        Json("io-port-management", "/axis-cgi/io/portmanagement.cgi", "getPorts"),
        Json("stream-profiles", "/axis-cgi/streamprofile.cgi", "list"),
        Json("view-area", "/axis-cgi/viewarea/info.cgi", "list"),
        Json("light-control", "/axis-cgi/lightcontrol.cgi", "getLightInformation") with { HasHardware = LightHardware.HasLight },
        Json("mqtt-client", "/axis-cgi/mqtt/client.cgi", "getClientStatus"),
        Json("event-mqtt-bridge", "/axis-cgi/mqtt/event.cgi", "getEventPublicationConfig"),
        Json("time-service", "/axis-cgi/time.cgi", "getDateTimeInfo"),
        Json("ntp", "/axis-cgi/ntp.cgi", "getNTPInfo"),
        Json("feature-flag", "/axis-cgi/featureflag.cgi", "listAll"),
        Get("ssh", "/config/rest/ssh/v1/users", "/config/rest/ssh/v1", "/config/rest/ssh/v2"),
        Get("application", "/axis-cgi/applications/list.cgi"),
        Get("event-streaming-over-websocket", "/vapix/ws-data-stream?sources=events"),
        Get("onvif", "/onvif/device_service"),
        Get("rtsp-over-websocket", "/rtsp-over-websocket"),

        // Not served by any workstream yet: withdrawn from every list (docs/served-apis.md).
        // media-cgi is "Media stream over HTTP" (media.cgi), not the still image or MJPEG CGIs, which have no id.
        Get("media-cgi", "/axis-cgi/media.cgi"),
        Json("a3dpc", "/axis-cgi/a3dpc.cgi"),
        Json("aam-edge-api", "/axis-cgi/aam/edge.cgi"),
        Json("airquality", "/axis-cgi/airquality/airquality.cgi"),
        Json("analytics-metadata-config", "/axis-cgi/analyticsmetadataconfig.cgi"),
        Json("audio-analytics", "/axis-cgi/audioanalytics.cgi"),
        Json("audio-device-control", "/axis-cgi/audiodevicecontrol.cgi"),
        Json("audio-mixer", "/axis-cgi/audiomixer.cgi"),
        Json("audio-site-conf", "/axis-cgi/audiositeconf.cgi"),
        Json("audio-streaming-capabilities", "/axis-cgi/audio/streamingcapabilities.cgi"),
        Get("audit-log", "/axis-cgi/auditlog.cgi"),
        Json("axis-audio-manager-edge-api", "/axis-cgi/audiomanageredge.cgi"),
        Json("capture-mode", "/axis-cgi/capturemode.cgi"),
        Json("custom-firmware-certificate", "/axis-cgi/customfirmwarecertificate.cgi"),
        Json("customhttpheader", "/axis-cgi/customhttpheader.cgi"),
        Get("device-config", "/config/discover"),
        Json("device-self-test", "/axis-cgi/selftest.cgi"),
        Get("disk-management", "/axis-cgi/disks/list.cgi"),
        Get("disk-network-share", "/axis-cgi/networkshare/list.cgi"),
        Json("disk-properties", "/axis-cgi/disks/properties.cgi"),
        Json("dynamicoverlay", "/axis-cgi/dynamicoverlay/dynamicoverlay.cgi"),
        Json("edge-file-manager", "/axis-cgi/edgefilemanager.cgi"),
        Json("findmydevice", "/axis-cgi/findmydevice.cgi"),
        Json("guard-tour", "/axis-cgi/guardtour.cgi"),
        Json("image-size", "/axis-cgi/imagesize.cgi"),
        Json("image-stabilization", "/axis-cgi/imagestabilization.cgi"),
        Json("mdnssd", "/axis-cgi/mdnssd.cgi"),
        Json("mediaclip", "/axis-cgi/mediaclip.cgi"),
        Json("network-speaker-pairing", "/axis-cgi/network_speaker_pair.cgi"),
        Json("oak", "/axis-cgi/oak.cgi"),
        Json("onscreencontrols", "/axis-cgi/onscreencontrols.cgi"),
        Json("optics-control", "/axis-cgi/opticscontrol.cgi"),
        Json("orientation", "/axis-cgi/orientation.cgi"),
        Get("overlayimage", "/axis-cgi/uploadoverlayimage.cgi"),
        Json("packagemanager", "/axis-cgi/packagemanager.cgi"),
        Json("pencil-privacy-filter", "/axis-cgi/pencilprivacyfilter.cgi"),
        Json("pir-sensor-configuration", "/axis-cgi/pirsensor.cgi"),
        Json("power-settings", "/axis-cgi/powersettings.cgi"),
        Json("privacy-mask", "/axis-cgi/privacymask.cgi"),
        Get("ptz-control", "/axis-cgi/com/ptz.cgi?query=position"),
        Get("recording", "/axis-cgi/record/list.cgi"),
        Get("recording-export", "/axis-cgi/record/export/exportrecording.cgi"),
        Json("recording-group", "/axis-cgi/recordinggroup.cgi"),
        Json("recording-storage-limit", "/axis-cgi/record/storagelimit.cgi"),
        Json("remote-syslog", "/axis-cgi/remotesyslog.cgi"),
        Json("remoteservice", "/axis-cgi/remoteservice.cgi"),
        Json("shockdetection", "/axis-cgi/shockdetection.cgi"),
        Json("shuttergain-cgi", "/axis-cgi/shuttergain.cgi"),
        Json("signed-video", "/axis-cgi/signedvideo.cgi"),
        Json("sip", "/axis-cgi/sip/sipsettings.cgi"),
        Json("siren-and-light", "/axis-cgi/siren_and_light.cgi"),
        Json("speakertest", "/axis-cgi/speakertest.cgi"),
        Json("streamstatus", "/axis-cgi/streamstatus.cgi"),
        Json("supervised-io", "/axis-cgi/io/supervisedport.cgi"),
        Json("temperaturecontrol", "/axis-cgi/temperaturecontrol.cgi"),
        Json("thermometry", "/axis-cgi/thermometry.cgi"),
        Json("upnp", "/axis-cgi/upnp.cgi"),
        Json("video-streaming-indicator", "/axis-cgi/videostreamingindicator.cgi"),
        Json("widget-overlay", "/axis-cgi/overlaywidget/overlaywidget.cgi"),
        Get("zipstream", "/axis-cgi/zipstream/getstrength.cgi"),
    }.ToDictionary(api => api.Id, StringComparer.Ordinal);

    /// <summary>Whether the device serves the API with this id (unknown ids are not served).</summary>
    public static bool IsServed(string id) => ById.TryGetValue(id, out var api) && api.IsServedBy(VapixRoutes.Paths);

    /// <summary>The entries of a device's own list whose id is routed (a captured list already reflects its hardware).</summary>
    public static JsonArray OnlyServed(JsonArray apiList)
    {
        ArgumentNullException.ThrowIfNull(apiList);
        return new JsonArray([.. apiList.Where(e => IsServed(IdOf(e))).Select(e => e!.DeepClone())]);
    }

    /// <summary>Whether a device of <paramref name="profile"/> serves the API: routed, and the model has the hardware it drives.</summary>
    public static bool IsServed(string id, HardwareProfile profile) => IsServed(id) && ById[id].HasHardware(profile);

    /// <summary>The entries of <paramref name="apiList"/> a device of <paramref name="profile"/> serves, in their order.</summary>
    public static JsonArray OnlyServed(JsonArray apiList, HardwareProfile profile)
    {
        ArgumentNullException.ThrowIfNull(apiList);
        ArgumentNullException.ThrowIfNull(profile);
        return new JsonArray([.. apiList.Where(e => IsServed(IdOf(e), profile)).Select(e => e!.DeepClone())]);
    }

    private static string IdOf(JsonNode? entry) =>
        entry?["id"] is JsonValue value && value.TryGetValue<string>(out var id) ? id : "";
}
