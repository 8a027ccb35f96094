namespace AxisEmulator.Core.Profiles;

/// <summary>One problem found in a hardware-profile file, located by file and 1-based line.</summary>
/// <param name="File">Path of the YAML file as it was loaded.</param>
/// <param name="Line">1-based line number in <paramref name="File"/>.</param>
/// <param name="Message">What is wrong, and where possible how to fix it.</param>
public sealed record ProfileError(string File, int Line, string Message)
{
    /// <summary>The error as <c>path/to/file.yaml:LINE: message</c>.</summary>
    public override string ToString() => $"{File}:{Line.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {Message}";
}
