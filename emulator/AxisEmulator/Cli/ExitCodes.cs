namespace AxisEmulator.Cli;

/// <summary>What the process returns.</summary>
public static class ExitCodes
{
    /// <summary>Everything passed (or the server stopped normally).</summary>
    public const int Success = 0;

    /// <summary>A scenario failed, or a profile file is invalid (<c>profiles validate</c>).</summary>
    public const int Failure = 1;

    /// <summary>Bad input: unknown command or option, a bad value, a missing or invalid file.</summary>
    public const int InvalidInput = 2;
}
