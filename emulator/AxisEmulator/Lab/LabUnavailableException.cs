namespace AxisEmulator.Lab;

/// <summary>The lab cannot be made or reached here (no privileges, no <c>ip</c>, no such lab); the message is one line for the user.</summary>
public sealed class LabUnavailableException : Exception
{
    public LabUnavailableException()
    {
    }

    public LabUnavailableException(string message)
        : base(message)
    {
    }

    public LabUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
