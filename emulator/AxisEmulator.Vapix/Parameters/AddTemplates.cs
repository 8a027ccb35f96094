namespace AxisEmulator.Vapix.Parameters;

/// <summary>A documented <c>param.cgi?action=add&amp;template=</c>: the group it adds to, the entry letter and the parameters it creates.</summary>
public sealed record AddTemplate(string Name, string Group, string Letter, IReadOnlyDictionary<string, string> Defaults);

/// <summary>
/// The add templates the emulator knows. <c>streamprofile</c> creates <c>StreamProfile.S&lt;n&gt;</c>
/// with the three members clients read (Name, Description, Parameters; the popular Python client's
/// stream profile model), empty until the request gives them.
/// </summary>
public static class AddTemplates
{
    private static readonly AddTemplate[] Known =
    [
        new("streamprofile", "StreamProfile", "S", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Description"] = "",
            ["Name"] = "",
            ["Parameters"] = "",
        }),
    ];

    /// <summary>The template of that name for that group; null when there is none (or no template was asked for).</summary>
    public static AddTemplate? Find(string? name, string group) =>
        name is { Length: > 0 } ? Known.FirstOrDefault(t => t.Name == name && t.Group == group) : null;
}
