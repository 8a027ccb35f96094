using AxisEmulator.Control;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Vapix.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AxisEmulator.Hosting;

public static class AxisEmulatorEndpointExtensions
{
    /// <summary>
    /// Maps what <see cref="AxisEmulatorServiceCollectionExtensions.AddAxisEmulator"/> registered: the
    /// control API, the dashboard, the OpenAPI document, health and metrics (<c>MapControlApi</c>), and
    /// hands the emulator and its listeners to the container, which disposes them with the app.
    /// </summary>
    public static WebApplication MapAxisEmulator(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Disposed in the reverse order: the WS-Discovery ports, the listeners, then the lab's namespaces, then the emulator.
        app.Services.GetRequiredService<Emulator>();
        app.Services.GetService<Lab.NetworkLab>();
        app.Services.GetService<DeviceListenerSet>();
        app.Services.GetService<Vapix.Onvif.Discovery.WsDiscoveryResponders>();
        app.MapControlApi();
        return app;
    }
}
