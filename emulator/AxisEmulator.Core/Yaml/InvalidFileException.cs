using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace AxisEmulator.Core.Yaml;

/// <summary>
/// A file with problems: carries every error found, not just the first, and lists them in
/// <see cref="Exception.Message"/> under a header such as <c>invalid scenario (3 errors):</c>.
/// </summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "It is always built from the errors it reports.")]
public abstract class InvalidFileException : Exception
{
    /// <param name="errors">Every error, in the order to show them.</param>
    /// <param name="one">The header for one error, e.g. "invalid scenario".</param>
    /// <param name="many">The header before "(N errors)", e.g. "invalid hardware profiles".</param>
    protected InvalidFileException(IReadOnlyList<FileError> errors, string one, string many)
        : base(Describe(errors, one, many))
    {
        Errors = errors;
    }

    /// <summary>Every error found, in file then line order.</summary>
    public IReadOnlyList<FileError> Errors { get; }

    private static string Describe(IReadOnlyList<FileError> errors, string one, string many)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            return one;
        }

        var header = errors.Count == 1 ? one + ":" : $"{many} ({errors.Count.ToString(CultureInfo.InvariantCulture)} errors):";
        return header + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
    }
}
