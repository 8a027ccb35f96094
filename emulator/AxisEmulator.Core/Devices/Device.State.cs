using AxisEmulator.Core.Network;

namespace AxisEmulator.Core.Devices;

/// <summary>What can be read of a device, each a consistent reading under the gate (or lock-free where it says so).</summary>
public sealed partial class Device
{
    public DevicePhase Phase
    {
        get { using (_gate.Enter()) { return Boot.Phase; } }
    }

    /// <summary>True while the device's HTTP listener should be open.</summary>
    public bool IsListening
    {
        get { using (_gate.Enter()) { return NetworkFace.Listening; } }
    }

    /// <summary>Whether the listener is open and, if not, how it closes: orderly (a reboot) or by losing power, link or firmware.</summary>
    public ListenerClose ListenerClose
    {
        get { using (_gate.Enter()) { return NetworkFace.Close; } }
    }

    /// <summary>Time since the boot loader last started (zero when unpowered).</summary>
    public TimeSpan Uptime
    {
        get { using (_gate.Enter()) { return Boot.Uptime; } }
    }

    /// <summary>UUID of the current boot; a new one on every boot.</summary>
    public string? BootId
    {
        get { using (_gate.Enter()) { return Boot.BootId; } }
    }

    /// <summary>Times the PSE cut power and retried since the last stable boot.</summary>
    public int BootLoopCount
    {
        get { using (_gate.Enter()) { return Boot.BootLoopCount; } }
    }

    /// <summary>The addressing now, lock-free and without the conflict list: for per-request use by the VAPIX server.</summary>
    public NetworkAddressing Addressing => NetworkFace.Addressing;

    /// <summary>The network part of <see cref="Snapshot"/> alone.</summary>
    public NetworkSnapshot Network
    {
        get { using (_gate.Enter()) { return NetworkFace.Snapshot; } }
    }

    /// <summary>A consistent picture of the device for the control plane.</summary>
    public DeviceSnapshot Snapshot()
    {
        using (_gate.Enter())
        {
            var firmware = _config.Firmware;
            return new DeviceSnapshot(
                Id,
                Profile.Id,
                Serial,
                Boot.Phase,
                PowerInput.Snapshot,
                new ButtonSnapshot(Button.IsPressed, Button.IsHeld, Button.Fault, _finger.ReleaseAt),
                Leds.All.ToDictionary(l => l.Name, l => l.State),
                NetworkFace.Snapshot,
                new FirmwareSnapshot(firmware.ActiveVersion, firmware.InactiveVersion, firmware.Committed, Boot.BootId, Boot.Uptime, _config.NeedsSetup),
                Boot.BootCount,
                Boot.BootLoopCount,
                Boot.Bricked,
                Boot.ResetHoldNow(),
                _config.HttpsCertificate?.Sha256);
        }
    }

    /// <summary>The state machines as Mermaid diagrams (checked into docs/).</summary>
    public IReadOnlyDictionary<string, string> ExportStateDiagrams()
    {
        using (_gate.Enter()) { return Boot.Diagrams(); }
    }
}
