using AxisEmulator.Core.Devices;

namespace AxisEmulator.Lab.Ssdp;

/// <summary>
/// Whether the camera speaks UPnP (<c>Network.UPnP.Enabled</c>): as stored when param.cgi set it,
/// otherwise the factory value of its captured tree, <c>yes</c> on a camera (P3245-LVE) and
/// <c>no</c> on a device without video (D4200-VE). Read at each search and announcement, so a change
/// takes effect without a restart.
/// </summary>
internal static class UpnpSetting
{
    public const string Parameter = "Network.UPnP.Enabled";

    public static bool Enabled(Device camera) =>
        camera.Config.Parameters.TryGetValue(Parameter, out var stored)
            ? string.Equals(stored, "yes", StringComparison.OrdinalIgnoreCase)
            : camera.Profile.HasVideo;
}
