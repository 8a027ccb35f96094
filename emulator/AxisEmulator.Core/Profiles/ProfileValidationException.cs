namespace AxisEmulator.Core.Profiles;

/// <summary>
/// Thrown when one or more hardware-profile files are invalid. Carries every error found, not just
/// the first, each formatted <c>path/to/file.yaml:LINE: message</c> in <see cref="Exception.Message"/>.
/// </summary>
public sealed class ProfileValidationException : Exception
{
    public ProfileValidationException()
        : this([])
    {
    }

    public ProfileValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    public ProfileValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public ProfileValidationException(IReadOnlyList<ProfileError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Every error found, in file order then line order.</summary>
    public IReadOnlyList<ProfileError> Errors { get; }

    private static string Describe(IReadOnlyList<ProfileError> errors)
    {
        if (errors.Count == 0)
        {
            return "invalid hardware profile";
        }

        var header = errors.Count == 1
            ? "invalid hardware profile:"
            : $"invalid hardware profiles ({errors.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} errors):";
        return header + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
    }
}
