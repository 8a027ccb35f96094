using AxisEmulator.Contracts;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Power;
using AxisEmulator.Core.Profiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using HardwareProfile = AxisEmulator.Core.Profiles.HardwareProfile;
using PowerSource = AxisEmulator.Core.Power.PowerSource;

namespace AxisEmulator.Control.Api;

/// <summary>The fleet: list, add, read and remove devices.</summary>
public static class DevicesApi
{
    public const int MaxIdLength = 64;

    internal const string CreateExample = """{"profile":"P3265-LVE","id":"lobby","power":{"on":true}}""";

    public static RouteGroupBuilder MapDevicesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var devices = api.MapGroup("/devices").WithTags("Devices");
        devices.MapGet("/", ListDevices)
            .WithName("ListDevices")
            .WithSummary("Every device, in the order they were added");
        devices.MapPost("/", CreateDevice)
            .WithName("CreateDevice")
            .WithSummary("Add a device")
            .WithDescription("Adds a device of a hardware profile, optionally with an id, a serial and power. A device whose id has stored state gets its configuration back. Answers 201 with a Location and the device's state.")
            .Accepts<CreateDeviceRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        devices.MapGet("/{id}", GetDevice)
            .WithName("GetDevice")
            .WithSummary("A device's state")
            .WithDescription("Phase, power rail, button, LEDs, network, firmware and boot counters, as of now in simulated time.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        devices.MapDelete("/{id}", DeleteDevice)
            .WithName("DeleteDevice")
            .WithSummary("Remove a device")
            .WithDescription("Powers the device off and forgets it. Its stored configuration is kept (adding the same id again restores it) unless ?deleteState=true.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static Ok<DeviceState[]> ListDevices(ControlPlane control) =>
        TypedResults.Ok(control.Emulator.Devices.Select(control.StateOf).ToArray());

    public static Results<Ok<DeviceState>, ProblemHttpResult> GetDevice(string id, ControlPlane control) =>
        control.TryGetDevice(id, out var camera) ? TypedResults.Ok(control.StateOf(camera)) : control.UnknownDevice(id);

    public static async Task<Results<Created<DeviceState>, ProblemHttpResult>> CreateDevice(HttpRequest request, ControlPlane control)
    {
        var body = await RequestBody.ReadAsync<CreateDeviceRequest>(request, CreateExample);
        if (body.Problem is { } bad)
        {
            return bad;
        }

        var create = body.Value!;
        var errors = new ValidationErrors();
        var catalog = control.Emulator.Profiles;
        HardwareProfile? profile = null;
        var profileId = create.Profile ?? ProfileCatalog.DefaultProfileId;
        if (string.IsNullOrWhiteSpace(profileId))
        {
            errors.Add("$.profile", "$.profile must name a hardware profile, e.g. P3265-LVE (GET /api/v1/profiles lists them).");
        }
        else if (!catalog.TryGet(profileId, out profile))
        {
            errors.Add("$.profile", $"$.profile '{profileId}' is not a known hardware profile; known: {string.Join(", ", catalog.Ids)}.");
        }

        if (create.Id is { } id && IdProblem(id) is { } idProblem)
        {
            errors.Add("$.id", idProblem);
        }

        if (create.Serial is { } serial && !DeviceIdentity.IsValidSerial(serial))
        {
            errors.Add("$.serial", $"$.serial '{serial}' is not 12 hexadecimal digits (e.g. ACCC8E0A1B2C).");
        }

        PowerPlan? power = null;
        if (create.Power is { } powerRequest && profile is not null)
        {
            power = PowerPlan.Resolve(powerRequest, profile, currentlyOn: false, "$.power", errors);
        }

        if (errors.HasErrors)
        {
            return Problems.Invalid(errors);
        }

        if (create.Id is not null && control.TryGetDevice(create.Id, out _))
        {
            return Problems.Conflict($"A device with id '{create.Id}' already exists; DELETE /api/v1/devices/{create.Id} first or choose another id.");
        }

        Device camera;
        try
        {
            camera = control.Emulator.AddDevice(profile!.Id, create.Id, create.Serial);
        }
        catch (InvalidOperationException ex)
        {
            return Problems.Conflict(ex.Message);
        }
        catch (InvalidDataException ex)
        {
            return Problems.Conflict(ex.Message);
        }

        power?.Apply(camera);
        await control.SettleAsync(request.HttpContext);
        return TypedResults.Created($"/api/v1/devices/{Uri.EscapeDataString(camera.Id)}", control.StateOf(camera));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteDevice(string id, string? deleteState, HttpContext http, ControlPlane control)
    {
        // Exactly true or false: bool.TryParse would also take " true" and "TRUE\0" (it trims blanks and NULs).
        var erase = string.Equals(deleteState, "true", StringComparison.OrdinalIgnoreCase);
        if (deleteState is not null && !erase && !string.Equals(deleteState, "false", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.BadRequest($"deleteState must be true or false (got '{deleteState}').");
        }

        if (!control.Emulator.RemoveDevice(id, erase))
        {
            return control.UnknownDevice(id);
        }

        await control.SettleAsync(http);
        return TypedResults.NoContent();
    }

    /// <summary>Why <paramref name="id"/> cannot name a device (it names the state file too), or null.</summary>
    internal static string? IdProblem(string id)
    {
        if (id.Length == 0 || id.Length > MaxIdLength)
        {
            return $"$.id must be 1 to {MaxIdLength} characters.";
        }

        if (id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) || id.StartsWith('.'))
        {
            return $"$.id '{id}' may contain only letters, digits, '-', '_' and '.', and may not start with '.'.";
        }

        return null;
    }
}

/// <summary>What a power request asks for, checked against the device's profile before anything changes.</summary>
public sealed record PowerPlan(bool On, PowerSource? Source)
{
    /// <summary>
    /// Checks <paramref name="request"/>; null (with errors) when invalid. <c>on</c> without a source keeps
    /// the current source when the device is powered, else plugs in <see cref="DefaultPowerSource"/>.
    /// </summary>
    public static PowerPlan? Resolve(PowerRequest request, HardwareProfile profile, bool currentlyOn, string path, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(errors);
        var root = path.Length == 0 ? "$" : path;
        if (request.On is not { } on)
        {
            errors.Add($"{root}.on", $"{root}.on is required: true or false.");
            return null;
        }

        if (!on)
        {
            if (request.Source is not null)
            {
                errors.Add($"{root}.source", $"{root}.source applies only with on=true (on=false pulls the plug).");
                return null;
            }

            return new PowerPlan(false, null);
        }

        if (request.Source is { } body)
        {
            var source = PowerSources.Build(body, profile, $"{root}.source", errors);
            return source is null ? null : new PowerPlan(true, source);
        }

        if (currentlyOn)
        {
            return new PowerPlan(true, null);
        }

        var fallback = DefaultPowerSource.For(profile, out var reason);
        if (fallback is null)
        {
            errors.Add($"{root}.source", $"{root}.source is required: {reason}.");
            return null;
        }

        return new PowerPlan(true, fallback);
    }

    public void Apply(Device camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        if (!On)
        {
            camera.PowerOff();
        }
        else if (Source is not null)
        {
            camera.PowerOn(Source);
        }
    }
}
