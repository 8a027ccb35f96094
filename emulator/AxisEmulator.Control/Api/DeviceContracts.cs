using System.ComponentModel;
using AxisEmulator.Core.Button;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Leds;
using AxisEmulator.Core.Power;

namespace AxisEmulator.Control.Api;

/// <summary>What feeds a device. <c>kind</c> says which of the other fields apply.</summary>
public sealed record PowerSourceBody(
    [property: Description("poe (an 802.3 PSE), passive (a non-standard injector) or dc (an adapter).")] PowerSourceKind? Kind,
    [property: Description("poe: 802.3af, 802.3at or 802.3bt. Default: the lowest standard that supplies pseClass.")] string? Standard = null,
    [property: Description("poe: the highest class the PSE supplies, 0–8. Default: the device's own PoE class.")] int? PseClass = null,
    [property: Description("poe: cable length, metres (0–250). Default 10.")] double? CableMeters = null,
    [property: Description("poe: cat3, cat5, cat5e, cat6 or cat6a. Default cat5e.")] string? CableCategory = null,
    [property: Description("poe: PSE output voltage. Default 48 V for 802.3af, 53 V for 802.3at/bt.")] double? PseVolts = null,
    [property: Description("passive and dc: volts (required).")] double? Volts = null,
    [property: Description("dc: the adapter's current rating. Default: enough for the device's peak load.")] double? Amps = null);

public enum PowerSourceKind
{
    Poe,
    Passive,
    Dc,
}

/// <summary>Body of <c>PUT /api/v1/devices/{id}/power</c> and the <c>power</c> part of a create.</summary>
public sealed record PowerRequest(
    [property: Description("true plugs the source in (or changes it), false pulls the plug.")] bool? On,
    [property: Description("What to plug in. Omitted with on=true: the current source if powered, else PoE at the device's own class over 10 m of cat5e (or a DC adapter in range for DC-only models).")] PowerSourceBody? Source = null);

/// <summary>Body of <c>POST /api/v1/devices</c>.</summary>
public sealed record CreateDeviceRequest(
    [property: Description("Hardware profile id (GET /api/v1/profiles). Default P3265-LVE.")] string? Profile = null,
    [property: Description("Device id: letters, digits, '-', '_', '.' (at most 64). Default cam-N.")] string? Id = null,
    [property: Description("Serial (= MAC), 12 hex digits. Default: derived from the profile's OUI, the id and the seed.")] string? Serial = null,
    [property: Description("Power the new device at once.")] PowerRequest? Power = null);

public enum ButtonAction
{
    Press,
    Release,
    Hold,
}

/// <summary>Body of <c>POST /api/v1/devices/{id}/button</c>.</summary>
public sealed record ButtonRequest(
    [property: Description("press (and keep holding), release, or hold: press now and release after seconds of simulated time.")] ButtonAction? Action,
    [property: Description("hold only: simulated seconds to hold, greater than 0 and at most 600.")] double? Seconds = null);

/// <summary>The control button's contact condition.</summary>
public sealed record ButtonFaultBody(
    [property: Description("healthy, mushy, stuck or broken.")] ButtonCondition? Condition,
    [property: Description("mushy only: average contact dropouts per second while held (0–100]. Default 0.5.")] double? DropoutsPerSecond = null,
    [property: Description("mushy only: average dropout length, milliseconds (0–60000]. Default 120.")] double? DropoutMs = null);

/// <summary>Body of <c>PUT /api/v1/devices/{id}/faults</c>: every part is optional, at least one is needed.</summary>
public sealed record FaultsRequest(
    ButtonFaultBody? Button = null,
    [property: Description("true: the unit never starts (no LED, no network); false repairs it.")] bool? Bricked = null,
    [property: Description("false unplugs the device's data link (listener closes, status LED alternates amber/red).")] bool? NetworkLink = null);

/// <summary>The full state of one device (<c>GET /api/v1/devices/{id}</c>).</summary>
public sealed record DeviceState(
    string Id,
    string Profile,
    string Serial,
    DevicePhase Phase,
    PowerState Power,
    ButtonState Button,
    LedsState Leds,
    NetworkState Network,
    FirmwareState Firmware,
    [property: Description("Boots since the device was added (each boot loader start).")] int BootCount,
    [property: Description("Power cuts in a row since the last boot that reached ready.")] int BootLoopCount,
    bool Bricked,
    [property: Description("Simulated time of this picture.")] DateTimeOffset Time,
    [property: Description("Sequence number of the newest timeline entry: pass it as ?since= to read what follows.")] long LastSequence);

