using System.Globalization;

namespace AxisEmulator.Core.Config;

/// <summary>
/// The serial number is the MAC address (12 hex digits starting with an Axis OUI) and drives the
/// Digest realm, the serial parameter, the MAC parameter and the default hostname.
/// </summary>
public sealed record DeviceIdentity
{
    public DeviceIdentity(string serial)
    {
        if (!IsValidSerial(serial))
        {
            throw new ArgumentException($"Serial '{serial}' is not 12 hexadecimal digits (e.g. ACCC8E0A1B2C).", nameof(serial));
        }

        Serial = serial.ToUpperInvariant();
    }

    public string Serial { get; }

    /// <summary>Digest realm, <c>AXIS_&lt;serial&gt;</c>.</summary>
    public string Realm => "AXIS_" + Serial;

    /// <summary>MAC address in the colon form Axis parameters use (<c>AC:CC:8E:0A:1B:2C</c>).</summary>
    public string MacAddress => string.Join(':', Enumerable.Range(0, 6).Select(i => Serial.Substring(i * 2, 2)));

    /// <summary>Default hostname, <c>axis-&lt;serial lower case&gt;</c>.</summary>
    public string DefaultHostname => "axis-" + Serial.ToLowerInvariant();

    /// <summary>The UPnP unique device name, <c>uuid:Upnp-BasicDevice-1_0-&lt;serial&gt;</c> (vapix-facts §10.2): SSDP's USN and the description's UDN.</summary>
    public string UpnpUdn => "uuid:Upnp-BasicDevice-1_0-" + Serial;

    public static bool IsValidSerial(string? serial) =>
        serial is { Length: 12 } && serial.All(Uri.IsHexDigit);

    /// <summary>A deterministic serial for a device: the OUI plus six hex digits from the seed and id.</summary>
    public static DeviceIdentity Generate(string oui, string deviceId, int seed)
    {
        // FNV-1a over the id and seed: stable across runs and .NET versions (string.GetHashCode is not).
        var hash = 2166136261u;
        foreach (var c in $"{seed}:{deviceId}")
        {
            hash = (hash ^ c) * 16777619u;
        }

        return new DeviceIdentity(oui.ToUpperInvariant() + (hash & 0xFFFFFF).ToString("X6", CultureInfo.InvariantCulture));
    }
}
