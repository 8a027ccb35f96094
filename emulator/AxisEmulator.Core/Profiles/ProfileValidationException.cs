using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Core.Profiles;

/// <summary>Thrown when hardware-profile files are invalid; <see cref="InvalidFileException.Errors"/> has every problem in file then line order.</summary>
public sealed class ProfileValidationException : InvalidFileException
{
    public ProfileValidationException()
        : this([])
    {
    }

    public ProfileValidationException(string message)
        : base(message)
    {
    }

    public ProfileValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ProfileValidationException(IReadOnlyList<FileError> errors)
        : base(errors, "invalid hardware profile", "invalid hardware profiles")
    {
    }
}
