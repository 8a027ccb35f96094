namespace AxisEmulator.Core.Devices;

/// <summary>An uploaded AXIS OS image, as far as the device cares: which model it is for and its version.</summary>
public sealed record FirmwareImage(string Model, string Version, bool Signed = true);

public enum AutoCommit
{
    /// <summary>Commit once the new image has booted to ready.</summary>
    Boot,

    /// <summary>Wait for an explicit commit; roll back when the rollback timer expires.</summary>
    Never,
}

public sealed record UpgradeOptions(AutoCommit AutoCommit = AutoCommit.Boot, TimeSpan? AutoRollback = null)
{
    public static readonly UpgradeOptions Default = new();
}

public enum UpgradeRejection
{
    None,

    /// <summary>The image is for another model (VAPIX 421).</summary>
    ModelMismatch,

    /// <summary>The device is not ready or already upgrading (VAPIX 423).</summary>
    Busy,

    /// <summary>The running image is not committed yet (VAPIX 412).</summary>
    ActiveUncommitted,

    /// <summary>Unsigned image (VAPIX 422).</summary>
    MissingSignature,
}
