using AxisEmulator.Core.Devices;

namespace AxisEmulator.Core.Events;

/// <summary>A firmware upgrade was refused before anything was written.</summary>
public sealed record UpgradeRefused(FirmwareImage Image, UpgradeRejection Reason) : DeviceEvent;

/// <summary>The image <paramref name="Version"/> is being written to the inactive bank.</summary>
public sealed record UpgradeStarted(string? Version, double FlashSeconds) : DeviceEvent;

/// <summary>Power was lost mid-flash on a single-bank unit: the only image is corrupt and the unit bricked.</summary>
public sealed record FlashCorrupted(string What, string? Version) : DeviceEvent;

/// <summary>Power was lost mid-flash or before a commit: the unit falls back to <paramref name="Version"/>.</summary>
public sealed record FirmwareRolledBack(string What, string? Version) : DeviceEvent;
