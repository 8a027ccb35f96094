using System.ComponentModel;

namespace AxisEmulator.Contracts;

/// <summary>Body of <c>POST /api/v1/devices</c>: every part is optional.</summary>
public sealed record CreateDeviceRequest(
    [property: Description("Hardware profile id (GET /api/v1/profiles). Default P3265-LVE.")] string? Profile = null,
    [property: Description("Device id: letters, digits, '-', '_', '.' (at most 64). Default cam-N.")] string? Id = null,
    [property: Description("Serial (= MAC), 12 hex digits. Default: derived from the profile's OUI, the id and the seed.")] string? Serial = null,
    [property: Description("Power the new device at once.")] PowerRequest? Power = null);

/// <summary>Body of <c>PUT /api/v1/devices/{id}/power</c> and the <c>power</c> part of a create.</summary>
public sealed record PowerRequest(
    [property: Description("true plugs the source in (or changes it), false pulls the plug.")] bool? On,
    [property: Description("What to plug in. Omitted with on=true: the current source if powered, else PoE at the device's own class over 10 m of cat5e (or a DC adapter in range for DC-only models).")] PowerSource? Source = null);

/// <summary>Body of <c>POST /api/v1/devices/{id}/button</c>.</summary>
public sealed record ButtonRequest(
    [property: Description("press (and keep holding), release, or hold: press now and release after seconds of simulated time.")] ButtonAction? Action,
    [property: Description("hold only: simulated seconds to hold, greater than 0 and at most 600.")] double? Seconds = null);

/// <summary>The answer to a hold: the button is down and releases at <see cref="ReleaseAt"/> (simulated time).</summary>
public sealed record ButtonHoldAccepted(string DeviceId, double Seconds, DateTimeOffset PressedAt, DateTimeOffset ReleaseAt, DeviceState Device);

/// <summary>
/// Body of <c>PUT /api/v1/devices/{id}/faults</c>: every part is optional, at least one is needed; set only
/// what should change, e.g. <c>new DeviceFaults { Button = ButtonFault.Mushy() }</c> or <c>new DeviceFaults { Bricked = true }</c>.
/// </summary>
public sealed record DeviceFaults(
    ButtonFault? Button = null,
    [property: Description("true: the unit never starts (no LED, no network); false repairs it.")] bool? Bricked = null,
    [property: Description("false unplugs the device's data link (listener closes, status LED alternates amber/red).")] bool? NetworkLink = null);

/// <summary>The control button's contact condition, for <see cref="DeviceFaults.Button"/>.</summary>
public sealed record ButtonFault(
    [property: Description("healthy, mushy, stuck or broken.")] ButtonCondition? Condition,
    [property: Description("mushy only: average contact dropouts per second while held (0–100]. Default 0.5.")] double? DropoutsPerSecond = null,
    [property: Description("mushy only: average dropout length, milliseconds (0–60000]. Default 120.")] double? DropoutMs = null)
{
    public static ButtonFault Healthy { get; } = new(ButtonCondition.Healthy);

    public static ButtonFault Stuck { get; } = new(ButtonCondition.Stuck);

    public static ButtonFault Broken { get; } = new(ButtonCondition.Broken);

    /// <summary>No tactile click: the contact drops out at random while held (defaults: 0.5 per second, 120 ms).</summary>
    public static ButtonFault Mushy(double? dropoutsPerSecond = null, double? dropoutMs = null) =>
        new(ButtonCondition.Mushy, dropoutsPerSecond, dropoutMs);
}
