using AxisEmulator.Core.Profiles;
using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Control.Scenarios;

/// <summary>The shipped scenario files presenter mode can play: <c>scenarios/*.yaml</c>.</summary>
public sealed class ScenarioLibrary
{
    public const string DirectoryName = "scenarios";

    public ScenarioLibrary(string? directory)
    {
        Directory = directory is null ? null : Path.GetFullPath(directory);
    }

    /// <summary>The directory read, or null when none was found (the list is then empty).</summary>
    public string? Directory { get; }

    /// <summary>
    /// <paramref name="configured"/> when given; else a <c>scenarios</c> directory next to the executable
    /// or above it (a build output inside the repository), else in or above the working directory.
    /// </summary>
    public static ScenarioLibrary Locate(string? configured)
    {
        if (configured is not null)
        {
            return new ScenarioLibrary(configured);
        }

        foreach (var start in new[] { AppContext.BaseDirectory, System.IO.Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DirectoryName);
                if (System.IO.Directory.Exists(candidate) && System.IO.Directory.EnumerateFiles(candidate, "*" + ScenarioParser.FileExtension).Any())
                {
                    return new ScenarioLibrary(candidate);
                }
            }
        }

        return new ScenarioLibrary(null);
    }

    /// <summary>File names (<c>factory-reset-button.yaml</c>), sorted; links to files outside the folder are left out.</summary>
    public IReadOnlyList<string> Files() =>
        Directory is not null && System.IO.Directory.Exists(Directory)
            ? [.. System.IO.Directory.EnumerateFiles(Directory, "*" + ScenarioParser.FileExtension).Where(StaysInside).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
            : [];

    /// <summary>
    /// Whether <paramref name="file"/> names a scenario this library may read: a bare file name (no
    /// directory part, no <c>..</c>), of a file in the folder, that is not a link leading out of it.
    /// </summary>
    public ScenarioFileCheck Check(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length == 0 || file is "." or ".." || file.IndexOfAny(['/', '\\', ':']) >= 0 || file.Any(char.IsControl) || Path.IsPathRooted(file))
        {
            return ScenarioFileCheck.NotAFileName;
        }

        if (Directory is null || !File.Exists(Path.Combine(Directory, file)) || !file.EndsWith(ScenarioParser.FileExtension, StringComparison.Ordinal))
        {
            return ScenarioFileCheck.Missing;
        }

        return StaysInside(Path.Combine(Directory, file)) ? ScenarioFileCheck.Found : ScenarioFileCheck.OutsideTheFolder;
    }

    /// <summary>Parses <paramref name="file"/> (a bare file name from <see cref="Files"/>); null unless <see cref="Check"/> finds it.</summary>
    public ScenarioParseResult? Read(string file, ProfileCatalog profiles)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (Directory is null || Check(file) != ScenarioFileCheck.Found)
        {
            return null;
        }

        return FileText.TryRead(Path.Combine(Directory, file), file, out var text, out var unreadable)
            ? ScenarioParser.Read(text, file, profiles)
            : new ScenarioParseResult(null, [unreadable]);
    }

    /// <summary>A plain file of the folder, or a link whose final target lies under the folder (both followed through links).</summary>
    private bool StaysInside(string path)
    {
        if (new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is not { } target)
        {
            return true;
        }

        var folder = RealPath(Directory!) + Path.DirectorySeparatorChar;
        var targetFolder = RealPath(Path.GetDirectoryName(Path.GetFullPath(target.FullName))!) + Path.DirectorySeparatorChar;
        return targetFolder.StartsWith(folder, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    /// <summary>The directory with every link on its way followed.</summary>
    private static string RealPath(string directory)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (new DirectoryInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target)
        {
            return Path.TrimEndingDirectorySeparator(Path.GetFullPath(target.FullName));
        }

        var parent = Path.GetDirectoryName(full);
        return parent is null || parent == full ? full : Path.Combine(RealPath(parent), Path.GetFileName(full));
    }
}
