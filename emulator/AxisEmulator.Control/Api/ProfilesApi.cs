using AxisEmulator.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AxisEmulator.Control.Api;

public static class ProfilesApi
{
    public static RouteGroupBuilder MapProfilesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var profiles = api.MapGroup("/profiles").WithTags("Profiles");
        profiles.MapGet("/", ListProfiles)
            .WithName("ListProfiles")
            .WithSummary("Hardware profiles")
            .WithDescription("Every camera model the emulator knows, sorted by id: identity, firmware version and personality, PoE class, reset window, boot timings and which values are estimates.");
        profiles.MapGet("/{id}", GetProfile)
            .WithName("GetProfile")
            .WithSummary("One hardware profile")
            .WithDescription("The profile with this id (case-insensitive).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static Ok<HardwareProfile[]> ListProfiles(ControlPlane control) =>
        TypedResults.Ok(control.Emulator.Profiles.All.Select(ContractMapping.ToView).ToArray());

    public static Results<Ok<HardwareProfile>, ProblemHttpResult> GetProfile(string id, ControlPlane control)
    {
        var catalog = control.Emulator.Profiles;
        return catalog.TryGet(id, out var profile)
            ? TypedResults.Ok(ContractMapping.ToView(profile))
            : Problems.UnknownId("profile", id, catalog.Ids);
    }
}
