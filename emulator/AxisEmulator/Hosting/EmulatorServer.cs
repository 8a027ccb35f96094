using System.Globalization;
using AxisEmulator.Control.Scenarios;
using AxisEmulator.Core.Chaos;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AxisEmulator.Hosting;

/// <summary>
/// What <c>serve</c> runs: the composition of <see cref="AxisEmulatorServiceCollectionExtensions.AddAxisEmulator"/>
/// — one <see cref="Emulator"/>, the device listeners that open and close with each device's network
/// (VAPIX), the control API (<c>/healthz</c>, <c>/api/v1/…</c>, <c>/openapi/v1.json</c>) — on a Kestrel
/// web application at the control URL, and the hosted service that adds the fleet and logs it.
/// </summary>
public static class EmulatorServer
{
    /// <summary>
    /// Starts everything, prints where it listens to <paramref name="output"/>, and runs until
    /// <paramref name="cancellationToken"/> is cancelled or the host is told to stop (Ctrl+C, SIGTERM).
    /// Start-up failures (a port in use, an unreadable state file) are thrown. With
    /// <paramref name="fleet"/>, its devices are served instead of <see cref="EmulatorSettings.Devices"/>
    /// cameras; <see cref="EmulatorSettings.DhcpPool"/> and <see cref="EmulatorSettings.SharedPort"/>,
    /// when set, win over the file's pool and listener layout.
    /// </summary>
    public static async Task<int> RunAsync(EmulatorSettings settings, ProfileCatalog profiles, TextWriter output, CancellationToken cancellationToken, FleetFile? fleet = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(output);
        if (fleet is not null && settings.DhcpPool is { } pool)
        {
            fleet = fleet with { DhcpPool = pool };
        }

        if (fleet is { LabNetwork: true } && !settings.LabNetwork)
        {
            settings = (settings with { LabNetwork = true }).Validate();
        }

        var layout = LayoutFor(settings, fleet);
        if (settings.Lab is null)
        {
            DevicePortCheck.ThrowIfTaken(layout, fleet?.DeviceCount ?? settings.Devices);
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });

