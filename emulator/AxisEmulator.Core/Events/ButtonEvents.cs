namespace AxisEmulator.Core.Events;

/// <summary>A finger pressed the control button.</summary>
public sealed record ButtonPressed : DeviceEvent;

/// <summary>The finger let go of the control button.</summary>
public sealed record ButtonReleased : DeviceEvent;

/// <summary>The firmware's debouncer reads the button as pressed (the contact was stable for the debounce window).</summary>
public sealed record DebouncedPress : DeviceEvent;

/// <summary>The firmware's debouncer reads the button as released.</summary>
public sealed record DebouncedRelease : DeviceEvent;

/// <summary>A mushy contact opened for <paramref name="Length"/> under a held finger.</summary>
public sealed record ContactDroppedOut(TimeSpan Length) : DeviceEvent;
