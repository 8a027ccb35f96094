namespace AxisEmulator.Core.Config;

/// <summary>
/// The two flash banks of a dual-bank unit: what runs, what is kept for rollback, and whether the
/// running image is committed. Persisted with the configuration (it survives a factory default).
/// </summary>
public sealed record FirmwareBanks(string ActiveVersion, string? InactiveVersion = null, bool Committed = true)
{
    /// <summary>Image being written to the inactive bank, if an upgrade is in progress.</summary>
    public string? Flashing { get; init; }
}
