using AxisEmulator.Core.Profiles;
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

    /// <summary>Groups outside <c>Properties.API</c> that advertise an API driving hardware (kept only where the model has it).</summary>
    public static IReadOnlyDictionary<string, string> HardwareApiOfGroup { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Properties.LightControl"] = "light-control", // LightControl2 / LightControlAvailable=yes
    };

    /// <summary>The tree without the <c>Properties.API</c> groups of APIs that are not routed (a captured tree: its hardware is its own).</summary>
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

    /// <summary>The tree a device of <paramref name="profile"/> serves: also without the groups of hardware APIs the model lacks.</summary>
    public static ParameterTree WithdrawUnserved(ParameterTree tree, HardwareProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        tree = WithdrawUnserved(tree);
        foreach (var (group, id) in HardwareApiOfGroup)
        {
            if (!ServedApiTable.IsServed(id, profile))
            {
                tree = tree.WithoutGroup(group);
            }
        }

        return tree;
    }
}
