namespace AxisEmulator.Core.Tests.Support;

public static class RepositoryPaths
{
    /// <summary>The repository root: the nearest directory above the test binaries holding AxisEmulator.sln.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AxisEmulator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AxisEmulator.sln not found above " + AppContext.BaseDirectory);
    }
}
