using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Leds;

namespace AxisEmulator.Core.Events;

/// <summary>The boot machine moved from one phase to another.</summary>
public sealed record PhaseChanged(DevicePhase From, DevicePhase To) : DeviceEvent;

/// <summary>An LED shows something else (LEDs raise only on a real change).</summary>
public sealed record LedChanged(LedName Led, LedState From, LedState To) : DeviceEvent;

/// <summary>The stored configuration changed and was saved; <paramref name="Description"/> says what.</summary>
public sealed record ConfigChanged(string Description) : DeviceEvent;
