using AxisEmulator.Core.Fleet;
using AxisEmulator.Lab;
using AxisEmulator.Vapix.Hosting;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Hosting;

/// <summary>
/// The device side of the composition: the emulator and, when a layout is given, every device's VAPIX
/// server on its own listener (<see cref="VapixServer.Listen"/>). The control plane and the scenario
/// sandboxes are built over it; disposing closes the listeners, then the emulator.
/// </summary>
public sealed class EmulatedDevices : IAsyncDisposable
{
    private EmulatedDevices(Emulator emulator, DeviceListenerSet? listeners, NetworkLab? lab)
    {
        Emulator = emulator;
        Listeners = listeners;
        Lab = lab;
        Endpoints = lab is null || listeners is null ? listeners : new LabEndpoints(listeners, lab);
    }

    public Emulator Emulator { get; }

    /// <summary>The devices' listeners (Core's <see cref="IDeviceEndpoints"/>), or null without a layout.</summary>
    public DeviceListenerSet? Listeners { get; }

    /// <summary>The network lab the devices live in, or null on loopback.</summary>
    public NetworkLab? Lab { get; }

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

            var listeners = layout is not null
                ? VapixServer.Listen(emulator, layout, options.LoggerFactory, options.HardwareProfilesDirectory).Listeners
                : null;
            if (lab is not null && listeners is not null)
            {
                lab.ListenerSettled = listeners.SettledAsync;
            }

            return new EmulatedDevices(emulator, listeners, lab);
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
