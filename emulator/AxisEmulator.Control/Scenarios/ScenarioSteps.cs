using System.Globalization;
using AxisEmulator.Core.Button;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Leds;
using AxisEmulator.Core.Power;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Control.Scenarios;

/// <summary>One step of a scenario. <see cref="Line"/> is where it starts in the file.</summary>
public abstract record ScenarioStep(int Line)
{
    /// <summary>The step's key in the file: <c>power</c>, <c>wait-for</c>…</summary>
    public abstract string Kind { get; }

    /// <summary>One line for the log: <c>button: release</c>, <c>wait-for led status flashing amber within 30s</c>.</summary>
    public abstract string Describe();

    public override string ToString() => Describe();
}

/// <summary><c>power: off</c>, <c>power: on</c> (the profile's own source) or <c>power: { kind: … }</c>.</summary>
public sealed record PowerStep(int Line, bool On, ScenarioPowerSource? Source = null) : ScenarioStep(Line)
{
    public override string Kind => "power";

    public override string Describe() => !On ? "power: off" : Source is null ? "power: on" : "power: " + Source.Describe();
}

/// <summary>A power source as a scenario writes it; resolved against the device's profile when the step runs.</summary>
public abstract record ScenarioPowerSource
{
    /// <summary>The concrete source for a device of <paramref name="profile"/>.</summary>
    public abstract PowerSource Resolve(HardwareProfile profile);

    public abstract string Describe();


    private protected static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>A PoE PSE; a missing class is the profile's own class, a missing standard the lowest that supplies the class.</summary>
public sealed record PoeScenarioSource(
    PoeStandard? Standard,
    int? PseClass,
    double CableMeters = PoeScenarioSource.DefaultCableMeters,
    CableCategory Cable = CableCategory.Cat5e,
    double? PseVolts = null) : ScenarioPowerSource
{
    public const double DefaultCableMeters = DefaultPowerSource.CableMeters;

    public override PowerSource Resolve(HardwareProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var pseClass = PseClass ?? profile.Power.PoeClass ?? 0;
        return new PoeSource(Standard ?? PoeStandards.LowestFor(pseClass), pseClass, CableMeters, Cable, PseVolts);
    }

    public override string Describe()
    {
        var standard = Standard is { } s ? s.ToWireString() + " " : "";
        var pseClass = PseClass is { } c ? "class " + c.ToString(CultureInfo.InvariantCulture) : "the profile's class";
        var volts = PseVolts is { } v ? $", {Number(v)} V" : "";
        return $"poe {standard}{pseClass}, {Number(CableMeters)} m {Cable.ToWireString()}{volts}";
    }
}

/// <summary>A passive injector or a DC adapter: the figures are given in full.</summary>
public sealed record FixedScenarioSource(PowerSource Source) : ScenarioPowerSource
{
    public override PowerSource Resolve(HardwareProfile profile) => Source;

    public override string Describe() => Source switch
    {
        PassiveSource passive => $"passive {Number(passive.Volts)} V",
        DcSource dc => $"dc {Number(dc.Volts)} V {Number(dc.Amps)} A",
        _ => Source.ToString(),
    };
}

public enum ButtonAction
{
    Press,
    Release,

    /// <summary>Press, let <see cref="ButtonStep.Hold"/> pass, release.</summary>
    Hold,
}

/// <summary><c>button: press</c>, <c>button: release</c> or <c>button: { hold: 22s }</c>.</summary>
public sealed record ButtonStep(int Line, ButtonAction Action, ScenarioDuration? Hold = null) : ScenarioStep(Line)
{
    public override string Kind => "button";

    public override string Describe() => Action switch
    {
        ButtonAction.Press => "button: press",
        ButtonAction.Release => "button: release",
        _ => $"button: hold {Hold}",
    };
}

/// <summary><c>wait: 20s</c>: simulated time passes.</summary>
public sealed record WaitStep(int Line, ScenarioDuration Duration) : ScenarioStep(Line)
{
    public override string Kind => "wait";

