using System.Globalization;
using AxisEmulator.Vapix.Parameters;

namespace AxisEmulator.Vapix.StreamProfiles;

/// <summary>
/// One stream profile, stored as the device stores it: <c>StreamProfile.S&lt;n&gt;.{Name,Description,Parameters}</c>.
/// streamprofile.cgi and param.cgi therefore show the same profiles.
/// </summary>
public sealed record StreamProfile(int Slot, string Name, string Description, string Parameters)
{
    /// <summary>How many the device keeps when the tree does not say (<c>StreamProfile.MaxGroups=26</c> captured).</summary>
    public const int DefaultMaxProfiles = 26;

    public static IReadOnlyList<StreamProfile> AllIn(ParameterTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return [.. tree.InGroup("StreamProfile")
            .Select(e => e.Key.Split('.'))
            .Where(parts => parts.Length == 3 && parts[2] == "Name" && parts[1].StartsWith('S') && int.TryParse(parts[1][1..], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(parts => int.Parse(parts[1][1..], CultureInfo.InvariantCulture))
            .Order()
            .Select(slot => new StreamProfile(slot, tree[Field(slot, "Name")] ?? "", tree[Field(slot, "Description")] ?? "", tree[Field(slot, "Parameters")] ?? ""))];
    }

    public static int MaxProfiles(ParameterTree tree) =>
        int.TryParse(tree?["StreamProfile.MaxGroups"], NumberStyles.None, CultureInfo.InvariantCulture, out var max) ? max : DefaultMaxProfiles;

    public IEnumerable<ParameterChange> Stored() =>
    [
        new(Field(Slot, "Name"), Name),
        new(Field(Slot, "Description"), Description),
        new(Field(Slot, "Parameters"), Parameters),
    ];

    public IEnumerable<ParameterChange> Removed() =>
        [new(Field(Slot, "Name"), null), new(Field(Slot, "Description"), null), new(Field(Slot, "Parameters"), null)];

    private static string Field(int slot, string name) => $"StreamProfile.S{slot.ToString(CultureInfo.InvariantCulture)}.{name}";
}
