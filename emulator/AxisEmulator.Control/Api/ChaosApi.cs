using System.ComponentModel;
using AxisEmulator.Core.Chaos;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AxisEmulator.Control.Api;

/// <summary>
/// Seeded chaos over the fleet: start a plan (brown-outs, reboots, mushy buttons, bricked units,
/// network losses, drawn deterministically from a seed), read the current one, stop it. One plan
/// runs per emulator at a time (<see cref="ChaosController.Start"/>); starting another replaces it.
/// </summary>
public static class ChaosApi
{
    internal const string ChaosExample = """{"seed":42,"duration":"2h","brownoutsPerHour":3,"rebootsPerHour":5,"mushyButtonFraction":0.05,"brickedFraction":0.01,"networkLossesPerHour":4,"networkLossSeconds":30}""";

    /// <summary>Maps <c>GET/POST/DELETE /chaos</c> on the control API's <c>/api/v1</c> group.</summary>
    public static RouteGroupBuilder MapChaosApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var chaos = api.MapGroup("/chaos").WithTags("Chaos");
        chaos.MapGet("/", GetChaos)
            .WithName("GetChaos")
            .WithSummary("The current chaos plan")
            .WithDescription("The plan last started (by POST /api/v1/chaos or a fleet file), with each action's simulated time and whether it has run, and the plan's text form (print it when a run fails; it replays exactly). 404 when none was started or it was stopped.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        chaos.MapPost("/", StartChaos)
            .WithName("StartChaos")
            .WithSummary("Draw and start a seeded chaos plan over the devices")
            .WithDescription("Draws a plan from the options over the current devices (or the listed ones, in that order) and schedules it on the simulation clock from now, replacing any plan in progress. Rates are fleet-wide events per simulated hour; fractions are of the devices. The same options and devices always give the same plan. seed defaults to the emulator's seed, duration to 1h, networkLossSeconds to 30.")
            .Accepts<ChaosRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        chaos.MapDelete("/", StopChaos)
            .WithName("StopChaos")
            .WithSummary("Stop the current chaos plan")
            .WithDescription("Drops the actions not yet run; brown-outs and network losses in progress end at once (power back, link up). Mushy buttons and bricked units stay as they are.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static Results<Ok<ChaosState>, ProblemHttpResult> GetChaos(ControlPlane control)
    {
        ArgumentNullException.ThrowIfNull(control);
        return control.Emulator.Chaos.Current is { } run
            ? TypedResults.Ok(ToState(run))
            : NoPlan();
    }

    public static async Task<Results<Created<ChaosState>, ProblemHttpResult>> StartChaos(HttpRequest request, ControlPlane control)
    {
        ArgumentNullException.ThrowIfNull(control);
        var body = await RequestBody.ReadAsync<ChaosRequest>(request, ChaosExample);
        if (body.Problem is { } bad)
        {
            return bad;
        }

        var ask = body.Value!;
        var errors = new ValidationErrors();
        var duration = TimeSpan.FromHours(1);
        if (ask.Duration is not null)
        {
            if (ChaosDuration.TryParse(ask.Duration, out var problem) is { } parsed)
            {
                duration = parsed;
            }
            else
            {
                errors.Add("$.duration", $"$.duration: {problem}.");
            }
        }

        var defaults = new ChaosOptions();
        var options = new ChaosOptions
        {
            Seed = ask.Seed ?? control.Emulator.Seed,
            Duration = duration,
            BrownoutsPerHour = ask.BrownoutsPerHour ?? 0,
            RebootsPerHour = ask.RebootsPerHour ?? 0,
            MushyButtonFraction = ask.MushyButtonFraction ?? 0,
            BrickedFraction = ask.BrickedFraction ?? 0,
            NetworkLossesPerHour = ask.NetworkLossesPerHour ?? 0,
            NetworkLossSeconds = ask.NetworkLossSeconds ?? defaults.NetworkLossSeconds,
        };
        if (!errors.HasErrors)
        {
            foreach (var problem in options.Validate())
            {
                // Core's messages start with the option's name: "brickedFraction must be …".
                var name = problem.Split(' ', 2)[0];
                var path = typeof(ChaosRequest).GetProperties().Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) ? "$." + name : "$";
                errors.Add(path, $"{(path == "$" ? "" : "$.")}{problem}.");
            }
        }

        var devices = control.Emulator.Devices.Select(d => d.Id).ToList();
        if (ask.Devices is { } listed)
        {
            var known = devices.ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < listed.Length; i++)
            {
                if (listed[i] is not { } id || !known.Contains(id))
                {
                    errors.Add($"$.devices[{i}]", $"$.devices[{i}]: no device '{listed[i]}'; GET /api/v1/devices lists them.");
                }
            }

            if (listed.Distinct(StringComparer.Ordinal).Count() != listed.Length)
            {
                errors.Add("$.devices", "$.devices lists a device twice.");
            }

            devices = [.. listed.OfType<string>()];
        }

        if (errors.HasErrors)
        {
            return Problems.Invalid(errors);
        }

        if (devices.Count == 0)
        {
            return Problems.Conflict("There are no devices to put chaos on; add some first (POST /api/v1/devices).");
        }

        var run = control.Emulator.Chaos.Start(ChaosPlan.Generate(options, devices));
        return TypedResults.Created(ControlPlaneEndpointExtensions.ApiPrefix + "/chaos", ToState(run));
    }