    public override string Describe() => $"wait: {Duration}";
}

/// <summary><c>wait-for: { …condition…, within: 30s }</c>: time passes until the condition holds, or fails at the deadline.</summary>
public sealed record WaitForStep(int Line, DeviceCondition Condition, ScenarioDuration Within) : ScenarioStep(Line)
{
    public override string Kind => "wait-for";

    public override string Describe() => $"wait-for {Condition.Describe()} within {Within}";
}

/// <summary><c>expect: { …condition… }</c>: the condition must hold now.</summary>
public sealed record ExpectStep(int Line, DeviceCondition Condition) : ScenarioStep(Line)
{
    public override string Kind => "expect";

    public override string Describe() => $"expect {Condition.Describe()}";
}

/// <summary><c>expect-timeline: { kind, event, data, message, count|min }</c>: the device's timeline has such entries.</summary>
public sealed record ExpectTimelineStep(int Line, TimelineExpectation Expectation) : ScenarioStep(Line)
{
    public override string Kind => "expect-timeline";

    public override string Describe() => $"expect-timeline {Expectation.Describe()}";
}

/// <summary><c>fault: { button: mushy|stuck|broken|healthy, …, bricked: bool, networkLink: bool }</c>.</summary>
public sealed record FaultStep(int Line, ButtonFault? Button, bool? Bricked, bool? NetworkLink) : ScenarioStep(Line)
{
    public override string Kind => "fault";

    public override string Describe()
    {
        var parts = new List<string>();
        if (Button is { } b)
        {
            var condition = b.Condition.ToString().ToLowerInvariant();
            parts.Add(b.Condition == ButtonCondition.Mushy
                ? string.Create(CultureInfo.InvariantCulture, $"button {condition} ({b.DropoutsPerSecond:0.###} dropouts/s, {b.DropoutMilliseconds:0.###} ms)")
                : $"button {condition}");
        }

        if (Bricked is { } bricked)
        {
            parts.Add(bricked ? "bricked" : "not bricked");
        }

        if (NetworkLink is { } link)
        {
            parts.Add(link ? "network link up" : "network link down");
        }

        return "fault: " + string.Join(", ", parts);
    }
}

/// <summary><c>restart: {}</c>: a soft reboot of a running unit.</summary>
public sealed record RestartStep(int Line) : ScenarioStep(Line)
{
    public override string Kind => "restart";

    public override string Describe() => "restart";
}

/// <summary><c>factory-default: soft|hard</c>: the network factory default of a running unit.</summary>
public sealed record FactoryDefaultStep(int Line, FactoryDefaultMode Mode) : ScenarioStep(Line)
{
    public override string Kind => "factory-default";

    public override string Describe() => $"factory-default: {Mode.ToString().ToLowerInvariant()}";
}

/// <summary>
/// <c>upgrade: { model, version, signed, autoCommit, autoRollback, refused }</c>: starts a firmware
/// upgrade. A missing model is the device's own. With <see cref="Refused"/> the step passes only when
/// the device refuses the image for that reason.
/// </summary>
public sealed record UpgradeStep(
    int Line,
    string? Model,
    string Version,
    bool Signed = true,
    AutoCommit AutoCommit = AutoCommit.Boot,
    ScenarioDuration? AutoRollback = null,
    UpgradeRejection? Refused = null) : ScenarioStep(Line)
{
    public override string Kind => "upgrade";

    public override string Describe()
    {
        var text = Model is null ? $"upgrade: {Version}" : $"upgrade: {Model} {Version}";
        if (!Signed)
        {
            text += ", unsigned";
        }

        if (AutoCommit == AutoCommit.Never)
        {
            text += AutoRollback is { } after ? $", no auto-commit, rollback after {after}" : ", no auto-commit";
        }

        return Refused is { } reason ? $"{text}, expect refused: {ScenarioNames.Kebab(reason.ToString())}" : text;
    }
}

/// <summary><c>vapix: { scheme, method, path, body, contentType, user, password, connectTimeout, expect: { status, contains, contentType, refused } }</c>.</summary>
public sealed record VapixStep(int Line, ScenarioVapixRequest Request, VapixExpectation Expect) : ScenarioStep(Line)
{
    public override string Kind => "vapix";

