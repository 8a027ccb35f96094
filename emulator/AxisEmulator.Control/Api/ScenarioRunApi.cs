using AxisEmulator.Control.Scenarios;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AxisEmulator.Control.Api;

/// <summary>A scenario to run: a shipped file by name, or the YAML itself.</summary>
public sealed record ScenarioRunBody(string? File = null, string? Yaml = null);

public sealed record ScenarioStepContract(int Index, int Line, string Kind, string Description, string Status, double AtSeconds, double DurationSeconds, string? Message);

/// <summary>The report of a scenario run (simulated times in seconds).</summary>
public sealed record ScenarioReportContract(
    string Name,
    string? Description,
    string? File,
    string Outcome,
    bool Passed,
    string? Failure,
    int Seed,
    double SimulatedSeconds,
    IReadOnlyList<string> Devices,
    IReadOnlyList<ScenarioStepContract> Steps,
    string Log);

/// <summary>
/// <c>POST /api/v1/scenarios/run</c>: runs a scenario on an emulator of its own, in manual time (the
/// live devices are not touched), and returns its report. Invalid YAML is a 400 listing every
/// <c>file:line</c> error. A <c>file</c> is a bare name in the scenarios folder: a path is a 400, a
/// link leading out of the folder a 403, an unknown name a 404.
/// </summary>
public static class ScenarioRunApi
{
    private const string Example = """{"file":"factory-reset-button.yaml"} or {"yaml":"name: …\nsteps: …"}""";

    public static RouteGroupBuilder MapScenarioRunApi(this RouteGroupBuilder api)
    {
        api.MapPost("/scenarios/run", RunAsync)
            .WithName("RunScenario")
            .WithTags("Scenarios")
            .WithSummary("Run a scenario in manual time on an emulator of its own and return its report")
            .Accepts<ScenarioRunBody>("application/json")
            .Produces<ScenarioReportContract>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<ScenarioReportContract>, ProblemHttpResult>> RunAsync(HttpRequest request, ControlPlane control, IServiceProvider services)
    {
        var body = await RequestBody.ReadAsync<ScenarioRunBody>(request, Example);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var run = body.Value!;
        if ((run.File is null) == (run.Yaml is null))
        {
            return Problems.BadRequest($"Give exactly one of 'file' (a shipped scenario) or 'yaml' (the scenario itself), e.g. {Example}");
        }

        var profiles = control.Emulator.Profiles;
        ScenarioParseResult parsed;
        if (run.File is not null)
        {
            var library = services.GetService<ScenarioLibrary>() ?? ScenarioLibrary.Locate(null);
            switch (library.Check(run.File))
            {
                case ScenarioFileCheck.NotAFileName:
                    return Problems.BadRequest($"'file' must be the name of a scenario file in the scenarios folder, e.g. factory-reset-button.yaml, not a path ('{run.File}'); send a scenario from elsewhere as 'yaml'.");
                case ScenarioFileCheck.OutsideTheFolder:
                    return Problems.Forbidden($"The scenario file '{run.File}' is a link to a file outside the scenarios folder; only files under the folder are read.");
            }

            if (library.Read(run.File, profiles) is not { } fromFile)
            {
                return Problems.UnknownId("scenario", run.File, library.Files().ToArray());
            }

            parsed = fromFile;
        }
        else
        {
            parsed = ScenarioParser.Read(run.Yaml!, "request.yaml", profiles);
        }

        if (!parsed.IsValid)
        {
            return Problems.BadRequest("The scenario is not valid:\n" + string.Join('\n', parsed.Errors.Select(e => e.ToString())));
        }

        using var log = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var report = await ScenarioExecution.RunIsolatedAsync(parsed.Scenario!, profiles, new ScenarioRunOptions { Log = log }, services.GetService<IScenarioSandboxFactory>(), request.HttpContext.RequestAborted);
        return TypedResults.Ok(ToContract(report));
    }

    private static ScenarioReportContract ToContract(ScenarioReport report) => new(
        report.Name,
        report.Description,
        report.File is null ? null : Path.GetFileName(report.File),
        ControlJson.Name(report.Outcome),
        report.Passed,
        report.Failure,
        report.Seed,
        report.SimulatedDuration.TotalSeconds,
        report.Devices,
        [.. report.Steps.Select(s => new ScenarioStepContract(
            s.Index,
            s.Line,
            s.Kind,
            s.Description,
            ControlJson.Name(s.Status),
            s.At.TotalSeconds,
            s.Duration.TotalSeconds,
            s.Message))],
        report.Log);
}
