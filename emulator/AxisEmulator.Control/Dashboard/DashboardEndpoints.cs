using System.Runtime.CompilerServices;
using AxisEmulator.Control.Api;
using AxisEmulator.Control.Scenarios;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Net.Http.Headers;

namespace AxisEmulator.Control.Dashboard;

/// <summary>
/// The browser dashboard on the control port (DESIGN.md §7, <c>GET /</c>): static HTML, CSS and
/// JavaScript modules embedded in this assembly, plus the presenter-mode endpoints
/// (<c>GET /api/v1/scenarios</c>, <c>GET|POST|DELETE /api/v1/scenarios/play</c>).
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>Where the dashboard's assets are served (<c>/dashboard/js/app.js</c>).</summary>
    public const string AssetPath = "/dashboard";

    // Mapping twice (a host and MapControlApi both asking) would make every dashboard route ambiguous.
    private static readonly ConditionalWeakTable<IEndpointRouteBuilder, object> Mapped = [];

    /// <summary>
    /// Maps <c>GET /</c> (the dashboard page), <c>GET /dashboard/{path}</c> (its assets) and the presenter
    /// API under <c>/api/v1</c> (same access rules as the rest of the control API). Needs
    /// <see cref="ControlPlaneServiceCollectionExtensions.AddAxisEmulatorControl"/>. A registered
    /// <see cref="IScenarioVapixClient"/> lets presenter mode play <c>vapix</c> steps; without one they are skipped.
    /// Mapping again on the same builder does nothing.
    /// </summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (!Mapped.TryAdd(endpoints, new object()))
        {
            return endpoints;
        }

        var services = endpoints.ServiceProvider;
        var control = services.GetRequiredService<ControlPlane>();
        var access = services.GetRequiredService<ControlAccessFilter>();
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("AxisEmulator.Control.Dashboard") ?? NullLogger.Instance;
        var presenter = services.GetService<ScenarioPresenter>()
            ?? new ScenarioPresenter(control, services.GetService<ScenarioLibrary>() ?? ScenarioLibrary.Locate(null), services.GetService<IScenarioVapixClient>(), logger);
        services.GetService<IHostApplicationLifetime>()?.ApplicationStopping.Register(presenter.Dispose);

        endpoints.MapGet("/", (HttpContext http) => Serve(http, "index.html"))
            .WithName("Dashboard")
            .WithTags("Dashboard")
            .WithSummary("The browser dashboard")
            .ExcludeFromDescription();
        endpoints.MapGet(AssetPath + "/{**path}", (HttpContext http, string path) => Serve(http, path))
            .ExcludeFromDescription();

        var api = endpoints.MapGroup(ControlPlaneEndpointExtensions.ApiPrefix)
            .AddEndpointFilter(access)
            .AddEndpointFilter<UnexpectedErrorFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapPresenterApi(presenter);
        return endpoints;
    }

    private static IResult Serve(HttpContext http, string path)
    {
        if (!DashboardAssets.TryGet(path, out var asset))
        {
            return Problems.NotFound($"The dashboard has no file '{path}'.");
        }

        var headers = http.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        headers.XContentTypeOptions = "nosniff";
        if (asset.ContentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
            headers["Referrer-Policy"] = "no-referrer";
        }

        var ifNoneMatch = http.Request.Headers[HeaderNames.IfNoneMatch].ToString();
        if (ifNoneMatch.Length > 0 && ifNoneMatch.Split(',', StringSplitOptions.TrimEntries).Contains(asset.ETag, StringComparer.Ordinal))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }
}
