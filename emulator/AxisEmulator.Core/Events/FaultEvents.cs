using AxisEmulator.Core.Button;
using AxisEmulator.Core.Chaos;

namespace AxisEmulator.Core.Events;

/// <summary>The control button's contact was made healthy, mushy, stuck or broken.</summary>
public sealed record ButtonConditionSet(ButtonFault Fault) : DeviceEvent;

/// <summary>The unit was bricked (a fault injected from outside).</summary>
public sealed record UnitBricked : DeviceEvent;

/// <summary>A bricked unit was repaired.</summary>
public sealed record UnitRepaired : DeviceEvent;

/// <summary>The network cable was pulled.</summary>
public sealed record LinkLost : DeviceEvent;

/// <summary>The network cable was plugged back.</summary>
public sealed record LinkRestored : DeviceEvent;

/// <summary>A chaos plan's action reached the device; <paramref name="Aside"/> says when it had no effect.</summary>
public sealed record ChaosApplied(ChaosAction Action, string? Aside = null) : DeviceEvent;

/// <summary>A chaos brown-out or network loss was undone (power restored, link up).</summary>
public sealed record ChaosEnded(ChaosAction Action) : DeviceEvent;
