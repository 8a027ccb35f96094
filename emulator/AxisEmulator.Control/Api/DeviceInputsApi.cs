using System.Globalization;
using AxisEmulator.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using CoreButtonCondition = AxisEmulator.Core.Button.ButtonCondition;
using CoreButtonFault = AxisEmulator.Core.Button.ButtonFault;

namespace AxisEmulator.Control.Api;

/// <summary>What a person (or a test) does to a device: power, the control button, faults.</summary>
public static class DeviceInputsApi
{
    /// <summary>Longest hold, simulated seconds.</summary>
    public const double MaxHoldSeconds = 600;

    internal const string PowerExample = """{"on":true,"source":{"kind":"poe","standard":"802.3at","pseClass":4,"cableMeters":100,"cableCategory":"cat5e"}}""";
    internal const string ButtonExample = """{"action":"hold","seconds":20}""";
    internal const string FaultsExample = """{"button":{"condition":"mushy","dropoutsPerSecond":0.5,"dropoutMs":120},"bricked":false,"networkLink":true}""";

    public static RouteGroupBuilder MapDeviceInputsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var device = api.MapGroup("/devices/{id}").WithTags("Devices");
        device.MapPut("/power", SetPower)
            .WithName("SetPower")
            .WithSummary("Plug in, change or pull the power")
            .WithDescription("on=false pulls the plug. on=true plugs in the source (or changes it while powered: the rail is re-evaluated); without a source it keeps the current one, or plugs the device into PoE at its own class over 10 m of cat5e (a DC adapter in range for DC-only models). Sources: {\"kind\":\"poe\",\"standard\":\"802.3at\",\"pseClass\":4,\"cableMeters\":100,\"cableCategory\":\"cat5e\",\"pseVolts\":50}, {\"kind\":\"passive\",\"volts\":24}, {\"kind\":\"dc\",\"volts\":12,\"amps\":2}.")
            .Accepts<PowerRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        device.MapPost("/button", PushButton)
            .WithName("PushButton")
            .WithSummary("Press, release or hold the control button")
            .WithDescription("press keeps the button down until release; hold presses now and releases after seconds of simulated time (202, the release is an event on the simulation clock). A press, release or new hold replaces a hold in progress.")
            .Accepts<ButtonRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        device.MapPut("/faults", SetFaults)
            .WithName("SetFaults")
            .WithSummary("Set the button condition, brick the unit, cut the network link")
            .WithDescription("Every part is optional; the parts given are checked together before any is applied.")
            .Accepts<DeviceFaults>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static async Task<Results<Ok<DeviceState>, ProblemHttpResult>> SetPower(string id, HttpRequest request, ControlPlane control)
    {
        if (!control.TryGetDevice(id, out var camera))
        {
            return control.UnknownDevice(id);
        }

        var body = await RequestBody.ReadAsync<PowerRequest>(request, PowerExample);
        if (body.Problem is { } bad)
        {
            return bad;
        }

        var errors = new ValidationErrors();
        var plan = PowerPlan.Resolve(body.Value!, camera.Profile, camera.Snapshot().Power.On, "$", errors);
        if (plan is null)
        {
            return Problems.Invalid(errors);
        }

        plan.Apply(camera);
        await control.SettleAsync(request.HttpContext);
        return TypedResults.Ok(control.StateOf(camera));
    }

