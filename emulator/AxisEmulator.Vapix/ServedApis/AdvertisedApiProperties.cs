using AxisEmulator.Vapix.Parameters;

namespace AxisEmulator.Vapix.ServedApis;

/// <summary>
/// The <c>Properties.API.*</c> groups that advertise an API, and the API each one stands for: the
/// same rule as <c>apidiscovery</c> (<see cref="ServedApiTable"/>) decides whether the group stays.
/// Groups not named here (HTTP, Browser) describe the VAPIX HTTP interface itself and always stay.
/// </summary>
public static class AdvertisedApiProperties
{
    /// <summary>Group below <c>Properties.API</c> → the API id whose serving keeps it.</summary>
    public static IReadOnlyDictionary<string, string> ApiOfGroup { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["WebService"] = "onvif", // WebService.WebService / ONVIF.* / EntryService: the ONVIF services
        ["WebSocket"] = "rtsp-over-websocket",
        ["RTSP"] = "rtsp", // the RTSP server (not HTTP, never routed here)
        ["RTP"] = "rtsp", // RTP.OnvifReplayExt: replay over RTSP
        // Metadata stays although it describes an RTSP track: the popular Python client reads
        // Properties.API.Metadata.* in its setup on 11.x/12.x and fails without it.
        ["SIP"] = "sip",
        ["OnScreenControls"] = "onscreencontrols",
        ["SpeakerTest"] = "speakertest",
        ["PTZ"] = "ptz-control",
        ["ClientNotes"] = "client-notes",
    };

    /// <summary>The tree without the advertising groups of APIs the device does not serve.</summary>
    public static ParameterTree WithdrawUnserved(ParameterTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        foreach (var (group, id) in ApiOfGroup)
        {
            if (!ServedApiTable.IsServed(id))
            {
                tree = tree.WithoutGroup("Properties.API." + group);
            }
        }

        return tree;
    }
}
