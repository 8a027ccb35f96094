namespace AxisEmulator.Cli;

/// <summary>Bad input found while running a command (a missing file, an unknown profile): printed as <c>error: message</c>, exit 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