public sealed record PowerState(
    bool On,
    PowerSourceBody? Source,
    [property: Description("Volts at the device's input.")] double Volts,
    [property: Description("Watts the device draws.")] double Watts,
    [property: Description("Watts the source grants (PoE class budget, or adapter volts × amps; 0 for a passive injector).")] double BudgetWatts,
    PowerStatus Status,
    double Amps,
    double CableLossWatts,
    [property: Description("Running with heater/IR limited on a lower PoE class.")] bool Degraded,
    [property: Description("The rail's explanation, with figures.")] string? Message,
    [property: Description("The lowest volts at the device's input the rail judged against: the granted PoE type's PD minimum, a passive injector's 37 V, the DC input's minimum. Absent when no power reached the device.")] double? MinimumVolts = null);

public sealed record ButtonState(
    [property: Description("A finger is on the button (press or hold in progress).")] bool Pressed,
    [property: Description("What the firmware reads after debouncing.")] bool Debounced,
    ButtonCondition Condition,
    double? DropoutsPerSecond,
    double? DropoutMs,
    [property: Description("When a hold in progress releases (simulated time).")] DateTimeOffset? ReleaseAt,
    [property: Description("The boot loader is counting the hold: since when, and what a release now would do. Absent when it counts none.")] ResetHoldState? ResetHold = null);

/// <summary>A hold the boot loader is counting, judged as if released now.</summary>
public sealed record ResetHoldState(
    [property: Description("When the count started: power-on with the button held, or the debounced press (simulated time).")] DateTimeOffset CountingSince,
    [property: Description("What a release now would do: too-early, factory-reset, too-late-reset or too-late-abort (the outcome a reset-release timeline entry would give).")] string ReleaseNow,
    [property: Description("Until when holding on keeps that verdict: the window opens or closes (simulated time). Absent past the window.")] DateTimeOffset? Until);

public sealed record LedsState(LedView Status, LedView? Power, LedView? Network);

public sealed record LedView(
    LedColor Color,
    LedPattern Pattern,
    [property: Description("Flash or alternation rate (flashing and alternating patterns).")] double? Hz,
    [property: Description("The second color of an alternating pattern.")] LedColor? AlternateColor);

public sealed record NetworkState(
    [property: Description("The device's HTTP listener should be open (network-up or ready, link up, not bricked).")] bool Listening,
    [property: Description("The real loopback listener is open right now (when the host runs listeners).")] bool? ListenerOpen,
    [property: Description("Where the device's VAPIX API really answers, e.g. http://127.0.0.1:8081/ (known once it first opened).")] string? Endpoint,
    [property: Description("Emulated address, reported only.")] string? IpAddress,
    string? LinkLocal,
    BootProtocol BootProto,
    bool LinkUp,
    [property: Description("Serials of other devices claiming the same emulated address.")] IReadOnlyList<string> Conflicts);

public sealed record FirmwareState(
    string Version,
    string? InactiveVersion,
    bool Committed,
    string? BootId,
    double UptimeSeconds,
    [property: Description("No admin user yet: setup mode (needsetup: yes).")] bool NeedsSetup);

/// <summary>Answer to a hold: the button is down and releases at <see cref="ReleaseAt"/>.</summary>
public sealed record ButtonHoldAccepted(string DeviceId, double Seconds, DateTimeOffset PressedAt, DateTimeOffset ReleaseAt, DeviceState Device);

/// <summary>The simulation clock (<c>GET /api/v1/clock</c>).</summary>
public sealed record ClockState(
    ClockMode Mode,
    [property: Description("Simulated seconds per wall second: 1 realtime, N scaled, 0 manual.")] double Scale,
    [property: Description("Emulator-wide seed of every random choice.")] int Seed,
    [property: Description("Simulated now.")] DateTimeOffset Now,
    [property: Description("Simulated seconds since the epoch (2026-01-01T00:00:00Z).")] double ElapsedSeconds,
    int PendingEvents,
    DateTimeOffset? NextEventDue,
    long ExecutedEvents);

/// <summary>Body of <c>PUT /api/v1/clock</c>.</summary>
public sealed record ClockRequest(
    [property: Description("realtime, scaled or manual.")] ClockMode? Mode,
    [property: Description("scaled only: simulated seconds per wall second, (0, 1000000].")] double? Scale = null);

/// <summary>Body of <c>POST /api/v1/clock/advance</c>: <c>{seconds}</c> or <c>{untilIdle: true, maxSeconds?}</c>.</summary>
public sealed record AdvanceRequest(
    [property: Description("Simulated seconds to move forward, 0–604800, running every event due on the way.")] double? Seconds = null,
    [property: Description("Run events until none is pending (or the next lies beyond maxSeconds).")] bool? UntilIdle = null,
    [property: Description("untilIdle only: the bound, simulated seconds (0–604800]. Default 3600; a boot loop never goes idle.")] double? MaxSeconds = null);

public sealed record AdvanceResult(
    ClockState Clock,
    [property: Description("Events run by this call.")] long EventsRun,
    [property: Description("No event is pending afterwards.")] bool Idle,
    [property: Description("Simulated seconds this call moved the clock.")] double AdvancedSeconds);

public sealed record HealthStatus(string Status);
