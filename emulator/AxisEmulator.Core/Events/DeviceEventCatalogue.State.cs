using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Leds;

namespace AxisEmulator.Core.Events;

public static partial class DeviceEventCatalogue
{
    private static IEnumerable<DeviceEventSpec> StateEvents() =>
    [
        DeviceEventSpec.For(
            "led-changed",
            TimelineKind.Led,
            "An LED shows something else (only on a real change: a flashing LED is one state with a rate, not a stream of blinks).",
            new LedChanged(LedName.Status, LedState.Steady(LedColor.Amber), LedState.Flashing(LedColor.Amber, 4)),
            e => $"{Lower(e.Led)}: {e.From} → {e.To}",
            e => Data(
                ("led", Lower(e.Led)),
                ("color", Lower(e.To.Color)),
                ("pattern", Lower(e.To.Pattern)),
                ("hz", e.To.Hz == 0 ? null : e.To.Hz),
                ("alternateColor", e.To.Pattern == LedPattern.Alternating ? Lower(e.To.AlternateColor) : null)),
            ("led", "status, power or network"),
            ("color", "off, green, amber or red"),
            ("pattern", "off, steady, flashing or alternating"),
            ("hz", "the flash or alternation rate; absent for off and steady"),
            ("alternateColor", "the second colour of an alternating LED; absent otherwise")),
        DeviceEventSpec.For(
            "phase-changed",
            TimelineKind.Phase,
            "The boot machine enters another phase (off, bootloader, reset-hold, reset-armed, factory-resetting, booting, network-up, ready, shutting-down, upgrading, bricked, brownout).",
            new PhaseChanged(DevicePhase.Booting, DevicePhase.NetworkUp),
            e => $"{e.From.ToKebab()} → {e.To.ToKebab()}",
            e => Data(("from", e.From.ToKebab()), ("to", e.To.ToKebab())),
            ("from", "the phase left"),
            ("to", "the phase entered")),
        DeviceEventSpec.For(
            "request",
            TimelineKind.Http,
            "The device answered a VAPIX request (also the request journal, GET /api/v1/devices/{id}/requests).",
            new VapixRequestAnswered("GET", "/axis-cgi/param.cgi", null, 401, 0.4, RequestRefusal.WrongPassword),
            e => e.User is null ? $"{e.Method} {e.Path} → {e.Status}" : $"{e.Method} {e.Path} → {e.Status} ({e.User})",
            e => Data(("method", e.Method), ("path", e.Path), ("user", e.User), ("status", e.Status), ("ms", e.Milliseconds), ("refusal", e.Refusal.ToWireString())),
            ("method", "the HTTP method"),
            ("path", "the path as requested, without the query"),
            ("user", "the authenticated user, or for wrong-role the user whose role fell short; absent otherwise"),
            ("status", "the HTTP status of the answer"),
            ("ms", "milliseconds spent answering, on the device's clock; absent when not measured"),
            ("refusal", "why the credentials were refused: no-credentials, scheme-not-accepted, malformed-credentials, unknown-user, wrong-password, stale-nonce, unknown-nonce, replayed-nonce, uri-mismatch or wrong-role; absent when they were not")),
        DeviceEventSpec.For(
            "config-changed",
            TimelineKind.Config,
            "The stored configuration changed and was saved (users, parameters, network settings, firmware banks, a factory default). No data.",
            new ConfigChanged("factory default (soft): users and settings erased, network settings kept"),
            e => e.Description),
    ];
}