    public static async Task<Results<Ok<DeviceState>, Accepted<ButtonHoldAccepted>, ProblemHttpResult>> PushButton(string id, HttpRequest request, ControlPlane control)
    {
        if (!control.TryGetDevice(id, out var camera))
        {
            return control.UnknownDevice(id);
        }

        var body = await RequestBody.ReadAsync<ButtonRequest>(request, ButtonExample);
        if (body.Problem is { } bad)
        {
            return bad;
        }

        var push = body.Value!;
        var errors = new ValidationErrors();
        if (push.Action is not { } action)
        {
            errors.Add("$.action", $"$.action is required: one of {string.Join(", ", ControlJson.Names(typeof(ButtonAction)))}.");
        }
        else if (action == ButtonAction.Hold)
        {
            if (push.Seconds is not { } seconds)
            {
                errors.Add("$.seconds", Invariant($"$.seconds is required for a hold: simulated seconds, greater than 0 and at most {MaxHoldSeconds}."));
            }
            else if (!double.IsFinite(seconds) || seconds <= 0 || seconds > MaxHoldSeconds)
            {
                errors.Add("$.seconds", Invariant($"$.seconds must be greater than 0 and at most {MaxHoldSeconds} (got {seconds})."));
            }
        }
        else if (push.Seconds is not null)
        {
            errors.Add("$.seconds", $"$.seconds applies only to action hold (got action {action}).");
        }

        if (errors.HasErrors)
        {
            return Problems.Invalid(errors);
        }

        if (push.Action == ButtonAction.Press || push.Action == ButtonAction.Release)
        {
            if (push.Action == ButtonAction.Press)
            {
                camera.PressButton();
            }
            else
            {
                camera.ReleaseButton();
            }

            await control.SettleAsync(request.HttpContext);
            return TypedResults.Ok(control.StateOf(camera));
        }

        var pressedAt = control.Clock.GetUtcNow();
        var releaseAt = camera.HoldButton(TimeSpan.FromSeconds(push.Seconds!.Value));
        await control.SettleAsync(request.HttpContext);
        var accepted = new ButtonHoldAccepted(camera.Id, push.Seconds.Value, pressedAt.ToUniversalTime(), releaseAt.ToUniversalTime(), control.StateOf(camera));
        return TypedResults.Accepted($"/api/v1/devices/{Uri.EscapeDataString(camera.Id)}", accepted);
    }

    public static async Task<Results<Ok<DeviceState>, ProblemHttpResult>> SetFaults(string id, HttpRequest request, ControlPlane control)
    {
        if (!control.TryGetDevice(id, out var camera))
        {
            return control.UnknownDevice(id);
        }

        var body = await RequestBody.ReadAsync<DeviceFaults>(request, FaultsExample);
        if (body.Problem is { } bad)
        {
            return bad;
        }

        var faults = body.Value!;
        var errors = new ValidationErrors();
        if (faults.Button is null && faults.Bricked is null && faults.NetworkLink is null)
        {
            errors.Add("$", $"Give at least one of button, bricked, networkLink, e.g. {FaultsExample}");
        }

        CoreButtonFault? buttonFault = null;
        if (faults.Button is { } button)
        {
            buttonFault = ToFault(button, errors);
        }

        if (errors.HasErrors)
        {
            return Problems.Invalid(errors);
        }

        Core.Devices.DeviceFaults.SetFaults(camera, buttonFault, faults.Bricked, faults.NetworkLink);

        await control.SettleAsync(request.HttpContext);
        return TypedResults.Ok(control.StateOf(camera));
    }

    private static CoreButtonFault? ToFault(ButtonFault body, ValidationErrors errors)
    {
        if (body.Condition is not { } wireCondition)
        {
            errors.Add("$.button.condition", $"$.button.condition is required: one of {string.Join(", ", ControlJson.Names(typeof(ButtonCondition)))}.");
            return null;
        }

        var condition = WireValues.ToCore<CoreButtonCondition, ButtonCondition>(wireCondition);
        if (condition != CoreButtonCondition.Mushy)
        {
            if (body.DropoutsPerSecond is not null || body.DropoutMs is not null)
            {
                errors.Add("$.button", $"$.button.dropoutsPerSecond and dropoutMs apply only to condition mushy (got {ControlJson.Name(condition)}).");
                return null;
            }

            return new CoreButtonFault(condition);
        }

        var defaults = new CoreButtonFault(CoreButtonCondition.Mushy);
        var fault = new CoreButtonFault(condition, body.DropoutsPerSecond ?? defaults.DropoutsPerSecond, body.DropoutMs ?? defaults.DropoutMilliseconds);
        var before = errors.Count;
        foreach (var problem in fault.Validate())
        {
            var field = problem.StartsWith("dropoutMs", StringComparison.Ordinal) ? "dropoutMs" : "dropoutsPerSecond";
            errors.Add($"$.button.{field}", $"$.button.{problem}");
        }

        if (errors.Count > before)
        {
            return null;
        }

        return fault;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
