using System.Globalization;
using System.Xml.Linq;
using AxisEmulator.Core.Config;
using static AxisEmulator.Vapix.Onvif.OnvifCall;

namespace AxisEmulator.Vapix.Onvif;

/// <summary>Device service: identity, date and time, reboot and factory default (ONVIF core spec §8.3).</summary>
internal static class DeviceSystemOperations
{
    /// <summary>Model is ProdNbr without "AXIS " and HardwareId the HardwareID parameter (M5525-E capture, vapix-facts §11).</summary>
    public static XElement GetDeviceInformation(OnvifCall call)
    {
        var tree = call.View.Tree;
        return Tds(
            "GetDeviceInformationResponse",
            Tds("Manufacturer", tree["Brand.Brand"] ?? "AXIS"),
            Tds("Model", tree["Brand.ProdNbr"] ?? call.View.Identity.Model),
            Tds("FirmwareVersion", call.View.Identity.FirmwareVersion),
            Tds("SerialNumber", call.View.Identity.Serial),
            Tds("HardwareId", tree["Properties.System.HardwareID"] ?? ""));
    }

    /// <summary>The device clock (<see cref="Core.Clock.DeviceSystemTime"/>), the one VAPIX time reads too.</summary>
    public static XElement GetSystemDateAndTime(OnvifCall call)
    {
        var time = call.Camera.SystemTime;
        var utc = time.UtcNow.UtcDateTime;
        var zone = FindZone(time.TimeZone);
        var local = zone is null ? utc : TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        return Tds(
            "GetSystemDateAndTimeResponse",
            Tds(
                "SystemDateAndTime",
                Tt("DateTimeType", "Manual"),
                Tt("DaylightSavings", zone?.IsDaylightSavingTime(local) == true ? "true" : "false"),
                Tt("TimeZone", Tt("TZ", PosixZone(time.TimeZone, zone))),
                DateTimeElement("UTCDateTime", utc),
                DateTimeElement("LocalDateTime", local)));
    }

    /// <summary>Manual time sets the device clock (stored); NTP is accepted and keeps the clock as it is (no NTP client).</summary>
    public static XElement SetSystemDateAndTime(OnvifCall call)
    {
        var type = call.Required("DateTimeType");
        if (type is not ("Manual" or "NTP"))
        {
            throw SoapFault.InvalidArgVal($"DateTimeType '{type}' is neither Manual nor NTP", "InvalidDateTime");
        }

        if (call.Request.Children("TimeZone").FirstOrDefault()?.Elements().FirstOrDefault(e => e.Name.LocalName == "TZ")?.Value.Trim() is { Length: > 0 } tz)
        {
            if (tz.Length > 64 || tz.Any(char.IsControl))
            {
                throw SoapFault.InvalidArgVal("the time zone is not a POSIX TZ string", "InvalidTimeZone");
            }

            call.Camera.SystemTime.SetTimeZone(tz);
        }

        if (type == "Manual")
        {
            var given = call.Request.Children("UTCDateTime").FirstOrDefault()
                ?? throw SoapFault.InvalidArgVal("Manual time needs UTCDateTime", "InvalidDateTime");
            call.Camera.SystemTime.Set(ParseDateTime(given));
        }

        return Tds("SetSystemDateAndTimeResponse");
    }

    /// <summary>Answers, then the same restart as restart.cgi. [E] message wording.</summary>
    public static XElement SystemReboot(OnvifCall call)
    {
        var camera = call.Camera;
        call.After = () => camera.Restart();
        return Tds("SystemRebootResponse", Tds("Message", "Rebooting in 30 seconds"));
    }

    /// <summary>Soft = factorydefault.cgi, Hard = hardfactorydefault.cgi; both answer first, then go down.</summary>
    public static XElement SetSystemFactoryDefault(OnvifCall call)
    {
        var mode = call.Required("FactoryDefault") switch
        {
            "Soft" => FactoryDefaultMode.Soft,
            "Hard" => FactoryDefaultMode.Hard,
            var other => throw SoapFault.InvalidArgVal($"FactoryDefault '{other}' is neither Hard nor Soft", "InvalidArgVal"),
        };
        var camera = call.Camera;
        call.After = () => camera.FactoryDefault(mode);
        return Tds("SetSystemFactoryDefaultResponse");
    }

    private static XElement DateTimeElement(string name, DateTime at) => Tt(
        name,
        Tt("Time", Tt("Hour", at.Hour), Tt("Minute", at.Minute), Tt("Second", at.Second)),
        Tt("Date", Tt("Year", at.Year), Tt("Month", at.Month), Tt("Day", at.Day)));

    private static DateTimeOffset ParseDateTime(XElement given)
    {
        int Part(string group, string name)
        {
            var text = given.Elements().FirstOrDefault(e => e.Name.LocalName == group)?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw SoapFault.InvalidArgVal($"UTCDateTime {group}/{name} is missing or not a number", "InvalidDateTime");
        }

        try
        {
            return new DateTimeOffset(Part("Date", "Year"), Part("Date", "Month"), Part("Date", "Day"), Part("Time", "Hour"), Part("Time", "Minute"), Part("Time", "Second"), TimeSpan.Zero);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw SoapFault.InvalidArgVal("UTCDateTime is not a date and time", "InvalidDateTime");
        }
    }

    private static TimeZoneInfo? FindZone(string name) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? zone : null;

    /// <summary>ONVIF wants a POSIX TZ string: an IANA zone becomes its standard offset (<c>UTC0</c>, <c>UTC-1</c> for Europe/Stockholm).</summary>
    private static string PosixZone(string configured, TimeZoneInfo? zone)
    {
        if (zone is null)
        {
            return configured;
        }

        var offset = zone.BaseUtcOffset;
        var sign = offset < TimeSpan.Zero ? "+" : "-";
        var hours = offset.Duration().Minutes == 0 ? $"{offset.Duration().Hours}" : $"{offset.Duration().Hours}:{offset.Duration().Minutes:00}";
        return offset == TimeSpan.Zero ? "UTC0" : $"UTC{sign}{hours}";
    }
}
