using System.Globalization;
using System.Text;

namespace AxisEmulator.Client;

/// <summary>The full state of one device, as of <see cref="Time"/> in simulated time (<c>GET /api/v1/devices/{id}</c>).</summary>
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
    int BootCount,
    int BootLoopCount,
    bool Bricked,
    DateTimeOffset Time,
    long LastSequence)
{
    /// <summary>
    /// One line for people and failure messages: <c>cam-1 (P3265-LVE) at 00:02:03.500: phase ready, status
    /// LED steady green, power ok 12.4 W of 25.5 W at 51.2 V, boot #2, needs setup</c>.
    /// </summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Id} ({Profile}) at {SimulatedTime.Format(Time)}: phase {Phase}, status LED {Leds?.Status}");
        if (Leds?.Power is { } powerLed)
        {
            text.Append(CultureInfo.InvariantCulture, $", power LED {powerLed}");
        }

        if (Power is { } power)
        {
            text.Append(power.On
                ? string.Create(CultureInfo.InvariantCulture, $", power {power.Status} {power.Watts:0.##} W of {power.BudgetWatts:0.##} W at {power.Volts:0.##} V")
                : ", unpowered");
        }

        if (Button is { } button)
        {
            text.Append(CultureInfo.InvariantCulture, $", button {(button.Pressed ? "held" : "up")} ({button.Condition})");
        }

        text.Append(CultureInfo.InvariantCulture, $", boot #{BootCount}");
        if (BootLoopCount > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({BootLoopCount} power cuts in a row)");
        }

        if (Firmware is { NeedsSetup: true })
        {
            text.Append(", needs setup");
        }

        if (Bricked)
        {
            text.Append(", bricked");
        }

        return text.ToString();
    }
}

/// <summary>The power rail: what is plugged in and what reaches the device.</summary>
public sealed record PowerState(
    bool On,
    PowerSource? Source,
    double Volts,
    double Watts,
    double BudgetWatts,
    PowerStatus Status,
    double Amps,
    double CableLossWatts,
    bool Degraded,
    string? Message,
    double? MinimumVolts = null);

/// <summary>The control button: whether a finger is on it, what the firmware reads, the contact's condition.</summary>
public sealed record ButtonState(
    bool Pressed,
    bool Debounced,
    ButtonCondition Condition,
    double? DropoutsPerSecond,
    double? DropoutMs,
    DateTimeOffset? ReleaseAt,
    ResetHoldState? ResetHold = null);

/// <summary>A hold the boot loader is counting, judged as if released now (<c>too-early</c>, <c>factory-reset</c>, <c>too-late-reset</c>, <c>too-late-abort</c>).</summary>
public sealed record ResetHoldState(DateTimeOffset CountingSince, string ReleaseNow, DateTimeOffset? Until);

/// <summary>The LEDs: the status LED on every model, power and network LEDs where the model has them.</summary>
public sealed record LedsState(LedState Status, LedState? Power, LedState? Network);

/// <summary>What one LED shows.</summary>
public sealed record LedState(LedColor Color, LedPattern Pattern, double? Hz, LedColor? AlternateColor)
{
    /// <summary>True when the LED shows <paramref name="color"/> with <paramref name="pattern"/>.</summary>
    public bool Is(LedColor color, LedPattern pattern) => Color == color && Pattern == pattern;

    /// <summary>Flashing <paramref name="color"/>.</summary>
    public bool IsFlashing(LedColor color) => Is(color, LedPattern.Flashing);

    /// <summary>Steady <paramref name="color"/>.</summary>
    public bool IsSteady(LedColor color) => Is(color, LedPattern.Steady);

    public bool IsOff => Pattern == LedPattern.Off || Color == LedColor.Off;

    /// <summary><c>off</c>, <c>steady green</c>, <c>flashing amber @4 Hz</c>, <c>alternating amber/red @2 Hz</c>.</summary>
    public override string ToString()
    {
        if (Pattern == LedPattern.Off)
        {
            return "off";
        }

        var rate = Hz is { } hz ? string.Create(CultureInfo.InvariantCulture, $" @{hz:0.##} Hz") : "";
        return Pattern == LedPattern.Alternating
            ? $"alternating {Color}/{AlternateColor}{rate}"
            : $"{Pattern} {Color}{rate}";
    }
}

/// <summary>The device's network: its emulated address (reported only) and its real loopback endpoint.</summary>
public sealed record NetworkState(
    bool Listening,
    bool? ListenerOpen,
    string? Endpoint,
    string? IpAddress,
    string? LinkLocal,
    BootProtocol BootProto,
    bool LinkUp,
    IReadOnlyList<string> Conflicts);

/// <summary>The running firmware.</summary>
public sealed record FirmwareState(
    string Version,
    string? InactiveVersion,
    bool Committed,
    string? BootId,
    double UptimeSeconds,
    bool NeedsSetup);

/// <summary>The answer to a hold: the button is down and releases at <see cref="ReleaseAt"/> (simulated time).</summary>
public sealed record ButtonHoldAccepted(string DeviceId, double Seconds, DateTimeOffset PressedAt, DateTimeOffset ReleaseAt, DeviceState Device);

/// <summary>
/// What feeds a device (a request body and part of <see cref="PowerState"/>). Build one with
/// <see cref="Poe"/>, <see cref="Passive"/> or <see cref="Dc"/>; fields left null take the emulator's defaults.
/// </summary>
public sealed record PowerSource
{
    public PowerSourceKind Kind { get; init; }