    public static Results<NoContent, ProblemHttpResult> StopChaos(ControlPlane control)
    {
        ArgumentNullException.ThrowIfNull(control);
        return control.Emulator.Chaos.Stop() ? TypedResults.NoContent() : NoPlan();
    }

    /// <summary>The wire form of a run: options, simulated times, each action and the replayable text.</summary>
    public static ChaosState ToState(ChaosRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var plan = run.Plan;
        var o = plan.Options;
        var applied = run.Applied;
        return new ChaosState(
            new ChaosOptionsState(o.Seed, ChaosDuration.Format(o.Duration), o.BrownoutsPerHour, o.RebootsPerHour, o.MushyButtonFraction, o.BrickedFraction, o.NetworkLossesPerHour, o.NetworkLossSeconds),
            run.StartedAt,
            run.EndsAt,
            plan.DeviceCount,
            applied,
            run.IsCancelled ? 0 : plan.Actions.Count - applied,
            run.IsCancelled,
            [.. plan.Actions.Select((a, i) => new ChaosActionState(
                run.StartedAt + a.At,
                Math.Round(a.At.TotalSeconds, 3),
                a.DeviceId,
                a.Kind.ToWireString(),
                a.Kind.HasDuration() ? a.Seconds : null,
                i < applied))],
            plan.ToText());
    }

    private static ProblemHttpResult NoPlan() =>
        Problems.NotFound("No chaos plan is running; POST /api/v1/chaos starts one, e.g. " + ChaosExample);
}

/// <summary>Options of a chaos plan; every field is optional.</summary>
public sealed record ChaosRequest(
    [property: Description("Seed of every choice of the plan. Default: the emulator's seed.")] int? Seed = null,
    [property: Description("Simulated time the plan covers, from now: a number with a unit (90s, 30m, 2h, 1d). Default 1h.")] string? Duration = null,
    [property: Description("Short power cuts (power back after 1–5 s) per simulated hour, across the devices. Default 0.")] double? BrownoutsPerHour = null,
    [property: Description("Soft reboots per simulated hour, across the devices. Default 0.")] double? RebootsPerHour = null,
    [property: Description("Fraction (0–1) of the devices whose button turns mushy during the plan. Default 0.")] double? MushyButtonFraction = null,
    [property: Description("Fraction (0–1) of the devices that brick during the plan. Default 0.")] double? BrickedFraction = null,
    [property: Description("Network link losses per simulated hour, across the devices. Default 0.")] double? NetworkLossesPerHour = null,
    [property: Description("How long each network loss lasts, seconds. Default 30.")] double? NetworkLossSeconds = null,
    [property: Description("The devices to draw from, in this order. Default: every device, in the order they were added.")] string?[]? Devices = null);

/// <summary>The chaos plan in progress (or finished): see <see cref="ChaosApi"/>.</summary>
public sealed record ChaosState(
    ChaosOptionsState Options,
    [property: Description("Simulated time the plan's offsets count from.")] DateTimeOffset StartedAt,
    [property: Description("Simulated time the plan ends.")] DateTimeOffset EndsAt,
    [property: Description("Devices the plan was drawn over.")] int DeviceCount,
    [property: Description("Actions that have run.")] int Applied,
    [property: Description("Actions still to run (0 once stopped).")] int Pending,
    [property: Description("True once the plan was stopped or replaced.")] bool Cancelled,
    IReadOnlyList<ChaosActionState> Actions,
    [property: Description("The plan in its text form: one line per action; it replays exactly.")] string Text);

public sealed record ChaosOptionsState(
    int Seed,
    string Duration,
    double BrownoutsPerHour,
    double RebootsPerHour,
    double MushyButtonFraction,
    double BrickedFraction,
    double NetworkLossesPerHour,
    double NetworkLossSeconds);

public sealed record ChaosActionState(
    [property: Description("Simulated time of the action.")] DateTimeOffset At,
    [property: Description("Seconds from the plan's start.")] double OffsetSeconds,
    string DeviceId,
    [property: Description("brownout, reboot, mushy-button, brick or network-loss.")] string Action,
    [property: Description("brownout and network-loss: how long, seconds.")] double? Seconds,
    [property: Description("Whether the action has run.")] bool Done);
