using AxisEmulator.Core.Fleet;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace AxisEmulator.Control.Metrics;

/// <summary>Prometheus metrics of the emulator at <c>GET /metrics</c> (DESIGN.md §7), through OpenTelemetry.</summary>
public static class MetricsExtensions
{
    /// <summary>Where the Prometheus text is served.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>The .NET runtime's built-in meter (<c>dotnet.gc.*</c>, <c>dotnet.process.*</c>, <c>dotnet.thread_pool.*</c>).</summary>
    public const string RuntimeMeterName = "System.Runtime";

    /// <summary>The <c>service_name</c> of the exported resource (<c>target_info</c>).</summary>
    public const string ServiceName = "axis-emulator";

    /// <summary>
    /// Creates the emulator's instruments (<see cref="EmulatorMetrics"/>; counting starts now) and an
    /// OpenTelemetry metrics pipeline that exports them for Prometheus. The pipeline takes only this
    /// emulator's meter, so several emulators in one process (tests) don't mix their figures. Then map
    /// the endpoint with <see cref="MapAxisEmulatorMetrics"/>.
    /// </summary>
    /// <param name="includeRuntime">Also export the runtime's own meter (<see cref="RuntimeMeterName"/>; see <see cref="ControlOptions.RuntimeMetrics"/>).</param>
    public static IServiceCollection AddAxisEmulatorMetrics(this IServiceCollection services, Emulator emulator, bool includeRuntime = false)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(emulator);
        var metrics = new EmulatorMetrics(emulator);

        // Registered through a factory so that the container disposes it (and its meter) with the app.
        services.AddSingleton(_ => metrics);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(builder => builder
            .AddMeter(includeRuntime ? [EmulatorMetrics.MeterName, RuntimeMeterName] : [EmulatorMetrics.MeterName])
            .AddView(instrument => instrument.Meter.Name == EmulatorMetrics.MeterName && !ReferenceEquals(instrument.Meter, metrics.Meter)
                ? MetricStreamConfiguration.Drop
                : null)
            .AddPrometheusExporter(options =>
            {
                options.ScrapeEndpointPath = MetricsPath;

                // Scrapes read the tallies as they are; the exporter's default one-second cache would
                // hide a change made in manual time just before a scrape.
                options.ScrapeResponseCacheDurationMilliseconds = 0;
            }));
        return services;
    }

    /// <summary>
    /// Maps <c>GET /metrics</c>: the Prometheus text format (open like <c>/healthz</c>: no token).
    /// Needs <see cref="AddAxisEmulatorMetrics"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapAxisEmulatorMetrics(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Resolving it hands its disposal to the container.
        endpoints.ServiceProvider.GetRequiredService<EmulatorMetrics>();
        // Not in the OpenAPI document: it is Prometheus text, not JSON, and the exporter owns its shape.
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath)
            .WithDisplayName("GET /metrics (Prometheus)")
            .ExcludeFromDescription();
        return endpoints;
    }
}
