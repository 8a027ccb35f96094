using AxisEmulator.Core.Devices;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.Onvif.Discovery;

/// <summary>
/// One boot of one device as WS-Discovery sees it: what it answers to a datagram (a ProbeMatch to a
/// matching Probe, a ResolveMatch to a Resolve of its endpoint), its Hello and its Bye, numbered in
/// one AppSequence. A device with <c>WebService.DiscoveryMode.Discoverable=No</c> says nothing.
/// The socket and when to send are the responder's (unicast on loopback, multicast in the lab).
/// </summary>
public sealed class DiscoverableDevice
{
    private readonly VapixDevice _device;
    private readonly Func<IReadOnlyList<Uri>> _webServers;
    private long _messageNumber;

    private DiscoverableDevice(VapixDevice device, Func<IReadOnlyList<Uri>> webServers)
    {
        _device = device;
        _webServers = webServers;

        // The boot's instance: AppSequence InstanceId changes when the device restarts (WS-Discovery §7).
        InstanceId = Math.Abs((long)(device.Camera.BootId ?? device.Camera.Serial).GetHashCode(StringComparison.Ordinal)) + 1;
    }

    /// <param name="webServers">Where the device's web server answers now (e.g. <c>http://192.168.0.90/</c>); its device service URL on each is an XAddr.</param>
    public static DiscoverableDevice For(VapixServices services, Device camera, Func<IReadOnlyList<Uri>> webServers)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(webServers);
        return new DiscoverableDevice(services.DeviceFor(camera), webServers);
    }

    public long InstanceId { get; }

    /// <summary>The device's WS-Discovery endpoint reference (<c>urn:uuid:…</c>), the same on every boot: what clients key it by.</summary>
    public static string EndpointOf(string serial) => DiscoveryTarget.EndpointOf(serial);

    /// <summary>The Hello announcing the device, or null while it is not discoverable or has no address.</summary>
    public byte[]? Hello() => Target() is { } target ? DiscoveryMessages.Announcement(target, hello: true, InstanceId, Next()) : null;

    /// <summary>The Bye of an orderly shutdown, or null while it is not discoverable.</summary>
    public byte[]? Bye() => Target() is { } target ? DiscoveryMessages.Announcement(target, hello: false, InstanceId, Next()) : null;

    /// <summary>The answer to <paramref name="datagram"/>: a ProbeMatches, a ResolveMatches, or null (not for this device, not discoverable, not WS-Discovery).</summary>
    public byte[]? AnswerTo(ReadOnlySpan<byte> datagram)
    {
        if (DiscoveryEnvelope.Read(datagram) is not { } envelope || Target() is not { } target)
        {
            return null;
        }

        if (ProbeMessage.From(envelope) is { } probe)
        {
            return probe.Matches(target.Scopes) ? DiscoveryMessages.ProbeMatches(target, probe.MessageId, InstanceId, Next()) : null;
        }

        return ResolveMessage.From(envelope) is { } resolve && string.Equals(resolve.Address, target.EndpointAddress, StringComparison.OrdinalIgnoreCase)
            ? DiscoveryMessages.ResolveMatches(target, resolve.MessageId, InstanceId, Next())
            : null;
    }

    private long Next() => Interlocked.Increment(ref _messageNumber);

    /// <summary>What the device says now (null: it is not discoverable or has no web server address yet).</summary>
    private DiscoveryTarget? Target()
    {
        var view = _device.View();
        var webServers = _webServers();
        if (string.Equals(view.Tree["WebService.DiscoveryMode.Discoverable"], "no", StringComparison.OrdinalIgnoreCase) || webServers.Count == 0)
        {
            return null;
        }

        return new DiscoveryTarget(
            DiscoveryTarget.EndpointOf(_device.Camera.Serial),
            OnvifScopes.All(view),
            [.. webServers.Select(server => new Uri(server, DeviceServiceOperations.DevicePath).ToString())]);
    }
}
