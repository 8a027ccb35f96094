using System.Globalization;

namespace AxisEmulator.Vapix.Json;

/// <summary>A JSON API version <c>major.minor</c>. Clients may send the major alone (<c>"1"</c>, RS4A systemready).</summary>
public readonly record struct ApiVersion(int Major, int Minor)
{
    public static bool TryParse(string? text, out ApiVersion version)
    {
        version = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split('.');
        if (parts.Length > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || (parts.Length == 2 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return false;
        }

        var minor = parts.Length == 2 ? int.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        version = new ApiVersion(major, minor);
        return true;
    }

    public static ApiVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"Not an API version: '{text}'.");

    /// <summary>
    /// Whether a device at this version can answer a request for <paramref name="requested"/>: same
    /// major, and not a newer minor than the device has. The device then answers with its own minor.
    /// </summary>
    public bool CanServe(ApiVersion requested) => requested.Major == Major && requested.Minor <= Minor;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");
}
