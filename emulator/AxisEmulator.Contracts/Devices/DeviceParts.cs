using System.ComponentModel;

namespace AxisEmulator.Contracts;

/// <summary>The power rail: what is plugged in and what reaches the device.</summary>
public sealed record PowerState(
    bool On,
    PowerSource? Source,
    [property: Description("Volts at the device's input.")] double Volts,
    [property: Description("Watts the device draws.")] double Watts,
    [property: Description("Watts the source grants (PoE class budget, or adapter volts × amps; 0 for a passive injector).")] double BudgetWatts,
    PowerStatus Status,
    double Amps,
    double CableLossWatts,
    [property: Description("Running with heater/IR limited on a lower PoE class.")] bool Degraded,
    [property: Description("The rail's explanation, with figures.")] string? Message,
    [property: Description("The lowest volts at the device's input the rail judged against: the granted PoE type's PD minimum, a passive injector's 37 V, the DC input's minimum. Absent when no power reached the device.")] double? MinimumVolts = null);

/// <summary>The control button: whether a finger is on it, what the firmware reads, the contact's condition.</summary>
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

/// <summary>The device's network: its emulated address (reported only) and its real loopback endpoint.</summary>
public sealed record NetworkState(
    [property: Description("The device's HTTP listener should be open (network-up or ready, link up, not bricked).")] bool Listening,
    [property: Description("The real loopback listener is open right now (when the host runs listeners).")] bool? ListenerOpen,
    [property: Description("Where the device's VAPIX API really answers, e.g. http://127.0.0.1:8081/ (known once it first opened).")] string? Endpoint,
    [property: Description("Emulated address, reported only.")] string? IpAddress,
    string? LinkLocal,
    BootProtocol BootProto,
    bool LinkUp,
    [property: Description("Serials of other devices claiming the same emulated address.")] IReadOnlyList<string> Conflicts,
    [property: Description("The interface's MAC address, aa:bb:cc:dd:ee:ff: the serial (in the network lab, the MAC its eth0 really has).")] string? MacAddress = null,
    [property: Description("Where the device's VAPIX API answers over HTTPS (its self-signed certificate, HTTP/2 by ALPN), e.g. https://127.0.0.1:8443/ (known once it first opened).")] string? HttpsEndpoint = null,
    [property: Description("The real HTTPS listener is open right now (when the host runs listeners): the device is up and HTTPS.Enabled is yes.")] bool? HttpsListenerOpen = null,
    [property: Description("SHA-256 of the device's HTTPS certificate (DER, lower-case hex): what a client pins. Absent until the device first served HTTPS; changes only with a hard factory default.")] string? CertificateSha256 = null,
    [property: Description("The UDP port answering unicast WS-Discovery Probes right now (on the listener's address; 3702 in the network lab); absent while its network is down.")] int? WsDiscoveryPort = null);

/// <summary>The running firmware.</summary>
public sealed record FirmwareState(
    string Version,
    string? InactiveVersion,
    bool Committed,
    string? BootId,
    double UptimeSeconds,
    [property: Description("No admin user yet: setup mode (needsetup: yes).")] bool NeedsSetup);
