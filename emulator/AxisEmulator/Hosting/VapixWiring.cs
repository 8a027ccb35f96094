using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Vapix.Hosting;
using AxisEmulator.Vapix.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AxisEmulator.Hosting;

/// <summary>
/// The one place where the host plugs the camera's VAPIX server into the per-device listeners,
/// for <c>serve</c> and for the scenario runs of <c>run</c>.
/// </summary>
public static class VapixWiring
{
    /// <summary>
    /// Device listeners for every device of <paramref name="emulator"/>, present and future: each
    /// opens on loopback when its device's network comes up, closes when it goes down, and answers
    /// with the device's VAPIX server. Returns the shared VAPIX services too (tests and the scenario
    /// client wait on a device's deferred actions through them).
    /// </summary>
    public static (DeviceListenerSet Listeners, VapixServices Vapix) Listen(Emulator emulator, ListenerLayout layout, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var vapix = VapixServices.For(emulator, loggerFactory: loggerFactory);
        var listeners = new DeviceListenerSet(emulator, camera => HandlerFor(camera, vapix), layout, loggerFactory);
        return (listeners, vapix);
    }

    /// <summary>The request handler of one device.</summary>
    public static RequestDelegate HandlerFor(Camera camera, VapixServices vapix) => VapixServer.For(camera, vapix);
}
