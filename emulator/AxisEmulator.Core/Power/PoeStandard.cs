namespace AxisEmulator.Core.Power;

/// <summary>IEEE 802.3 Power over Ethernet standard a PSE (switch port or midspan) implements.</summary>
public enum PoeStandard
{
    /// <summary>802.3af (2003): Type 1, classes 0–3, 15.4 W at the PSE.</summary>
    Af,

    /// <summary>802.3at (2009, "PoE+"): Type 2, classes 0–4, 30 W at the PSE.</summary>
    At,

    /// <summary>802.3bt (2018): Types 3 and 4, classes 0–8, up to 90 W at the PSE over four pairs.</summary>
    Bt,
}

/// <summary>Wire names for <see cref="PoeStandard"/>: <c>802.3af</c>, <c>802.3at</c>, <c>802.3bt</c>.</summary>
public static class PoeStandards
{
    /// <summary>All standards in order.</summary>
    public static IReadOnlyList<PoeStandard> All { get; } = [PoeStandard.Af, PoeStandard.At, PoeStandard.Bt];

    /// <summary>The wire name, e.g. <c>802.3af</c>.</summary>
    public static string ToWireString(this PoeStandard standard) => standard switch
    {
        PoeStandard.Af => "802.3af",
        PoeStandard.At => "802.3at",
        PoeStandard.Bt => "802.3bt",
        _ => throw new ArgumentOutOfRangeException(nameof(standard), standard, "unknown PoE standard"),
    };

    /// <summary>Parses <c>802.3af</c> or <c>af</c> (case-insensitive, surrounding blanks ignored).</summary>
    public static bool TryParse(string? text, out PoeStandard standard)
    {
        var t = (text ?? "").Trim().ToLowerInvariant();
        if (t.StartsWith("802.3", StringComparison.Ordinal))
        {
            t = t[5..];
        }

        switch (t)
        {
            case "af":
                standard = PoeStandard.Af;
                return true;
            case "at":
                standard = PoeStandard.At;
                return true;
            case "bt":
                standard = PoeStandard.Bt;
                return true;
            default:
                standard = default;
                return false;
        }
    }

    /// <summary>Parses <c>802.3af</c> or <c>af</c> (case-insensitive).</summary>
    /// <exception cref="FormatException">Not a known standard; the message lists the accepted values.</exception>
    public static PoeStandard Parse(string text)
    {
        if (TryParse(text, out var standard))
        {
            return standard;
        }

        throw new FormatException($"unknown PoE standard '{text}': expected 802.3af, 802.3at or 802.3bt");
    }

    /// <summary>Highest PoE class a PSE of this standard can supply (af 3, at 4, bt 8).</summary>
    public static int MaxClass(this PoeStandard standard) => standard switch
    {
        PoeStandard.Af => 3,
        PoeStandard.At => 4,
        PoeStandard.Bt => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(standard), standard, "unknown PoE standard"),
    };

    /// <summary>The lowest standard whose PSEs supply <paramref name="poeClass"/> (af up to 3, at for 4, bt above).</summary>
    public static PoeStandard LowestFor(int poeClass) => poeClass <= 3 ? PoeStandard.Af : poeClass == 4 ? PoeStandard.At : PoeStandard.Bt;
}
