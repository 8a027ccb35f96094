using System.Collections;
using AxisEmulator.Contracts;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Leds;
using AxisEmulator.Core.Power;
using HardwareProfile = AxisEmulator.Contracts.HardwareProfile;
using LedState = AxisEmulator.Contracts.LedState;
using PowerSource = AxisEmulator.Contracts.PowerSource;
using TimelineEntry = AxisEmulator.Contracts.TimelineEntry;

namespace AxisEmulator.Control.Api;

/// <summary>Core types → the contracts' response records (Core types never reach the wire as such).</summary>
public static class ContractMapping
{
    public static DeviceState ToState(DeviceSnapshot snapshot, DateTimeOffset now, long lastSequence, IDeviceEndpoints? listeners)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var reading = snapshot.Power.Reading;
        var fault = snapshot.Button.Fault;
        var mushy = fault.Condition == Core.Button.ButtonCondition.Mushy;
        var network = snapshot.Network;
        var firmware = snapshot.Firmware;
        return new DeviceState(
            snapshot.Id,
            snapshot.Profile,
            snapshot.Serial,
            WireValues.Of(snapshot.Phase),
            new PowerState(
                snapshot.Power.On,
                snapshot.Power.Source is { } source ? ToBody(source) : null,
                Round(reading?.VoltsAtDevice ?? 0),
                Round(reading?.Watts ?? 0),
                Round(reading?.BudgetWatts ?? 0),
                WireValues.Of(reading?.Status ?? Core.Power.PowerStatus.NoPower),
                Round(reading?.Amps ?? 0, 4),
                Round(reading?.CableLossWatts ?? 0, 4),
                reading?.Degraded ?? false,
                reading?.Explanation ?? (snapshot.Power.On ? null : "no power source connected"),
                reading?.MinimumVolts),
            new ButtonState(
                snapshot.Button.Held,
                snapshot.Button.Pressed,
                WireValues.Of(fault.Condition),
                mushy ? fault.DropoutsPerSecond : null,
                mushy ? fault.DropoutMilliseconds : null,
                snapshot.Button.ReleaseAt?.ToUniversalTime(),
                snapshot.ResetHold is { } hold ? new ResetHoldState(hold.CountingSince.ToUniversalTime(), hold.ReleaseNow.VerdictName, hold.VerdictHoldsUntil?.ToUniversalTime()) : null),
            new LedsState(
                ToView(snapshot.Leds.GetValueOrDefault(LedName.Status, Core.Leds.LedState.Off)),
                snapshot.Leds.TryGetValue(LedName.Power, out var power) ? ToView(power) : null,
                snapshot.Leds.TryGetValue(LedName.Network, out var net) ? ToView(net) : null),
            new NetworkState(
                network.Listening,
                listeners?.IsOpen(snapshot.Id),
                listeners?.EndpointOf(snapshot.Id)?.ToString(),
                network.IpAddress,
                network.LinkLocalAddress,
                WireValues.Of(network.BootProto),
                network.LinkUp,
                network.Conflicts,
                Core.Network.MacAddress.Of(snapshot.Serial),
                listeners?.HttpsEndpointOf(snapshot.Id)?.ToString(),
                listeners?.IsHttpsOpen(snapshot.Id),
                snapshot.CertificateSha256,
                listeners?.WsDiscoveryPortOf(snapshot.Id)),
            new FirmwareState(
                firmware.Version,
                firmware.InactiveVersion,
                firmware.Committed,
                firmware.BootId,
                Round(firmware.Uptime.TotalSeconds, 3),
                firmware.NeedsSetup),
            snapshot.BootCount,
            snapshot.BootLoopCount,
            snapshot.Bricked,
            now.ToUniversalTime(),
            lastSequence);
    }

    public static LedState ToView(Core.Leds.LedState state) => new(
        WireValues.Of(state.Color),
        WireValues.Of(state.Pattern),
        state.Pattern is Core.Leds.LedPattern.Flashing or Core.Leds.LedPattern.Alternating ? state.Hz : null,
        state.Pattern == Core.Leds.LedPattern.Alternating ? WireValues.Of(state.AlternateColor) : default(Contracts.LedColor?));

    public static PowerSource ToBody(Core.Power.PowerSource source) => source switch
    {
        PoeSource poe => new PowerSource(
            PowerSourceKind.Poe,
            Standard: poe.Standard.ToWireString(),
            PseClass: poe.PseClass,
            CableMeters: poe.CableMeters,
            CableCategory: poe.Cable.ToWireString(),
            PseVolts: poe.EffectivePseVolts),
        PassiveSource passive => new PowerSource(PowerSourceKind.Passive, Volts: passive.Volts),
        DcSource dc => new PowerSource(PowerSourceKind.Dc, Volts: dc.Volts, Amps: dc.Amps),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "unknown power source"),
    };

    public static HardwareProfile ToView(Core.Profiles.HardwareProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var power = profile.Power;
        return new HardwareProfile(
            profile.Id,
            profile.Model,
            profile.Family,
            WireValues.Of(profile.FormFactor),
            profile.ProductFullName,
            profile.ProductType,
            string.IsNullOrEmpty(profile.ProductVariant) ? null : profile.ProductVariant,
            profile.HasVideo,
            new ProfileFirmware(profile.Firmware.Version, WireValues.Of(profile.Firmware.Personality), profile.Firmware.SingleBank),
            power.PoeClass,
            power.Dc is { } dc ? new VoltageRange(dc.Min, dc.Max) : null,
            power.CanRunDegraded,
            new ProfileLoads(power.Loads.BootLoader, power.Loads.Kernel, power.Loads.Running, power.Loads.Peak, power.Loads.Degraded),
            new ResetWindow(profile.Reset.HoldMinSeconds, profile.Reset.HoldMaxSeconds, WireValues.Of(profile.Reset.LateRelease), profile.Reset.FactoryResetSeconds, profile.Reset.DebounceMilliseconds),
            new ProfileBoot(profile.Boot.BootLoaderSeconds, profile.Boot.NetworkUpSeconds, profile.Boot.ReadySeconds, profile.Boot.ShutdownSeconds, profile.Boot.GreenAfterReadySeconds),
            new ProfileLeds(profile.Leds.Power, profile.Leds.Network, profile.Leds.FlashHz, profile.Leds.AlternateHz),
            profile.Estimates);
    }

    public static TimelineEntry ToView(Core.Events.TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new TimelineEntry(
            entry.DeviceId,
            entry.Sequence,
            entry.Time.ToUniversalTime(),
            WireValues.Of(entry.Kind),
            entry.Name,
            entry.Message,
            entry.Data is { Count: > 0 } data ? data.ToDictionary(p => p.Key, p => Plain(p.Value), StringComparer.Ordinal) : null);
    }

    /// <summary>A VAPIX request entry as a journal record; null for entries of other kinds.</summary>
    public static RequestRecord? ToRequest(Core.Events.TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Event is VapixRequestAnswered request
            ? new RequestRecord(
                entry.Sequence,
                entry.Time.ToUniversalTime(),
                request.Method,
                request.Path,
                request.User,
                request.Status,
                request.Milliseconds is { } ms && double.IsFinite(ms) ? ms : null,
                request.Refusal.ToWireString())
            : null;
    }

    public static ClockState ToState(Emulator emulator)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var clock = emulator.Clock;
        return new ClockState(
            WireValues.Of(clock.Mode),
            clock.Scale,
            emulator.Seed,
            clock.GetUtcNow().ToUniversalTime(),
            Round(clock.Elapsed.TotalSeconds, 6),
            clock.PendingEvents,
            clock.NextEventDue?.ToUniversalTime(),
            clock.ExecutedEvents);
    }

    /// <summary>
    /// A timeline figure as plain JSON: numbers, strings, booleans, lists and maps. Non-finite numbers
    /// become null and anything else its invariant text, so an entry can always be written.
    /// </summary>
    internal static object? Plain(object? value) => value switch
    {
        null => null,
        string or bool or int or long or short or byte or uint or ulong or decimal => value,
        double d => double.IsFinite(d) ? d : null,
        float f => float.IsFinite(f) ? f : null,
        TimeSpan t => t.TotalSeconds,
        DateTimeOffset t => t.ToUniversalTime(),
        DateTime t => t,
        Enum e => ControlJson.EnumNaming.ConvertName(e.ToString()),
        IDictionary map => map.Keys.Cast<object>().ToDictionary(k => Convert.ToString(k, System.Globalization.CultureInfo.InvariantCulture) ?? "", k => Plain(map[k]), StringComparer.Ordinal),
        IEnumerable items => items.Cast<object?>().Select(Plain).ToList(),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static double Round(double value, int digits = 2) => double.IsFinite(value) ? Math.Round(value, digits) : 0;
}
