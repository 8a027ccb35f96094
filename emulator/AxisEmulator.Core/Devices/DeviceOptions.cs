using AxisEmulator.Core.Config;
using AxisEmulator.Core.Network;
using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Core.Devices;

/// <summary>What a <see cref="Device"/> is built from.</summary>
public sealed record DeviceOptions
{
    /// <summary>Device id: letters, digits, '-', '_' and '.' (it names the state file).</summary>
    public required string Id { get; init; }

    public required HardwareProfile Profile { get; init; }

    /// <summary>Serial (= MAC); null derives one from the profile's OUI, the id and the seed.</summary>
    public string? Serial { get; init; }

    /// <summary>Emulator-wide seed; with the id it seeds the device's randomness (mushy contact, boot ids).</summary>
    public int Seed { get; init; }

    public IDeviceStateStore? Store { get; init; }

    public EmulatedLan? Lan { get; init; }

    public int TimelineCapacity { get; init; } = Events.DeviceTimeline.DefaultCapacity;
}
