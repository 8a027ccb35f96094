using System.Diagnostics.CodeAnalysis;
using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Core.Profiles;

/// <summary>Thrown when hardware-profile files are invalid; <see cref="InvalidFileException.Errors"/> has every problem in file then line order.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "It is always built from the errors it reports.")]
public sealed class ProfileValidationException(IReadOnlyList<FileError> errors) : InvalidFileException(errors, "invalid hardware profile", "invalid hardware profiles");
