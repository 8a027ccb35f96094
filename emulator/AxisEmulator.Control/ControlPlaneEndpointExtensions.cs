using AxisEmulator.Control.Api;
using AxisEmulator.Control.Dashboard;
using AxisEmulator.Control.Events;
using AxisEmulator.Control.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AxisEmulator.Control;

public static class ControlPlaneEndpointExtensions
{
    /// <summary>The prefix of every control endpoint that needs the token (when one is configured).</summary>
    public const string ApiPrefix = "/api/v1";

    /// <summary>
    /// Maps the control plane (see the <see cref="IEndpointRouteBuilder"/> overload) and adds, for
    /// everything that never reaches an endpoint (an unknown route, a wrong method, an exception in
    /// middleware), problem-details answers: the exception handler and status-code pages.
    /// </summary>
    public static WebApplication MapControlApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        ((IEndpointRouteBuilder)app).MapControlApi();
        return app;
    }

    /// <summary>
    /// Maps <c>/healthz</c>, <c>/metrics</c>, the dashboard at <c>/</c>, <c>/api/v1/…</c> (profiles,
    /// devices, power, button, faults, timeline, requests, events, clock, chaos, scenarios), the OpenAPI
    /// document at <c>/openapi/v1.json</c> and the API reference at <c>/api-reference</c>. Needs <see cref="ControlPlaneServiceCollectionExtensions.AddAxisEmulatorControl"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapControlApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var access = endpoints.ServiceProvider.GetRequiredService<ControlAccessFilter>();

        endpoints.MapHealthApi();

        var api = endpoints.MapGroup(ApiPrefix)
            .AddEndpointFilter(access)
            .AddEndpointFilter<UnexpectedErrorFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapProfilesApi();
        api.MapDevicesApi();
        api.MapCertificateApi();
        api.MapDeviceInputsApi();
        api.MapTimelineApi();
        api.MapEventsApi();
        api.MapClockApi();
        api.MapClockLatenessApi();
        api.MapChaosApi();
        api.MapScenarioRunApi();

        endpoints.MapAxisEmulatorMetrics();
        endpoints.MapDashboard();
        endpoints.MapControlOpenApi();
        return endpoints;
    }
}
