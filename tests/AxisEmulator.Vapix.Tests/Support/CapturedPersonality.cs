using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Tests.Captures;

namespace AxisEmulator.Vapix.Tests.Support;

internal static class CapturedPersonality
{
    /// <summary>The AXIS OS personality of a captured firmware version (10.x, 11.x, 12.x).</summary>
    public static FirmwarePersonality Of(CapturedDevice device) => Of(device.Version);

    public static FirmwarePersonality Of(string version) => version.Split('.')[0] switch
    {
        "10" => FirmwarePersonality.Os10,
        "11" => FirmwarePersonality.Os11,
        _ => FirmwarePersonality.Os12,
    };
}
