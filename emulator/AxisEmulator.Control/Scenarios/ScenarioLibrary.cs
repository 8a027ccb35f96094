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

    /// <summary>File names (<c>factory-reset-button.yaml</c>), sorted.</summary>
    public IReadOnlyList<string> Files() =>
        Directory is not null && System.IO.Directory.Exists(Directory)
            ? [.. System.IO.Directory.EnumerateFiles(Directory, "*" + ScenarioParser.FileExtension).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Parses <paramref name="file"/> (a bare file name from <see cref="Files"/>); null when there is no such file.</summary>
    public ScenarioParseResult? Read(string file, ProfileCatalog profiles)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (Directory is null || !Files().Contains(file, StringComparer.Ordinal))
        {
            return null;
        }

        return FileText.TryRead(Path.Combine(Directory, file), file, out var text, out var unreadable)
            ? ScenarioParser.Read(text, file, profiles)
            : new ScenarioParseResult(null, [unreadable]);
    }
}
