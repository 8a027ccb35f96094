using System.Globalization;
using AxisEmulator.Core.Clock;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AxisEmulator.Control.Api;

/// <summary>The simulation clock: read it, switch its mode, move manual time.</summary>
public static class ClockApi
{
    /// <summary>Most simulated seconds one advance may cover (a week).</summary>
    public const double MaxAdvanceSeconds = 7 * 24 * 3600;

    /// <summary>Bound of an advance until idle when none is given.</summary>
    public const double DefaultIdleBoundSeconds = 3600;

    public const double MaxScale = 1_000_000;

    internal const string ClockExample = """{"mode":"scaled","scale":10}""";
    internal const string AdvanceExample = """{"seconds":20} or {"untilIdle":true,"maxSeconds":600}""";

    public static RouteGroupBuilder MapClockApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var clock = api.MapGroup("/clock").WithTags("Clock");
        clock.MapGet("/", GetClock)
            .WithName("GetClock")
            .WithSummary("The simulation clock")
            .WithDescription("Mode, scale, the emulator-wide seed, simulated now and pending events.");
        clock.MapPut("/", SetClock)
            .WithName("SetClock")
            .WithSummary("Switch the clock's mode")
            .WithDescription("realtime, scaled (with scale: simulated seconds per wall second) or manual. Simulated time is continuous across the switch.")
            .Accepts<Contracts.ClockRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        clock.MapPost("/advance", Advance)
            .WithName("AdvanceClock")
            .WithSummary("Move manual time")
            .WithDescription("{seconds}: move forward, running every event due on the way. {untilIdle:true, maxSeconds?}: run events until none is pending or the next lies beyond maxSeconds (default 3600). Manual mode only (409 otherwise).")
            .Accepts<Contracts.AdvanceRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    public static Ok<Contracts.ClockState> GetClock(ControlPlane control) => TypedResults.Ok(ContractMapping.ToState(control.Emulator));

    public static async Task<Results<Ok<Contracts.ClockState>, ProblemHttpResult>> SetClock(HttpRequest request, ControlPlane control)
    {
        var body = await RequestBody.ReadAsync<Contracts.ClockRequest>(request, ClockExample);
        if (body.Problem is { } bad)
        {
            return bad;
        }

        var set = body.Value!;
        var errors = new ValidationErrors();
        if (set.Mode is not { } wireMode)
        {
            errors.Add("$.mode", $"$.mode is required: one of {string.Join(", ", ControlJson.Names(typeof(ClockMode)))}.");
            return Problems.Invalid(errors);
        }

        var mode = WireValues.ToCore<ClockMode, Contracts.ClockMode>(wireMode);
        if (mode == ClockMode.Scaled)
        {
            if (set.Scale is not { } scale)
            {
                errors.Add("$.scale", "$.scale is required for mode scaled: simulated seconds per wall second, e.g. 10.");
            }
            else if (!double.IsFinite(scale) || scale <= 0 || scale > MaxScale)
            {
                errors.Add("$.scale", Invariant($"$.scale must be greater than 0 and at most {MaxScale} (got {scale})."));
            }
        }
        else if (set.Scale is not null)
        {
            errors.Add("$.scale", $"$.scale applies only to mode scaled ({ControlJson.Name(mode)} runs at {(mode == ClockMode.Realtime ? "1" : "0: time moves only when advanced")}).");
        }

        if (errors.HasErrors)
        {
            return Problems.Invalid(errors);
        }

        control.Clock.SetMode(mode, set.Scale ?? 1);
        return TypedResults.Ok(ContractMapping.ToState(control.Emulator));
    }

    public static async Task<Results<Ok<Contracts.AdvanceResult>, ProblemHttpResult>> Advance(HttpRequest request, ControlPlane control)
    {
        var body = await RequestBody.ReadAsync<Contracts.AdvanceRequest>(request, AdvanceExample);
        if (body.Problem is { } bad)
        {
            return bad;
        }

        var advance = body.Value!;
        var errors = new ValidationErrors();
        var untilIdle = advance.UntilIdle == true;
        if (advance.Seconds is { } seconds)
        {
            if (untilIdle)
            {
                errors.Add("$", "Give either seconds or untilIdle, not both.");
            }
            else if (!double.IsFinite(seconds) || seconds < 0 || seconds > MaxAdvanceSeconds)
            {
                errors.Add("$.seconds", Invariant($"$.seconds must be 0 or more and at most {MaxAdvanceSeconds} (a week); time only moves forward (got {seconds})."));
            }

            if (advance.MaxSeconds is not null)
            {
                errors.Add("$.maxSeconds", "$.maxSeconds applies only with untilIdle: true.");
            }
        }
        else if (untilIdle)
        {
            if (advance.MaxSeconds is { } max && (!double.IsFinite(max) || max <= 0 || max > MaxAdvanceSeconds))
            {
                errors.Add("$.maxSeconds", Invariant($"$.maxSeconds must be greater than 0 and at most {MaxAdvanceSeconds} (got {max})."));
            }
        }
        else
        {
            errors.Add("$", $"Give seconds or untilIdle: true, e.g. {AdvanceExample}.");
        }

        if (errors.HasErrors)
        {
            return Problems.Invalid(errors);
        }

        var clock = control.Clock;
        if (clock.Mode != ClockMode.Manual)
        {
            return NotManual(clock.Mode);
        }

        var before = clock.ExecutedEvents;
        var startedAt = clock.Elapsed;
        try
        {
            bool idle;
            if (untilIdle)
            {
                idle = clock.RunUntilIdle(TimeSpan.FromSeconds(advance.MaxSeconds ?? DefaultIdleBoundSeconds));
            }
            else
            {
                clock.Advance(TimeSpan.FromSeconds(advance.Seconds!.Value));
                idle = clock.PendingEvents == 0;
            }

            await control.SettleAsync(request.HttpContext);

            return TypedResults.Ok(new Contracts.AdvanceResult(
                ContractMapping.ToState(control.Emulator),
                clock.ExecutedEvents - before,
                idle,
                Math.Round((clock.Elapsed - startedAt).TotalSeconds, 6)));
        }
        catch (InvalidOperationException)
        {
            // The mode changed between the check and the advance.
            return NotManual(clock.Mode);
        }
    }

    private static ProblemHttpResult NotManual(ClockMode mode) =>
        Problems.Conflict($"The clock is in {ControlJson.Name(mode)} mode; only manual time can be advanced. Switch first: PUT /api/v1/clock {{\"mode\":\"manual\"}}.");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