    public override string Describe()
    {
        var user = Request.User is null ? "" : $" as {Request.User}";
        var scheme = Request.Scheme == ScenarioVapixRequest.Https ? "https " : "";
        return $"vapix: {scheme}{Request.Method} {Request.Path}{user} → {Expect.Describe()}";
    }
}

/// <summary>
/// What a VAPIX answer must look like; <see cref="Status"/> defaults to 200. <see cref="Refused"/>:
/// no answer at all is expected (the connection is refused or times out), as a probing tool finds a
/// closed port.
/// </summary>
public sealed record VapixExpectation(int Status = 200, IReadOnlyList<string>? Contains = null, string? ContentType = null, bool Refused = false)
{
    public IReadOnlyList<string> ContainsAll => Contains ?? [];

    public string Describe()
    {
        if (Refused)
        {
            return "refused";
        }

        var parts = new List<string> { Status.ToString(CultureInfo.InvariantCulture) };
        if (ContentType is not null)
        {
            parts.Add(ContentType);
        }

        parts.AddRange(ContainsAll.Select(c => $"containing '{c}'"));
        return string.Join(", ", parts);
    }
}

/// <summary><c>caption: "text"</c>: printed for the audience; no effect on the devices.</summary>
public sealed record CaptionStep(int Line, string Text) : ScenarioStep(Line)
{
    public override string Kind => "caption";

    public override string Describe() => "» " + Text;
}

/// <summary>What an LED should show; null parts match anything.</summary>
public sealed record LedExpectation(LedName Led, LedPattern? Pattern, LedColor? Color, double? Hz = null, LedColor? AlternateColor = null)
{
    public bool Matches(LedState state) =>
        (Pattern is null || state.Pattern == Pattern)
        && (Color is null || state.Color == Color)
        && (Hz is null || Math.Abs(state.Hz - Hz.Value) < 1e-9)
        && (AlternateColor is null || state.AlternateColor == AlternateColor);

    /// <summary><c>led status flashing amber</c>, <c>led power off</c>.</summary>
    public string Describe()
    {
        var parts = new List<string> { "led", ScenarioNames.Led(Led) };
        if (Pattern is { } pattern)
        {
            parts.Add(ScenarioNames.Pattern(pattern));
        }

        if (Color is { } color && Pattern != LedPattern.Off)
        {
            parts.Add(AlternateColor is { } alternate ? $"{ScenarioNames.Color(color)}/{ScenarioNames.Color(alternate)}" : ScenarioNames.Color(color));
        }
        else if (AlternateColor is { } alternate)
        {
            parts.Add("*/" + ScenarioNames.Color(alternate));
        }

        if (Hz is { } hz)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"@{hz:0.##} Hz"));
        }

        return string.Join(' ', parts);
    }
}

/// <summary>
/// A condition on a device's state, shared by <c>expect</c> and <c>wait-for</c>. Null members are
/// not checked; every set member must hold.
/// </summary>
public sealed record DeviceCondition
{
    public DevicePhase? Phase { get; init; }

    public IReadOnlyList<LedExpectation> Leds { get; init; } = [];

    public bool? NeedsSetup { get; init; }

    /// <summary>The device's HTTP listener is (should be) open.</summary>
    public bool? Listening { get; init; }

    public bool? Bricked { get; init; }

    public bool? PowerOn { get; init; }

    public PowerStatus? PowerStatus { get; init; }

    /// <summary>The contact is closed (a finger, or a stuck button).</summary>
    public bool? ButtonPressed { get; init; }

    /// <summary>A finger is on the button.</summary>
    public bool? ButtonHeld { get; init; }

    public string? FirmwareVersion { get; init; }

    public bool? FirmwareCommitted { get; init; }

    public int? BootCount { get; init; }

    /// <summary><c>phase ready, led status steady green, needsSetup true</c>.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Phase is { } phase)
        {
            parts.Add("phase " + phase.ToKebab());
        }

