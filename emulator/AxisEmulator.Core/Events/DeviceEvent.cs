namespace AxisEmulator.Core.Events;

/// <summary>
/// Something that happened to a device, as a typed record: what the device decided or saw, with
/// the figures it had at that instant. The device appends it to its <see cref="DeviceTimeline"/>;
/// <see cref="DeviceEventCatalogue"/> turns it into the wire name, message and data that the
/// control API, the event stream and the dashboard show (documented in <c>docs/events.md</c>).
/// </summary>
/// <remarks>
/// Consumers in C# switch on the type (<c>entry.Event is BrownOut</c>); only the wire compares names.
/// A record keeps values, not text: the message and data are written when a reader asks, so an
/// event nobody reads costs only its record.
/// </remarks>
public abstract record DeviceEvent;
