namespace AxisEmulator.Core.Clock;

/// <summary>
/// What a <see cref="ScheduledEvent"/> is for, e.g. <c>cam-1 boot: network-up</c>: whose it is and
/// what it does, kept as the two strings given and joined only when shown (the debugger, the
/// lateness figures), so naming an event costs nothing when it is scheduled.
/// </summary>
public readonly record struct EventName(string? Owner, string What)
{
    /// <summary>An event of no one in particular (a test's, a timer's).</summary>
    public static implicit operator EventName(string what) => new(null, what);

    public override string ToString() => Owner is null ? What : $"{Owner} {What}";
}
