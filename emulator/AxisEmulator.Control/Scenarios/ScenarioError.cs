using System.Globalization;

namespace AxisEmulator.Control.Scenarios;

/// <summary>One problem in a scenario file, located by file and 1-based line.</summary>
/// <param name="File">The file name or path as it was given to the parser.</param>
/// <param name="Line">1-based line number.</param>
/// <param name="Message">What is wrong and, where possible, how to fix it.</param>
public sealed record ScenarioError(string File, int Line, string Message)
{
    /// <summary>The error as <c>file.yaml:LINE: message</c>.</summary>
    public override string ToString() => $"{File}:{Line.ToString(CultureInfo.InvariantCulture)}: {Message}";
}

/// <summary>
/// Thrown when a scenario file is invalid. Carries every error found, not just the first, each as
/// <c>file.yaml:LINE: message</c> in <see cref="Exception.Message"/>.
/// </summary>
public sealed class ScenarioValidationException : Exception
{
    public ScenarioValidationException()
        : this([])
    {
    }

    public ScenarioValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    public ScenarioValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public ScenarioValidationException(IReadOnlyList<ScenarioError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Every error found, in line order.</summary>
    public IReadOnlyList<ScenarioError> Errors { get; }

    private static string Describe(IReadOnlyList<ScenarioError> errors)
    {
        if (errors.Count == 0)
        {
            return "invalid scenario";
        }

        var header = errors.Count == 1
            ? "invalid scenario:"
            : $"invalid scenario ({errors.Count.ToString(CultureInfo.InvariantCulture)} errors):";
        return header + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
    }
}
