using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;

namespace AxisEmulator.Core.Clock;

/// <summary>
/// The device's own date and time: simulated time plus the offset a user set (VAPIX time APIs,
/// ONVIF <c>SetSystemDateAndTime</c>), and its time zone. One clock for every protocol, so a token's
/// freshness and a <c>getDateTimeInfo</c> read the same instant.
/// </summary>
/// <remarks>
/// The offset lives in the stored configuration (the unit's RTC survives power loss and a soft
/// factory default); a hard factory default sets it back to simulated time.
/// </remarks>
public sealed class DeviceSystemTime(Device device)
{
    /// <summary>The device's UTC time now.</summary>
    public DateTimeOffset UtcNow => device.Clock.GetUtcNow() + device.Config.ClockOffset;

    /// <summary>How far the device's clock is from simulated time (zero until someone sets it).</summary>
    public TimeSpan Offset => device.Config.ClockOffset;

    /// <summary>The configured time zone (an IANA name or a POSIX TZ string, as the user set it).</summary>
    public string TimeZone => device.Config.Network.TimeZone;

    /// <summary>Sets the device's clock to <paramref name="utc"/> (stored; flush before acknowledging).</summary>
    public void Set(DateTimeOffset utc) => device.UpdateConfig(
        config => (config with { ClockOffset = utc.ToUniversalTime() - device.Clock.GetUtcNow() }, 0),
        $"date and time set to {utc.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ}");

    /// <summary>Sets the time zone (stored; flush before acknowledging).</summary>
    public void SetTimeZone(string timeZone)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZone);
        device.UpdateConfig(
            config => config.Network.TimeZone == timeZone
                ? (config, 0)
                : (config with { Network = config.Network with { TimeZone = timeZone } }, 0),
            $"time zone set to {timeZone}");
    }
}