    /// <summary>poe: <c>802.3af</c>, <c>802.3at</c> or <c>802.3bt</c>.</summary>
    public string? Standard { get; init; }

    /// <summary>poe: the highest class the PSE supplies, 0–8.</summary>
    public int? PseClass { get; init; }

    /// <summary>poe: cable length, metres.</summary>
    public double? CableMeters { get; init; }

    /// <summary>poe: <c>cat3</c>, <c>cat5</c>, <c>cat5e</c>, <c>cat6</c> or <c>cat6a</c>.</summary>
    public string? CableCategory { get; init; }

    /// <summary>poe: the PSE's output voltage.</summary>
    public double? PseVolts { get; init; }

    /// <summary>passive and dc: volts.</summary>
    public double? Volts { get; init; }

    /// <summary>dc: the adapter's current rating.</summary>
    public double? Amps { get; init; }

    /// <summary>An 802.3 PSE port, e.g. <c>PowerSource.Poe(pseClass: 3, cableMeters: 100, cableCategory: "cat5")</c>.</summary>
    public static PowerSource Poe(int? pseClass = null, string? standard = null, double? cableMeters = null, string? cableCategory = null, double? pseVolts = null) =>
        new() { Kind = PowerSourceKind.Poe, PseClass = pseClass, Standard = standard, CableMeters = cableMeters, CableCategory = cableCategory, PseVolts = pseVolts };

    /// <summary>A non-standard passive injector: no detection, no classification.</summary>
    public static PowerSource Passive(double volts) => new() { Kind = PowerSourceKind.Passive, Volts = volts };

    /// <summary>A DC adapter (amps default to enough for the device's peak load).</summary>
    public static PowerSource Dc(double volts, double? amps = null) => new() { Kind = PowerSourceKind.Dc, Volts = volts, Amps = amps };
}

/// <summary>Body of <c>POST /api/v1/devices</c>: every part is optional.</summary>
public sealed record CreateDeviceRequest
{
    /// <summary>Hardware profile id; the emulator's default (P3265-LVE) when null.</summary>
    public string? Profile { get; init; }

    /// <summary>Device id; <c>cam-N</c> when null.</summary>
    public string? Id { get; init; }

    /// <summary>Serial (= MAC), 12 hex digits; derived from the id and the seed when null.</summary>
    public string? Serial { get; init; }

    /// <summary>Power the new device at once.</summary>
    public PowerRequest? Power { get; init; }
}

/// <summary>Body of <c>PUT /api/v1/devices/{id}/power</c>.</summary>
public sealed record PowerRequest(bool On, PowerSource? Source = null);

/// <summary>
/// Body of <c>PUT /api/v1/devices/{id}/faults</c>: set only what should change, e.g.
/// <c>new DeviceFaults { Button = ButtonFault.Mushy() }</c> or <c>new DeviceFaults { Bricked = true }</c>.
/// </summary>
public sealed record DeviceFaults
{
    public ButtonFault? Button { get; init; }

    /// <summary>true: the unit never starts (no LED, no network); false repairs it.</summary>
    public bool? Bricked { get; init; }

    /// <summary>false unplugs the data link (the listener closes, the status LED alternates amber/red).</summary>
    public bool? NetworkLink { get; init; }
}

/// <summary>The control button's contact condition, for <see cref="DeviceFaults.Button"/>.</summary>
public sealed record ButtonFault(ButtonCondition Condition, double? DropoutsPerSecond = null, double? DropoutMs = null)
{
    public static ButtonFault Healthy { get; } = new(ButtonCondition.Healthy);

    public static ButtonFault Stuck { get; } = new(ButtonCondition.Stuck);

    public static ButtonFault Broken { get; } = new(ButtonCondition.Broken);

    /// <summary>No tactile click: the contact drops out at random while held (defaults: 0.5 per second, 120 ms).</summary>
    public static ButtonFault Mushy(double? dropoutsPerSecond = null, double? dropoutMs = null) =>
        new(ButtonCondition.Mushy, dropoutsPerSecond, dropoutMs);
}

/// <summary>Formats simulated times relative to the emulator's epoch.</summary>
public static class SimulatedTime
{
    /// <summary>Where every emulator's simulated time starts: 2026-01-01T00:00:00Z.</summary>
    public static DateTimeOffset Epoch { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary><c>00:02:03.500</c> (since the epoch), or the full ISO time for times before it.</summary>
    public static string Format(DateTimeOffset time)
    {
        var since = time - Epoch;
        if (since < TimeSpan.Zero)
        {
            return time.ToString("O", CultureInfo.InvariantCulture);
        }

        return since.TotalDays >= 1
            ? since.ToString(@"d\.hh\:mm\:ss\.fff", CultureInfo.InvariantCulture)
            : since.ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
    }

    /// <summary><c>30 s</c>, <c>2.5 s</c>, <c>2 min</c>, <c>1 min 30 s</c>.</summary>
    public static string Format(TimeSpan span)
    {
        if (span.TotalSeconds < 60)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s");
        }

        var minutes = (int)span.TotalMinutes;
        var seconds = span.TotalSeconds - (minutes * 60);
        return seconds < 0.0005
            ? string.Create(CultureInfo.InvariantCulture, $"{minutes} min")
            : string.Create(CultureInfo.InvariantCulture, $"{minutes} min {seconds:0.###} s");
    }
}
