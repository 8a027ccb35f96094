using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Core.Profiles;

/// <summary>The outcome of reading profile files without throwing: what loaded, and every error found.</summary>
public sealed record ProfileLoadResult(IReadOnlyList<HardwareProfile> Profiles, IReadOnlyList<FileError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Loads hardware-profile YAML files (<c>hardware-profiles/*.yaml</c>): each file is read with the
/// shared YAML reader and checked against <c>hardware-profile.schema.json</c>, <c>extends</c> chains
/// are merged (mappings key by key, the extending file wins), the merged profile is checked for
/// completeness and cross-field rules, then bound to <see cref="HardwareProfile"/>. Every error of
/// every file is reported as <c>path/to/file.yaml:LINE: message</c>, at the file that set the value.
/// </summary>
/// <remarks>
/// <para>A profile's id is its file name without <c>.yaml</c>; <c>extends: X</c> names <c>X.yaml</c> in
/// the same directory. Files whose name starts with <c>_</c> (such as <c>_base.yaml</c>) are abstract:
/// they are checked for syntax, keys and types, but only complete profiles are returned.</para>
/// <para>Estimates: each file lists under <c>estimates:</c> the dotted keys of the values it sets that
/// are estimates. An inherited estimate stays unless a file further down the chain sets that value
/// itself (then that file vouches for it, and lists it again if it is still an estimate).</para>
/// </remarks>
public static class ProfileLoader
{
    public const string FileExtension = ".yaml";

    private static readonly YamlDocumentRules YamlRules = new()
    {
        EmptyMessage = "the file is empty; a profile is a mapping of keys",
        FileKind = "a profile file",
        AliasHint = "use 'extends' to share values",
    };

    /// <summary>Loads one profile (and its bases from the same directory); throws <see cref="ProfileValidationException"/> on any error.</summary>
    public static HardwareProfile LoadFile(string path)
    {
        var result = ReadFile(path);
        return result.IsValid ? result.Profiles[0] : throw new ProfileValidationException(result.Errors);
    }

    /// <summary>Loads every complete profile of a directory; throws <see cref="ProfileValidationException"/> with all errors of all files.</summary>
    public static IReadOnlyList<HardwareProfile> LoadDirectory(string directory)
    {
        var result = ReadDirectory(directory);
        return result.IsValid ? result.Profiles : throw new ProfileValidationException(result.Errors);
    }

    /// <summary>Reads one profile file without throwing on validation errors.</summary>
    public static ProfileLoadResult ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"hardware profile '{path}' does not exist", path);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var session = new ProfileLoadSession(directory, YamlRules);
        var file = session.ParsePath(path);
        var profiles = new List<HardwareProfile>();
        if (session.Resolve(file) is { } profile)
        {
            profiles.Add(profile);
        }

        return new ProfileLoadResult(profiles, session.SortedErrors());
    }

    /// <summary>Reads every <c>*.yaml</c> of a directory without throwing on validation errors.</summary>
    public static ProfileLoadResult ReadDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"hardware-profile directory '{directory}' does not exist");
        }

        var session = new ProfileLoadSession(directory, YamlRules);
        var files = Directory.EnumerateFiles(directory, "*" + FileExtension)
            .Where(f => f.EndsWith(FileExtension, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(session.ParsePath)
            .ToList();
        var profiles = new List<HardwareProfile>();
        foreach (var file in files.Where(f => !IsAbstract(f.Id)))
        {
            if (session.Resolve(file) is { } profile)
            {
                profiles.Add(profile);
            }
        }

        return new ProfileLoadResult(profiles, session.SortedErrors());
    }

    /// <summary>Abstract base files (<c>_base.yaml</c>) hold shared defaults and are not profiles themselves.</summary>
    public static bool IsAbstract(string id) => id.StartsWith('_');
}
