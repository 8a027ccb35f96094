using AxisEmulator.Core.Boot;
using AxisEmulator.Core.Button;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Leds;
using AxisEmulator.Core.Power;

namespace AxisEmulator.Core.Devices;

/// <summary>A consistent picture of one device, taken under its gate.</summary>
public sealed record DeviceSnapshot(
    string Id,
    string Profile,
    string Serial,
    DevicePhase Phase,
    PowerSnapshot Power,
    ButtonSnapshot Button,
    IReadOnlyDictionary<LedName, LedState> Leds,
    NetworkSnapshot Network,
    FirmwareSnapshot Firmware,
    int BootCount,
    int BootLoopCount,
    bool Bricked,
    ResetHoldSnapshot? ResetHold = null,
    string? CertificateSha256 = null);

/// <summary><paramref name="Reading"/> is the last evaluation of the rail (null before the first power-up).</summary>
public sealed record PowerSnapshot(bool On, PowerSource? Source, PowerReading? Reading);

/// <param name="ReleaseAt">When a hold in progress lets go (<see cref="Device.HoldButton"/>); null when none is.</param>
public sealed record ButtonSnapshot(bool Pressed, bool Held, ButtonFault Fault, DateTimeOffset? ReleaseAt = null);

/// <summary>
/// The boot loader is counting a hold of the control button: since <paramref name="CountingSince"/>
/// (power-on with the button held, or the debounced press), and what a release now would do.
/// </summary>
public sealed record ResetHoldSnapshot(DateTimeOffset CountingSince, ResetOutcome ReleaseNow)
{
    /// <summary>Until when holding on keeps <see cref="ReleaseNow"/>'s verdict (the window opens or closes); null past the window.</summary>
    public DateTimeOffset? VerdictHoldsUntil => ReleaseNow.VerdictHoldsUntilSeconds is { } seconds ? CountingSince + TimeSpan.FromSeconds(seconds) : null;
}

/// <summary>Emulated addressing: reported, never bound. <paramref name="Conflicts"/> lists serials sharing the address.</summary>
public sealed record NetworkSnapshot(bool Listening, string? IpAddress, string? LinkLocalAddress, BootProtocol BootProto, bool LinkUp, IReadOnlyList<string> Conflicts);

/// <summary>
/// The device's addressing alone, without the conflict list: published as one immutable object that
/// is replaced only when the address, the link or the configured boot protocol changes, so a
/// per-request reader can tell "nothing changed" by reference.
/// </summary>
public sealed record NetworkAddressing(string? IpAddress, string? LinkLocalAddress, BootProtocol BootProto, bool LinkUp);

public sealed record FirmwareSnapshot(string Version, string? InactiveVersion, bool Committed, string? BootId, TimeSpan Uptime, bool NeedsSetup);
