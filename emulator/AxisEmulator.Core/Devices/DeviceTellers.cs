using AxisEmulator.Core.Events;
using AxisEmulator.Core.Network;

namespace AxisEmulator.Core.Devices;

/// <summary>How a queued <see cref="Notification"/> of a device is handed to one subscriber: static, so queueing one allocates nothing.</summary>
internal static class DeviceTellers
{
    public static readonly Action<Delegate, object?> Appended =
        static (subscriber, entry) => ((Action<TimelineEntry>)subscriber)((TimelineEntry)entry!);

    public static readonly Action<Delegate, object?> PhaseChanged = static (subscriber, what) =>
    {
        var (device, from, to) = ((Device, DevicePhase, DevicePhase))what!;
        ((Action<Device, DevicePhase, DevicePhase>)subscriber)(device, from, to);
    };

    public static readonly Action<Delegate, object?> ListeningChanged = static (subscriber, what) =>
    {
        var (device, listening) = ((Device, bool))what!;
        ((Action<Device, bool>)subscriber)(device, listening);
    };

    public static readonly Action<Delegate, object?> SharingChanged = static (subscriber, what) =>
    {
        var change = (SharingChange)what!;
        ((Action<string, bool>)subscriber)(change.Address, change.Shared);
    };
}
