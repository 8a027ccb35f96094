using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Control.Scenarios;

/// <summary>Thrown when a scenario file is invalid; <see cref="InvalidFileException.Errors"/> has every problem in line order.</summary>
public sealed class ScenarioValidationException : InvalidFileException
{
    public ScenarioValidationException()
        : this([])
    {
    }

    public ScenarioValidationException(string message)
        : base(message)
    {
    }

    public ScenarioValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ScenarioValidationException(IReadOnlyList<FileError> errors)
        : base(errors, "invalid scenario", "invalid scenario")
    {
    }
}
