using AxisEmulator.Core.Fleet;
using AxisEmulator.Lab;
using AxisEmulator.Vapix.Hosting;
using AxisEmulator.Vapix.Onvif.Discovery;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Hosting;

/// <summary>
/// The device side of the composition: the emulator and, when a layout is given, every device's VAPIX
/// server on its own listener (<see cref="VapixServer.Listen"/>). The control plane and the scenario
/// sandboxes are built over it; disposing closes the listeners, then the emulator.
/// </summary>
public sealed class EmulatedDevices : IAsyncDisposable
{
    private EmulatedDevices(Emulator emulator, DeviceListenerSet? listeners, NetworkLab? lab, WsDiscoveryResponders? wsDiscovery)
    {
        Emulator = emulator;
        Listeners = listeners;
        Lab = lab;
        WsDiscovery = wsDiscovery;
        Endpoints = listeners is null ? null
            : lab is not null ? new LabEndpoints(listeners, lab)
            : wsDiscovery is not null ? new LoopbackEndpoints(listeners, wsDiscovery)
            : listeners;
    }

    public Emulator Emulator { get; }

    /// <summary>The devices' listeners (Core's <see cref="IDeviceEndpoints"/>), or null without a layout.</summary>
    public DeviceListenerSet? Listeners { get; }

    /// <summary>The network lab the devices live in, or null on loopback.</summary>
    public NetworkLab? Lab { get; }

    /// <summary>The devices' unicast WS-Discovery ports on loopback (in the lab, each camera answers on its own 3702 instead); null without listeners.</summary>
    public WsDiscoveryResponders? WsDiscovery { get; }

    /// <summary>Where each device answers and when it has settled (in the lab, its link and addresses too); null without listeners.</summary>
    public IDeviceEndpoints? Endpoints { get; }

    /// <summary>Creates the emulator and its listeners (throws what they throw: an unreadable state file, a port in use).</summary>
    public static EmulatedDevices Start(AxisEmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var emulator = new Emulator(options.Emulator, options.Profiles);
        NetworkLab? lab = null;
        try
        {
            var layout = options.Listeners;
            if (options.Lab is { } names)
            {
                lab = NetworkLab.Start(names, emulator, options.LoggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
                layout = (layout ?? new ListenerLayout()) with { Place = lab.Place };
            }

            DeviceListenerSet? listeners = null;
            WsDiscoveryResponders? wsDiscovery = null;
            if (layout is not null)
            {
                (listeners, var services) = VapixServer.Listen(emulator, layout, options.LoggerFactory, options.HardwareProfilesDirectory);
                wsDiscovery = lab is null ? WsDiscoveryResponders.Start(emulator, services, listeners, layout) : null;
                if (lab is not null)
                {
                    lab.Vapix = services;
                }
            }

            if (lab is not null && listeners is not null)
            {
                lab.ListenerSettled = listeners.SettledAsync;
            }

            return new EmulatedDevices(emulator, listeners, lab, wsDiscovery);
        }
        catch
        {
            lab?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            emulator.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (WsDiscovery is not null)
        {
            await WsDiscovery.DisposeAsync();
        }

        if (Listeners is not null)
        {
            await Listeners.DisposeAsync();
        }

        if (Lab is not null)
        {
            await Lab.DisposeAsync();
        }

        Emulator.Dispose();
    }
}
