using System.Globalization;
using AxisEmulator.Control.Api;
using AxisEmulator.Core.Devices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AxisEmulator.Control.Dashboard;

/// <summary>
/// Presenter mode over HTTP: list the shipped scenarios, play one on the live emulator at a watchable
/// pace, poll its captions and steps, stop it. The event hub carries device timelines only, so the
/// captions are read here by polling (<c>GET /api/v1/scenarios/play</c>, cheap, with a version).
/// </summary>
public static class PresenterApi
{
    internal const string PlayExample = """{"file":"factory-reset-button.yaml","devices":["cam-1"],"scale":4,"captionPauseSeconds":2}""";

    public static RouteGroupBuilder MapPresenterApi(this RouteGroupBuilder api, ScenarioPresenter presenter)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(presenter);
        var scenarios = api.MapGroup("/scenarios").WithTags("Presenter");
        scenarios.MapGet("/", () => TypedResults.Ok(presenter.List()))
            .WithName("ListScenarios")
            .WithSummary("The shipped scenario files")
            .WithDescription("Every *.yaml file of the scenarios directory: name, description, captions, the profile it was written for; invalid files with their errors.");
        scenarios.MapGet("/play", () => TypedResults.Ok(presenter.State()))
            .WithName("GetPresenterState")
            .WithSummary("What presenter mode is playing")
            .WithDescription("The scenario, the current step and caption, every step's status and every caption shown so far. Poll it; version grows on each change.");
        scenarios.MapPost("/play", (HttpRequest request, ControlPlane control) => PlayAsync(request, control, presenter))
            .WithName("PlayScenario")
            .WithSummary("Play a scenario on the live emulator, at a watchable pace")
            .WithDescription("Switches the clock to scaled mode (scale, default 4) and runs the steps on the given devices, the whole fleet, or (by default) the scenario's own device added to the fleet. Waits take scaled simulated time; the clock stands still for captionPauseSeconds on each caption. Expectations that do not hold are noted, not fatal. The clock goes back to its mode at the end. Answers 202 with the state.")
            .Accepts<PlayRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        scenarios.MapDelete("/play", () =>
            {
                presenter.Stop();
                return TypedResults.Ok(presenter.State());
            })
            .WithName("StopScenario")
            .WithSummary("Stop presenter mode")
            .WithDescription("Stops the play in progress (if any) and puts the clock back in the mode it had.");
        return api;
    }

    public static async Task<Results<Accepted<PresenterState>, ProblemHttpResult>> PlayAsync(HttpRequest request, ControlPlane control, ScenarioPresenter presenter)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(presenter);
        var body = await RequestBody.ReadAsync<PlayRequest>(request, PlayExample);
        if (body.Problem is { } bad)
        {
            return bad;
        }

        var play = body.Value!;
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(play.File))
        {
            errors.Add("$.file", "$.file is required: a file name from GET /api/v1/scenarios, e.g. factory-reset-button.yaml.");
        }

        var scale = play.Scale ?? ScenarioPresenter.DefaultScale;
        if (!double.IsFinite(scale) || scale <= 0 || scale > ScenarioPresenter.MaxScale)
        {
            errors.Add("$.scale", Invariant($"$.scale must be greater than 0 and at most {ScenarioPresenter.MaxScale} (got {scale})."));
        }

        var pause = play.CaptionPauseSeconds ?? ScenarioPresenter.DefaultCaptionPauseSeconds;
        if (!double.IsFinite(pause) || pause < 0 || pause > ScenarioPresenter.MaxCaptionPauseSeconds)
        {
            errors.Add("$.captionPauseSeconds", Invariant($"$.captionPauseSeconds must be 0 to {ScenarioPresenter.MaxCaptionPauseSeconds} wall seconds (got {pause})."));
        }

        if (play.Fleet == true && play.Devices is { Count: > 0 })
        {
            errors.Add("$", "Give devices or fleet: true, not both.");
        }

        List<Device>? targets = null;
        if (play.Fleet == true)
        {
            targets = [.. control.Emulator.Devices];
            if (targets.Count == 0)
            {
                errors.Add("$.fleet", "The fleet is empty: add a device first (POST /api/v1/devices), or omit fleet to add the scenario's own device.");
            }
        }
        else if (play.Devices is { Count: > 0 } ids)
        {
            targets = [];
            foreach (var id in ids.Distinct(StringComparer.Ordinal))
            {
                if (control.TryGetDevice(id, out var camera))
                {
                    targets.Add(camera);
                }
                else
                {
                    errors.Add("$.devices", $"$.devices: no device '{id}'; known: {string.Join(", ", control.Emulator.Devices.Select(d => d.Id))}.");
                }
            }
        }

        if (errors.HasErrors)
        {
            return Problems.Invalid(errors);
        }

        var parsed = presenter.Library.Read(play.File!, control.Emulator.Profiles);
        if (parsed is null)
        {
            return Problems.NotFound(
                presenter.Library.Directory is null
                    ? "No scenarios directory was found for this emulator."
                    : $"No scenario file '{play.File}' in {presenter.Library.Directory}.",
                presenter.Library.Files());
        }

        if (!parsed.IsValid)
        {
            return Problems.BadRequest($"{play.File} is not a valid scenario: {string.Join(" ", parsed.Errors.Select(e => e.ToString()))}");
        }

        var state = presenter.Start(play.File!, parsed.Scenario!, targets, scale, pause);
        return TypedResults.Accepted("/api/v1/scenarios/play", state);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
