using AxisEmulator.Core.Fleet;
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
    private EmulatedDevices(Emulator emulator, DeviceListenerSet? listeners)
    {
        Emulator = emulator;
        Listeners = listeners;
    }

    public Emulator Emulator { get; }

    /// <summary>The devices' listeners (Core's <see cref="IDeviceEndpoints"/>), or null without a layout.</summary>
    public DeviceListenerSet? Listeners { get; }

    /// <summary>Creates the emulator and its listeners (throws what they throw: an unreadable state file, a port in use).</summary>
    public static EmulatedDevices Start(AxisEmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var emulator = new Emulator(options.Emulator, options.Profiles);
        try
        {
            var listeners = options.Listeners is { } layout
                ? VapixServer.Listen(emulator, layout, options.LoggerFactory, options.HardwareProfilesDirectory).Listeners
                : null;
            return new EmulatedDevices(emulator, listeners);
        }
        catch
        {
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

        Emulator.Dispose();
    }
}
