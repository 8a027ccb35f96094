using System.Diagnostics.CodeAnalysis;

namespace AxisEmulator.Core.Profiles;

/// <summary>
/// Finds the <c>hardware-profiles</c> directory: next to the executable when installed (the host copies
/// it there), or at the repository root when running from a build output folder.
/// </summary>
public static class HardwareProfilesDirectory
{
    public const string DirectoryName = "hardware-profiles";

    /// <summary>Searches upward from <see cref="AppContext.BaseDirectory"/>.</summary>
    public static string Find() => Find(AppContext.BaseDirectory);

    /// <summary>Searches <paramref name="startDirectory"/> and each of its parents for a <c>hardware-profiles</c> child.</summary>
    public static string Find(string startDirectory) =>
        TryFind(startDirectory, out var directory)
            ? directory
            : throw new DirectoryNotFoundException(
                $"no '{DirectoryName}' directory found in '{startDirectory}' or any of its parents");

    public static bool TryFind(string startDirectory, [NotNullWhen(true)] out string? directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(startDirectory);
        for (var current = new DirectoryInfo(Path.GetFullPath(startDirectory)); current is not null; current = current.Parent)
        {
            var candidate = Path.Combine(current.FullName, DirectoryName);
            if (Directory.Exists(candidate))
            {
                directory = candidate;
                return true;
            }
        }

        directory = null;
        return false;
    }
}
