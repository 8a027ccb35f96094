using System.Diagnostics.CodeAnalysis;
using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Control.Scenarios;

/// <summary>Thrown when a scenario file is invalid; <see cref="InvalidFileException.Errors"/> has every problem in line order.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "It is always built from the errors it reports.")]
public sealed class ScenarioValidationException(IReadOnlyList<FileError> errors) : InvalidFileException(errors, "invalid scenario", "invalid scenario");
