using System.Globalization;

namespace AxisEmulator.Core.Profiles;

/// <summary>AXIS OS version strings (<c>11.11.192</c>, <c>5.20.2</c>, <c>6.50.1.2</c>) and the personality they imply.</summary>
public static class FirmwareVersion
{
    /// <summary>
    /// Parses a dotted version of 2 to 4 numeric parts. Returns false for anything else
    /// (<c>11</c>, <c>v11.11</c>, <c>11.11.x</c>, empty).
    /// </summary>
    public static bool TryParse(string? text, out Version version)
    {
        version = new Version(0, 0);
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var parts = text.Split('.');
        if (parts.Length is < 2 or > 4)
        {
            return false;
        }

        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0 || !parts[i].All(char.IsAsciiDigit)
                || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        version = numbers.Length switch
        {
            2 => new Version(numbers[0], numbers[1]),
            3 => new Version(numbers[0], numbers[1], numbers[2]),
            _ => new Version(numbers[0], numbers[1], numbers[2], numbers[3]),
        };
        return true;
    }

    /// <summary>10.x and older → <see cref="FirmwarePersonality.Os10"/>, 11.x → Os11, 12.x and newer → Os12.</summary>
    public static FirmwarePersonality PersonalityOf(Version version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.Major switch
        {
            <= 10 => FirmwarePersonality.Os10,
            11 => FirmwarePersonality.Os11,
            _ => FirmwarePersonality.Os12,
        };
    }

    /// <summary>The personality of a version string; throws <see cref="FormatException"/> if it does not parse.</summary>
    public static FirmwarePersonality PersonalityOf(string version) =>
        TryParse(version, out var parsed)
            ? PersonalityOf(parsed)
            : throw new FormatException($"'{version}' is not an AXIS OS version (expected digits like 11.11.192)");
}
