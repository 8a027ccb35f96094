using AxisEmulator.Core.Boot;
using AxisEmulator.Core.Config;

namespace AxisEmulator.Core.Events;

/// <summary>The boot loader started: boot number <paramref name="BootCount"/>, with a new boot id.</summary>
public sealed record BootloaderStarted(int BootCount, string? BootId) : DeviceEvent;

/// <summary>The boot loader found the control button held and waits for the reset window to open.</summary>
public sealed record ResetHoldSeen(double WindowMin, double WindowMax) : DeviceEvent;

/// <summary>The reset window opened: a release now resets the unit (the status LED flashes amber).</summary>
public sealed record ResetWindowOpened(double WindowMin, double WindowMax) : DeviceEvent;

/// <summary>
/// The reset window closed with the button still held: on a strict profile the boot loader gave up
/// (<paramref name="Abort"/> says why); on a lenient one (null) it still resets on release.
/// </summary>
public sealed record ResetWindowClosed(ResetOutcome? Abort) : DeviceEvent;

/// <summary>The button was released during the boot loader's reset check, judged by <paramref name="Outcome"/>.</summary>
public sealed record ResetReleased(ResetOutcome Outcome) : DeviceEvent;

/// <summary>Where a factory default came from.</summary>
public enum FactoryResetSource
{
    /// <summary>A VAPIX call (<c>factorydefault.cgi</c>, <c>hardfactorydefault.cgi</c>, firmware management).</summary>
    Network,

    /// <summary>The control button released inside the reset window.</summary>
    Button,
}

/// <summary>Wire names for <see cref="FactoryResetSource"/>.</summary>
public static class FactoryResetSources
{
    /// <summary><c>network</c> or <c>button</c>.</summary>
    public static string ToWireString(this FactoryResetSource source) => source == FactoryResetSource.Button ? "button" : "network";
}

/// <summary>A factory default began: the configuration is erased (<paramref name="Mode"/> says how much).</summary>
public sealed record FactoryResetStarted(FactoryDefaultMode Mode, FactoryResetSource Source) : DeviceEvent;

/// <summary>The unit is ready (systemready: yes), <paramref name="Uptime"/> after its boot loader started.</summary>
public sealed record SystemReady(TimeSpan Uptime) : DeviceEvent;

/// <summary>A soft reboot was asked for (restart.cgi, firmware management, chaos).</summary>
public sealed record RestartRequested : DeviceEvent;

/// <summary>The unit is bricked and powered: it does not start, no LED, no network.</summary>
public sealed record UnitDead : DeviceEvent;
