namespace AxisEmulator.Core.Power;

/// <summary>Twisted-pair cable category between the PSE and the camera.</summary>
public enum CableCategory
{
    Cat3,
    Cat5,
    Cat5e,
    Cat6,
    Cat6a,
}

/// <summary>Wire names for <see cref="CableCategory"/>: lower case, e.g. <c>cat5e</c>.</summary>
public static class CableCategories
{
    /// <summary>All categories in order.</summary>
    public static IReadOnlyList<CableCategory> All { get; } =
        [CableCategory.Cat3, CableCategory.Cat5, CableCategory.Cat5e, CableCategory.Cat6, CableCategory.Cat6a];

    /// <summary>The wire name, e.g. <c>cat5e</c>.</summary>
    public static string ToWireString(this CableCategory cable) => cable switch
    {
        CableCategory.Cat3 => "cat3",
        CableCategory.Cat5 => "cat5",
        CableCategory.Cat5e => "cat5e",
        CableCategory.Cat6 => "cat6",
        CableCategory.Cat6a => "cat6a",
        _ => throw new ArgumentOutOfRangeException(nameof(cable), cable, "unknown cable category"),
    };

    /// <summary>
    /// Parses <c>cat5e</c> (case-insensitive; blanks, <c>-</c> and <c>_</c> ignored, so <c>Cat-5e</c>
    /// and <c>CAT 6A</c> also work).
    /// </summary>
    public static bool TryParse(string? text, out CableCategory cable)
    {
        var t = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '_').ToArray())
            .ToLowerInvariant();
        foreach (var candidate in All)
        {
            if (candidate.ToWireString() == t)
            {
                cable = candidate;
                return true;
            }
        }

        cable = default;
        return false;
    }

    /// <summary>Parses <c>cat5e</c> and friends (see <see cref="TryParse"/>).</summary>
    /// <exception cref="FormatException">Not a known category; the message lists the accepted values.</exception>
    public static CableCategory Parse(string text)
    {
        if (TryParse(text, out var cable))
        {
            return cable;
        }

        throw new FormatException(
            $"unknown cable category '{text}': expected {string.Join(", ", All.Select(c => c.ToWireString()))}");
    }
}
