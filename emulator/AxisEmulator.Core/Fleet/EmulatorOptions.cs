using AxisEmulator.Core.Clock;

namespace AxisEmulator.Core.Fleet;

/// <summary>How an emulator instance is set up: its clock, seed and where devices keep state.</summary>
public sealed record EmulatorOptions
{
    public ClockMode ClockMode { get; init; } = ClockMode.Realtime;

    /// <summary>Simulated seconds per wall second in <see cref="ClockMode.Scaled"/> mode.</summary>
    public double ClockScale { get; init; } = 1;

    /// <summary>The wall clock realtime and scaled time are paced by, and sockets live in; null: the system's (tests give a fake).</summary>
    public TimeProvider? WallClock { get; init; }

    /// <summary>Emulator-wide seed: the same seed and inputs give the same timeline.</summary>
    public int Seed { get; init; }

    /// <summary>Directory for device state; null keeps state in memory only (ephemeral).</summary>
    public string? StateDirectory { get; init; }

    /// <summary>Where devices keep state, in place of <see cref="StateDirectory"/> (tests that watch the writes).</summary>
    public Config.IDeviceStateStore? Store { get; init; }

    /// <summary>DHCP pool of the emulated LAN as "first-last" (e.g. 192.168.0.100-192.168.0.199); null: no DHCP server.</summary>
    public string? DhcpPool { get; init; }

    public int TimelineCapacity { get; init; } = Events.DeviceTimeline.DefaultCapacity;
}
