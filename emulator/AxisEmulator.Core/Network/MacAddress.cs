namespace AxisEmulator.Core.Network;

/// <summary>An Axis serial is the unit's MAC (DESIGN §4.5: 12 hex digits, OUI first).</summary>
public static class MacAddress
{
    /// <summary>The serial as interfaces write a MAC, aa:bb:cc:dd:ee:ff; null for a serial that is not 12 hex digits.</summary>
    public static string? Of(string serial) =>
        serial is { Length: 12 } && serial.All(Uri.IsHexDigit)
            ? string.Join(':', Enumerable.Range(0, 6).Select(i => serial.Substring(2 * i, 2))).ToLowerInvariant()
            : null;
}
