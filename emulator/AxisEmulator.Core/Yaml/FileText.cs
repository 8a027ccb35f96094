using System.Diagnostics.CodeAnalysis;

namespace AxisEmulator.Core.Yaml;

/// <summary>
/// The text of a file the emulator reads (profile, fleet file, scenario). A file that cannot be read
/// (missing, a directory, no permission) is reported like any other problem in it, on its line 1.
/// </summary>
public static class FileText
{
    /// <inheritdoc cref="TryRead(string, string, out string, out FileError?)"/>
    public static bool TryRead(string path, out string text, [NotNullWhen(false)] out FileError? error) =>
        TryRead(path, path, out text, out error);

    /// <summary>Reads all of <paramref name="path"/>; when it cannot, the error names the file as <paramref name="shownAs"/>.</summary>
    public static bool TryRead(string path, string shownAs, out string text, [NotNullWhen(false)] out FileError? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            text = File.ReadAllText(path);
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            text = "";
            error = new FileError(shownAs, 1, "cannot read the file: " + ex.Message);
            return false;
        }
    }
}
