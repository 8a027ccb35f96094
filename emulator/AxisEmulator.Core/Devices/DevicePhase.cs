namespace AxisEmulator.Core.Devices;

/// <summary>Where the device is in its life, from power-up to ready (serialised kebab-case).</summary>
public enum DevicePhase
{
    Off,
    Bootloader,
    ResetHold,
    ResetArmed,
    FactoryResetting,
    Booting,
    NetworkUp,
    Ready,
    ShuttingDown,
    Upgrading,
    Bricked,
    Brownout,
}

public static class DevicePhases
{
    /// <summary>kebab-case name as the control plane and timeline show it (<c>network-up</c>).</summary>
    public static string ToKebab(this DevicePhase phase) => phase switch
    {
        DevicePhase.ResetHold => "reset-hold",
        DevicePhase.ResetArmed => "reset-armed",
        DevicePhase.FactoryResetting => "factory-resetting",
        DevicePhase.NetworkUp => "network-up",
        DevicePhase.ShuttingDown => "shutting-down",
        _ => phase.ToString().ToLowerInvariant(),
    };

    /// <summary>Phases in which the HTTP listener is open (given a network link).</summary>
    public static bool HasNetwork(this DevicePhase phase) => phase is DevicePhase.NetworkUp or DevicePhase.Ready or DevicePhase.Upgrading;

    public static bool IsPowered(this DevicePhase phase) => phase is not (DevicePhase.Off or DevicePhase.Brownout);
}