        // One logger factory for the web host and the device side (listeners, VAPIX), which exist
        // before the host is built because the control plane is registered over them. The generic
        // host logs a start-up failure with its stack trace before throwing it; the CLI reports the
        // same failure as one line, so that log entry is left out.
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .AddConfiguration(builder.Configuration.GetSection("Logging"))
            .AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical)
            .AddConsole());
        builder.Services.AddSingleton(loggerFactory);

        var options = settings.ToEmulatorOptions();
        builder.Services.AddAxisEmulator(new AxisEmulatorOptions
        {
            Emulator = fleet is null ? options : fleet.ApplyTo(options),
            Profiles = profiles,
            Listeners = layout,
            Lab = settings.Lab,
            Control = settings.ToControlOptions(),
            ScenariosDirectory = settings.ScenariosDirectory,
            LoggerFactory = loggerFactory,
        });
        builder.Services.AddSingleton(settings);
        builder.Services.AddHostedService(services => new EmulatorHostedService(
            settings, services.GetRequiredService<Emulator>(), services.GetRequiredService<ILogger<EmulatorHostedService>>(), fleet));
        builder.WebHost.UseUrls(settings.ControlUrl.GetLeftPart(UriPartial.Authority));
        builder.WebHost.ConfigureKestrel(ControlPortLimits.ApplyTo);

        await using var app = builder.Build();
        app.MapAxisEmulator();
        await app.StartAsync(cancellationToken);

        var emulator = app.Services.GetRequiredService<Emulator>();
        var endpoints = app.Services.GetRequiredService<IDeviceEndpoints>();
        await WriteBannerAsync(output, settings, emulator, endpoints, app.Services.GetService<Lab.NetworkLab>(), app.Services.GetService<Vapix.Onvif.Discovery.WsDiscoveryResponders>(), BoundUrls(app));
        await app.WaitForShutdownAsync(cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Stopped at simulated {emulator.Clock.GetUtcNow():yyyy-MM-dd'T'HH:mm:ss.fff'Z'}."));
        return 0;
    }

    /// <summary>
    /// Where device listeners go: <c>--shared-port</c> first, then the fleet file's <c>listeners</c>,
    /// then the base-port range (on <c>--device-bind-address</c> when given). Throws <see cref="FormatException"/> when the range has no room for the fleet.
    /// </summary>
    public static ListenerLayout LayoutFor(EmulatorSettings settings, FleetFile? fleet)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var layout = settings.SharedPort is not null
            ? settings.ToListenerLayout()
            : fleet?.Listeners is { } l
                ? new ListenerLayout { BasePort = l.BasePort ?? settings.DeviceBasePort, SharedPort = l.SharedPort, BindAddress = settings.DeviceBindAddress, HttpsBasePort = l.BasePort == 0 && settings.DeviceHttpsBasePort is null ? 0 : settings.HttpsBasePort, WsDiscoveryBasePort = l.BasePort == 0 && settings.DeviceWsDiscoveryBasePort is null ? 0 : settings.WsDiscoveryBasePort }
                : settings.ToListenerLayout();
        if (layout.SharedPort is not null && settings.DeviceBindAddress is not null)
        {
            throw new FormatException($"--device-bind-address {settings.DeviceBindAddress} does not apply: {fleet?.Source ?? "the layout"} gives a shared port, where each device has its own loopback address 127.0.x.y");
        }
        var devices = fleet?.DeviceCount ?? settings.Devices;
        if (layout.SharedPort is null && layout.BasePort != 0 && layout.BasePort + Math.Max(devices, 1) - 1 > System.Net.IPEndPoint.MaxPort)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"device base port {layout.BasePort} leaves no room for the {devices} devices of {fleet?.Source ?? "--devices"} (the last port would be above {System.Net.IPEndPoint.MaxPort}); use --device-base-port 0 or --shared-port PORT"));
        }

        return layout;
    }

    /// <summary>The URLs Kestrel really bound (port 0 resolved).</summary>
    private static List<string> BoundUrls(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() is { Count: > 0 } addresses
            ? addresses
            : [.. app.Urls];

    private static async Task WriteBannerAsync(TextWriter output, EmulatorSettings settings, Emulator emulator, IDeviceEndpoints listeners, Lab.NetworkLab? lab, Vapix.Onvif.Discovery.WsDiscoveryResponders? wsDiscovery, IReadOnlyList<string> urls)
    {
        var state = settings.StateDirectory is { } directory ? "state in " + Path.GetFullPath(directory) : "ephemeral (no state kept)";
        var token = settings.ToControlOptions().TokenEnforced ? ", bearer token required on /api" : "";
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Axis emulator: clock {settings.ClockText}, seed {settings.Seed}, {state}"));
        foreach (var url in urls)
        {
            await output.WriteLineAsync($"Control API listening on {url.TrimEnd('/')} (/healthz, /api/v1, /openapi/v1.json{token})");
        }

        if (lab is not null)
        {
            await output.WriteLineAsync($"Network lab '{lab.Names.Lab}': namespaces {lab.Names.NamespacePrefix}*, tools on the segment with 'lab exec --lab-name {lab.Names.Lab} -- COMMAND' (client {Lab.LabSegment.ClientAddress})");
        }

        foreach (var device in emulator.Devices)
        {
            if (lab is not null)
            {
                await output.WriteLineAsync($"  {device.Id}: {device.Profile.Id}, serial {device.Serial}, MAC {Lab.LabPort.MacOf(device.Serial)} in {lab.NamespaceOf(device.Id)}, VAPIX on port 80 of its own address (HTTPS 443, WS-Discovery udp/3702 and 239.255.255.250) once its network is up");
                continue;
            }

            var endpoint = listeners.EndpointOf(device.Id)?.ToString().TrimEnd('/') ?? "a free loopback port";
            var https = listeners.HttpsEndpointOf(device.Id)?.ToString().TrimEnd('/') ?? "a free loopback port";
            var wsd = (wsDiscovery?.PortOf(device.Id) ?? wsDiscovery?.FixedPortOf(device.Id)) is { } port ? string.Create(CultureInfo.InvariantCulture, $"udp/{port}") : "a free UDP port";
            await output.WriteLineAsync($"  {device.Id}: {device.Profile.Id}, serial {device.Serial}, VAPIX on {endpoint} (HTTPS {https}, WS-Discovery {wsd}) once its network is up");
        }

        if (emulator.Chaos.Current is { } chaos)
        {
            var o = chaos.Plan.Options;
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Chaos plan started (seed {o.Seed}, {chaos.Plan.Actions.Count} actions over {ChaosDuration.Format(o.Duration)} of simulated time). To replay it, serve the same devices with --chaos-seed {o.Seed}, or POST /api/v1/chaos {ReplayRequest(o)}; GET /api/v1/chaos shows it:"));
            await output.WriteAsync(chaos.Plan.ToText());
        }

        if (emulator.Clock.Mode == Core.Clock.ClockMode.Manual)
        {
            await output.WriteLineAsync("The clock is manual: simulated time moves only through POST /api/v1/clock/advance.");
        }

        await output.WriteLineAsync("Press Ctrl+C to stop.");
        await output.FlushAsync();
    }

    /// <summary>The <c>POST /api/v1/chaos</c> body that draws the same plan over the same devices.</summary>
    private static string ReplayRequest(ChaosOptions o) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"seed":{{o.Seed}},"duration":"{{ChaosDuration.Format(o.Duration)}}","brownoutsPerHour":{{o.BrownoutsPerHour}},"rebootsPerHour":{{o.RebootsPerHour}},"mushyButtonFraction":{{o.MushyButtonFraction}},"brickedFraction":{{o.BrickedFraction}},"networkLossesPerHour":{{o.NetworkLossesPerHour}},"networkLossSeconds":{{o.NetworkLossSeconds}}}""");
}
