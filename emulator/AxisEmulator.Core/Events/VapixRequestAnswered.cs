namespace AxisEmulator.Core.Events;

/// <summary>
/// The device answered a VAPIX request. Every request makes one and the ring keeps thousands, each
/// outliving its request (the GC copies every survivor), so it holds only its five figures.
/// </summary>
/// <param name="User">The authenticated user, or the user a refused request named.</param>
/// <param name="Milliseconds">Time the answer took, when measured.</param>
public sealed record VapixRequestAnswered(string Method, string Path, string? User, int Status, double? Milliseconds) : DeviceEvent;
