namespace AxisEmulator.Lab.Arp;

/// <summary>
/// The waits of RFC 5227's address conflict detection (§1.1 constants): a random wait up to
/// <paramref name="ProbeWait"/>, <paramref name="ProbeCount"/> probes <paramref name="ProbeMin"/> to
/// <paramref name="ProbeMax"/> apart, <paramref name="AnnounceWait"/> before the address is used,
/// then <paramref name="AnnounceCount"/> announcements <paramref name="AnnounceInterval"/> apart.
/// </summary>
internal sealed record ArpTiming(TimeSpan ProbeWait, int ProbeCount, TimeSpan ProbeMin, TimeSpan ProbeMax, TimeSpan AnnounceWait, int AnnounceCount, TimeSpan AnnounceInterval)
{
    public static ArpTiming Rfc5227 { get; } = new(
        TimeSpan.FromSeconds(1), 3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), 2, TimeSpan.FromSeconds(2));

    public TimeSpan BeforeFirstProbe() => Between(TimeSpan.Zero, ProbeWait);

    public TimeSpan BetweenProbes() => Between(ProbeMin, ProbeMax);

    private static TimeSpan Between(TimeSpan least, TimeSpan most) =>
        least + TimeSpan.FromTicks((long)(Random.Shared.NextDouble() * (most - least).Ticks));
}
