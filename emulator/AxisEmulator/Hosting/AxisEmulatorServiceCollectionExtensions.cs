using AxisEmulator.Control;
using AxisEmulator.Control.Scenarios;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Vapix.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AxisEmulator.Hosting;

/// <summary>The one composition root: <c>serve</c>, the in-process fixture and every test host start the emulator with it.</summary>
public static class AxisEmulatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers one emulator (<see cref="EmulatedDevices"/>: created now, so a bad state file or a
    /// taken port fails here), its devices' VAPIX listeners when <see cref="AxisEmulatorOptions.Listeners"/>
    /// says where, the control plane over both, the VAPIX client that scenarios played inside the
    /// server use, and the sandboxes <c>POST /api/v1/scenarios/run</c> runs VAPIX scenarios in. The
    /// container owns the emulator and the listeners; map with <see cref="AxisEmulatorEndpointExtensions.MapAxisEmulator"/>.
    /// </summary>
    public static IServiceCollection AddAxisEmulator(this IServiceCollection services, AxisEmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Control.Validate();
        var devices = EmulatedDevices.Start(options);

        // Factories, so that the container disposes them (MapAxisEmulator resolves them): the listeners first, then the emulator.
        services.AddSingleton(_ => devices.Emulator);
        if (devices.Listeners is { } listeners)
        {
            services.AddSingleton(_ => listeners);
            services.AddSingleton(devices.Endpoints!);

            // Scenarios played inside the server (the dashboard's presenter) reach devices over real HTTP.
            services.AddSingleton<IScenarioVapixClient>(new HttpScenarioVapixClient(devices.Endpoints!, devices.Emulator.Clock.Wall));
        }

        if (devices.WsDiscovery is { } wsDiscovery)
        {
            services.AddSingleton(_ => wsDiscovery);
        }

        if (devices.Lab is { } lab)
        {
            services.AddSingleton(_ => lab);
        }

        services.AddSingleton<IScenarioSandboxFactory>(new ScenarioSandboxes(devices.Emulator.Clock.Wall));
        services.AddSingleton(ScenarioLibrary.Locate(options.ScenariosDirectory));
        services.AddAxisEmulatorControl(devices.Emulator, devices.Endpoints, options.Control);
        return services;
    }
}
