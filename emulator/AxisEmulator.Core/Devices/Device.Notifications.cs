using AxisEmulator.Core.Events;
using AxisEmulator.Core.Network;

namespace AxisEmulator.Core.Devices;

/// <summary>What the device tells others goes out through its gate's outbox (see <see cref="DeviceGate"/>).</summary>
public sealed partial class Device
{
    private static readonly Action<Delegate, object?> TellAppended =
        static (subscriber, entry) => ((Action<TimelineEntry>)subscriber)((TimelineEntry)entry!);

    private static readonly Action<Delegate, object?> TellPhaseChanged = static (subscriber, what) =>
    {
        var (camera, from, to) = ((Device, DevicePhase, DevicePhase))what!;
        ((Action<Device, DevicePhase, DevicePhase>)subscriber)(camera, from, to);
    };

    private static readonly Action<Delegate, object?> TellListeningChanged = static (subscriber, what) =>
    {
        var (camera, listening) = ((Device, bool))what!;
        ((Action<Device, bool>)subscriber)(camera, listening);
    };

    private static readonly Action<Delegate, object?> TellSharingChanged = static (subscriber, what) =>
    {
        var change = (SharingChange)what!;
        ((Action<string, bool>)subscriber)(change.Address, change.Shared);
    };

    /// <summary>The timeline's subscribers hear of an entry once the gate is released (at once when it is not held: a VAPIX request's entry).</summary>
    private void RaiseAppended(Action<TimelineEntry> subscribers, TimelineEntry entry) =>
        _gate.Notify(new Notification(subscribers, entry, TellAppended));

    internal void RaisePhaseChangedLocked(DevicePhase from, DevicePhase to)
    {
        if (PhaseChanged is { } subscribers)
        {
            _gate.Notify(new Notification(subscribers, (this, from, to), TellPhaseChanged));
        }
    }

    internal void RaiseListeningChangedLocked(bool listening)
    {
        if (ListeningChanged is { } subscribers)
        {
            _gate.Notify(new Notification(subscribers, (this, listening), TellListeningChanged));
        }
    }

    /// <summary>The LAN's news for another device on this device's address waits until this device's gate is released.</summary>
    internal void TellSharingChangeLocked(SharingChange change) =>
        _gate.Notify(new Notification(change.Watcher, change, TellSharingChanged));
}
