using System.ComponentModel;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Fleet;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AxisEmulator.Control.Api;

/// <summary>How late the clock ran its events (<c>GET /api/v1/clock/lateness</c>).</summary>
public sealed record ClockLateness(
    ClockMode Mode,
    [property: Description("Simulated time the window started (collector start or the last DELETE).")] DateTimeOffset Since,
    [property: Description("Events run in realtime or scaled mode since then (manual-time events are not counted).")] long Count,
    [property: Description("Median wall-clock lateness, milliseconds.")] double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    double MeanMs,
    [property: Description("The latest events of the window by name, latest first (at most 10).")] IReadOnlyList<LateEvent> Latest);

/// <summary>
/// Timing fidelity of the clock: how late, in wall time, events (LED and phase changes, timers) ran
/// after they were due, since start or since a reset. Kept out of the OpenAPI document: a
/// diagnostic for benchmarks, not part of the public contract.
/// </summary>
public static class ClockLatenessApi
{
    /// <summary>Registers the collector; it subscribes to the clock at once, so nothing from the start is missed.</summary>
    public static IServiceCollection AddClockLateness(this IServiceCollection services, Emulator emulator)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(emulator);
        return services.AddSingleton(new ClockLatenessCollector(emulator.Clock));
    }

    public static RouteGroupBuilder MapClockLatenessApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var lateness = api.MapGroup("/clock/lateness").WithTags("Clock").ExcludeFromDescription();
        lateness.MapGet("/", GetLateness).WithName("GetClockLateness");
        lateness.MapDelete("/", ResetLateness).WithName("ResetClockLateness");
        return api;
    }

    public static Ok<ClockLateness> GetLateness(ClockLatenessCollector collector) => TypedResults.Ok(collector.Snapshot());

    public static NoContent ResetLateness(ClockLatenessCollector collector)
    {
        collector.Reset();
        return TypedResults.NoContent();
    }
}