        parts.AddRange(Leds.Select(l => l.Describe()));
        Add(parts, "needsSetup", NeedsSetup);
        Add(parts, "listening", Listening);
        Add(parts, "bricked", Bricked);
        Add(parts, "power.on", PowerOn);
        if (PowerStatus is { } status)
        {
            parts.Add("power.status " + status.ToWireString());
        }

        Add(parts, "button.pressed", ButtonPressed);
        Add(parts, "button.held", ButtonHeld);
        if (FirmwareVersion is not null)
        {
            parts.Add("firmware.version " + FirmwareVersion);
        }

        Add(parts, "firmware.committed", FirmwareCommitted);
        if (BootCount is { } bootCount)
        {
            parts.Add("bootCount " + bootCount.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join(", ", parts);
    }

    /// <summary>What does not hold on <paramref name="device"/> (<c>phase is booting</c>); empty when the condition holds.</summary>
    public IReadOnlyList<string> Mismatches(DeviceSnapshot device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var found = new List<string>();
        if (Phase is { } phase && device.Phase != phase)
        {
            found.Add("phase is " + device.Phase.ToKebab());
        }

        foreach (var led in Leds)
        {
            if (!device.Leds.TryGetValue(led.Led, out var state))
            {
                found.Add($"{device.Profile} has no {ScenarioNames.Led(led.Led)} LED");
            }
            else if (!led.Matches(state))
            {
                found.Add($"{ScenarioNames.Led(led.Led)} LED is {state}");
            }
        }

        Check(found, "needsSetup", NeedsSetup, device.Firmware.NeedsSetup);
        Check(found, "listening", Listening, device.Network.Listening);
        Check(found, "bricked", Bricked, device.Bricked);
        Check(found, "power.on", PowerOn, device.Power.On);
        if (PowerStatus is { } status)
        {
            var actual = device.Power.Reading?.Status;
            if (actual != status)
            {
                found.Add("power.status is " + (actual is { } a ? a.ToWireString() : "unknown (never powered)"));
            }
        }

        Check(found, "button.pressed", ButtonPressed, device.Button.Pressed);
        Check(found, "button.held", ButtonHeld, device.Button.Held);
        if (FirmwareVersion is not null && !string.Equals(FirmwareVersion, device.Firmware.Version, StringComparison.Ordinal))
        {
            found.Add("firmware.version is " + device.Firmware.Version);
        }

        Check(found, "firmware.committed", FirmwareCommitted, device.Firmware.Committed);
        if (BootCount is { } bootCount && bootCount != device.BootCount)
        {
            found.Add("bootCount is " + device.BootCount.ToString(CultureInfo.InvariantCulture));
        }

        return found;
    }

    private static void Add(List<string> parts, string name, bool? value)
    {
        if (value is { } v)
        {
            parts.Add($"{name} {(v ? "true" : "false")}");
        }
    }

    private static void Check(List<string> found, string name, bool? expected, bool actual)
    {
        if (expected is { } e && e != actual)
        {
            found.Add($"{name} is {(actual ? "true" : "false")}");
        }
    }
}

/// <summary>
/// Entries the device's timeline must hold: of <see cref="Kind"/> and <see cref="Event"/>, whose data
/// has every pair of <see cref="Data"/> and whose message contains <see cref="Message"/>. Without
/// <see cref="Count"/> or <see cref="Min"/>, at least one.
/// </summary>
public sealed record TimelineExpectation
{
    public TimelineKind? Kind { get; init; }

    public string? Event { get; init; }

    /// <summary>Data values as written; numbers compare as numbers.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Data { get; init; } = [];

    /// <summary>Text the message must contain.</summary>
    public string? Message { get; init; }

    /// <summary>Exactly this many matching entries (0: none).</summary>
    public int? Count { get; init; }

    /// <summary>At least this many matching entries.</summary>
    public int? Min { get; init; }

    /// <summary><c>boot reset-release outcome=factory-reset</c>.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Kind is { } kind)
        {
            parts.Add(ScenarioNames.Kind(kind));
        }

        if (Event is not null)
        {
            parts.Add(Event);
        }

        parts.AddRange(Data.Select(d => $"{d.Key}={d.Value}"));
        if (Message is not null)
        {
            parts.Add($"message ~ \"{Message}\"");
        }

