using AxisEmulator.Core.Power;

namespace AxisEmulator.Core.Events;

/// <summary>A source was plugged into an unpowered device.</summary>
public sealed record PoweredOn(PowerSource Source) : DeviceEvent;

/// <summary>The source was changed while the device had one (the rail is evaluated again).</summary>
public sealed record PowerSourceChanged(PowerSource Source) : DeviceEvent;

/// <summary>The device went dark: <paramref name="Unplugged"/> when the plug was pulled, else the rail gave nothing.</summary>
public sealed record PoweredOff(bool Unplugged) : DeviceEvent;

/// <summary>A source was plugged in that gives nothing at all, so the device never starts.</summary>
public sealed record NoPowerAtPlugIn(PowerReading Reading) : DeviceEvent;

/// <summary>The rail, evaluated for a phase's load, is healthy again (or for the first time).</summary>
public sealed record PowerOk(PowerReading Reading) : DeviceEvent;

/// <summary>The rail holds only with the load capped (degraded: heater or IR limited).</summary>
public sealed record PowerWarning(PowerReading Reading) : DeviceEvent;

/// <summary>The rail gives nothing for a phase's load: the device loses power.</summary>
public sealed record NoPower(PowerReading Reading) : DeviceEvent;

/// <summary>The rail cannot carry a phase's load (overload or undervoltage): the PSE cuts power.</summary>
public sealed record BrownOut(PowerReading Reading) : DeviceEvent;

/// <summary>After a brown-out the PSE tries again after <paramref name="Retry"/>: a boot loop while the condition lasts.</summary>
public sealed record PseRetryScheduled(int BootLoopCount, TimeSpan Retry) : DeviceEvent;
