using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Core.Profiles;

/// <summary>One profile file as read and checked against the schema, before its <c>extends</c> chain is merged.</summary>
internal sealed class ProfileFile
{
    public required string Id { get; init; }

    public required string Path { get; init; }

    /// <summary>The file's mapping; null when it could not be read or is not a mapping at all.</summary>
    public YMapping? Root { get; init; }

    public bool HasErrors { get; init; }

    /// <summary>The <c>extends</c> value; null when the file extends nothing.</summary>
    public YNode? Extends => Root?.Get("extends");
}