        if (Count is { } count)
        {
            parts.Add("× " + count.ToString(CultureInfo.InvariantCulture));
        }
        else if (Min is { } min)
        {
            parts.Add("× ≥" + min.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join(' ', parts);
    }

    public bool Matches(TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!MatchesKindAndEvent(entry))
        {
            return false;
        }

        var data = entry.Data; // written from the event on each read: once per entry
        return Data.All(d => data is not null && data.TryGetValue(d.Key, out var value) && ValueEquals(value, d.Value))
            && (Message is null || entry.Message.Contains(Message, StringComparison.Ordinal));
    }

    public bool MatchesKindAndEvent(TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return (Kind is null || entry.Kind == Kind) && (Event is null || string.Equals(entry.Name, Event, StringComparison.Ordinal));
    }

    private static bool ValueEquals(object? actual, string expected) => actual switch
    {
        null => expected is "null" or "~" or "",
        string s => string.Equals(s, expected, StringComparison.Ordinal),
        bool b => string.Equals(b ? "true" : "false", expected, StringComparison.OrdinalIgnoreCase),
        double or float or int or long or decimal => double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var e)
            && Math.Abs(Convert.ToDouble(actual, CultureInfo.InvariantCulture) - e) <= 1e-9 * Math.Max(1, Math.Abs(e)),
        System.Collections.IEnumerable list => string.Equals(
            string.Join(",", list.Cast<object?>().Select(o => Convert.ToString(o, CultureInfo.InvariantCulture))),
            expected,
            StringComparison.Ordinal),
        _ => string.Equals(Convert.ToString(actual, CultureInfo.InvariantCulture), expected, StringComparison.Ordinal),
    };
}

/// <summary>
/// The VAPIX request of a <c>vapix</c> step. The password is only handed to the client.
/// <see cref="Scheme"/> picks the device's HTTP or HTTPS listener; <see cref="ConnectTimeout"/> bounds
/// the wait for the connection (wall time) as a probing tool's short timeout does for a silent port.
/// </summary>
public sealed record ScenarioVapixRequest(
    string Method,
    string Path,
    string? Body = null,
    string? ContentType = null,
    string? User = null,
    string? Password = null,
    string Scheme = ScenarioVapixRequest.Http,
    TimeSpan? ConnectTimeout = null)
{
    public const string Http = "http";

    public const string Https = "https";

    /// <summary>Never prints the password.</summary>
    public override string ToString() => $"{(Scheme == Https ? "https " : "")}{Method} {Path}{(User is null ? "" : $" (as {User})")}";
}

/// <summary>The answer to a <see cref="ScenarioVapixRequest"/>.</summary>
public sealed record ScenarioVapixResponse(int Status, string? ContentType, string Body);

/// <summary>Wire names used in scenario files and logs.</summary>
internal static class ScenarioNames
{
    public static string Led(LedName led) => led.ToString().ToLowerInvariant();

    public static string Color(LedColor color) => color.ToString().ToLowerInvariant();

    public static string Pattern(LedPattern pattern) => pattern.ToString().ToLowerInvariant();

    public static string Kind(TimelineKind kind) => kind.ToString().ToLowerInvariant();

    public static string Kebab(string pascal) => WireNames.Kebab(pascal);
}

/// <summary><c>expect-event: { topic, data, within }</c>: the camera publishes a matching event (VAPIX event stream) before the deadline.</summary>
public sealed record ExpectEventStep(int Line, Core.Events.Notifications.TopicFilter Topic, IReadOnlyList<KeyValuePair<string, string>> Data, ScenarioDuration Within) : ScenarioStep(Line)
{
    public override string Kind => "expect-event";

    public bool Matches(Core.Events.Notifications.EventNotification notification) =>
        Topic.Matches(notification.Topic) && Data.All(d => notification.Data.TryGetValue(d.Key, out var v) && v == d.Value);

    public override string Describe() =>
        $"expect-event {Topic}{(Data.Count == 0 ? "" : " " + string.Join(", ", Data.Select(d => $"{d.Key}={d.Value}")))} within {Within}";
}
