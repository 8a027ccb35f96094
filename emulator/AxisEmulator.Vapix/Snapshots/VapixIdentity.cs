using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Vapix.Snapshots;

/// <summary>
/// Who the device is, as VAPIX reports it: its model profile plus the unit's serial, which real Axis
/// devices reuse as MAC address, Digest realm, host name and friendly names (DESIGN.md §4.5,
/// vapix-facts §14.1). The serial rules live in <see cref="DeviceIdentity"/>.
/// </summary>
public sealed record VapixIdentity
{
    public VapixIdentity(HardwareProfile profile, DeviceIdentity unit)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(unit);
        Profile = profile;
        Unit = unit;
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless the serial is 12 hex digits.</summary>
    public VapixIdentity(HardwareProfile profile, string serial)
        : this(profile, new DeviceIdentity(serial))
    {
    }

    public HardwareProfile Profile { get; }

    public DeviceIdentity Unit { get; }

    /// <summary>Chip serial reported by getAllProperties; derived from the serial unless given.</summary>
    public string? SocSerialNumber { get; init; }

    /// <summary>12 upper-case hex digits, e.g. <c>B8A44F631339</c>.</summary>
    public string Serial => Unit.Serial;

    public string Realm => Unit.Realm;

    /// <summary>Upper case with colons, as param.cgi shows it (<c>B8:A4:4F:63:13:39</c>).</summary>
    public string MacAddress => Unit.MacAddress;

    public string HostName => Unit.DefaultHostname;

    public FirmwarePersonality Personality => Profile.Firmware.Personality;

    public string Model => Profile.Model;

    /// <summary>Lens/variant suffix some units report (<c>22mm</c>); empty on most.</summary>
    public string ProductVariant => Profile.ProductVariant;

    public string FirmwareVersion => Profile.Firmware.Version;

    public string ProductShortName => "AXIS " + Profile.Model;

    /// <summary>AXIS OS 12 switched the brand URL to https (every 12.x capture; ≤ 11.11 use http).</summary>
    public string WebUrl => Personality == FirmwarePersonality.Os12 ? "https://www.axis.com" : "http://www.axis.com";

    /// <summary>
    /// The real value is burnt into the SoC; nothing public ties it to the serial, so a stable
    /// digest of the serial stands in for it ([E]).
    /// </summary>
    public string EffectiveSocSerialNumber => SocSerialNumber ?? DeriveSocSerial(Serial);

    /// <summary>
    /// The model's hardware ID (<c>Properties.System.HardwareID</c>, three hex digits on every
    /// capture); a model without a captured one gets a stable digest of its model name ([E]), so
    /// clients that key on it never see it empty.
    /// </summary>
    public string HardwareId => Profile.Firmware.HardwareId is { Length: > 0 } captured ? captured : DeriveHardwareId(Model);

    private static string DeriveHardwareId(string model)
    {
        var hash = MD5.HashData(Encoding.ASCII.GetBytes("hardware:" + model));
        var value = 0x100 + (((hash[0] << 8) | hash[1]) % 0xF00); // 100..FFF, like the captured 92D, 9CF
        return value.ToString("X3", CultureInfo.InvariantCulture);
    }

    private static string DeriveSocSerial(string serial)
    {
        var hash = Convert.ToHexString(MD5.HashData(Encoding.ASCII.GetBytes("soc:" + serial)));
        return string.Create(CultureInfo.InvariantCulture, $"{hash[..8]}-{hash[8..16]}-{hash[16..24]}-{hash[24..32]}");
    }
}
