using AxisEmulator.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AxisEmulator.Control.Api;

public static class HealthApi
{
    /// <summary><c>GET /healthz</c>: always open (no token), for container health checks.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", GetHealth)
            .WithName("GetHealth")
            .WithTags("Health")
            .WithSummary("Liveness of the control plane")
            .WithDescription("Answers 200 {\"status\":\"healthy\"} while the control plane runs. Needs no token.");
        return endpoints;
    }

    public static Ok<HealthStatus> GetHealth() => TypedResults.Ok(new HealthStatus("healthy"));
}
