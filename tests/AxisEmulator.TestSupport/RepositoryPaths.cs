namespace AxisEmulator.TestSupport;

/// <summary>Where the tests find the repository's own files: they run below it (a fresh clone passes its own tests).</summary>
public static class RepositoryPaths
{
    /// <summary>The nearest directory above the test binaries that holds AxisEmulator.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary><c>hardware-profiles/</c>: the shipped profiles, their JSON Schema and the VAPIX data.</summary>
    public static string HardwareProfiles => Path.Combine(Root, "hardware-profiles");

    /// <summary><c>hardware-profiles/vapix/</c>: the data extracted from real captures.</summary>
    public static string VapixData => Path.Combine(HardwareProfiles, "vapix");

    /// <summary><c>scenarios/</c>: the shipped scenario files.</summary>
    public static string Scenarios => Path.Combine(Root, "scenarios");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AxisEmulator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No AxisEmulator.sln above {AppContext.BaseDirectory}.");
    }
}
