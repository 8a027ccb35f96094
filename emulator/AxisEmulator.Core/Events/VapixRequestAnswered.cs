namespace AxisEmulator.Core.Events;

/// <summary>
/// The device answered a VAPIX request. Every request makes one and the ring keeps thousands, each
/// outliving its request (the GC copies every survivor), so it holds only its figures (the
/// refusal, an enum, fits beside the status: the record is no bigger for it).
/// </summary>
/// <param name="User">The authenticated user, or the user whose role fell short (wrong-role).</param>
/// <param name="Milliseconds">Time the answer took, when measured.</param>
/// <param name="Refusal">Why the credentials were refused, if they were.</param>
public sealed record VapixRequestAnswered(string Method, string Path, string? User, int Status, double? Milliseconds, RequestRefusal Refusal = RequestRefusal.None) : DeviceEvent;
