using System.Globalization;

namespace AxisEmulator.Core.Yaml;

/// <summary>One problem in a file the emulator reads (profile, fleet file, scenario), located by file and 1-based line.</summary>
/// <param name="File">Path of the file as it was given.</param>
/// <param name="Line">1-based line number in <paramref name="File"/>.</param>
/// <param name="Message">What is wrong, and where possible how to fix it.</param>
public sealed record FileError(string File, int Line, string Message)
{
    /// <summary>The error as <c>path/to/file.yaml:LINE: message</c>, the form editors and CI logs link.</summary>
    public override string ToString() => $"{File}:{Line.ToString(CultureInfo.InvariantCulture)}: {Message}";
}
