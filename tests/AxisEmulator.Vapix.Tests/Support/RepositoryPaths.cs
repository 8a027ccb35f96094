namespace AxisEmulator.Vapix.Tests.Support;

internal static class RepositoryPaths
{
    /// <summary>The repository's <c>hardware-profiles/vapix</c>, found by walking up to the solution file.</summary>
    public static string VapixData => Path.Combine(Root, "hardware-profiles", "vapix");

    public static string Root
    {
        get
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
}
