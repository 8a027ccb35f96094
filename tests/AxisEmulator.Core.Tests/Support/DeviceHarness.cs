using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Leds;
using AxisEmulator.Core.Network;
using AxisEmulator.Core.Power;
using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Core.Tests.Support;

/// <summary>One device on a manual clock, with helpers to read its timeline.</summary>
public sealed class DeviceHarness : IDisposable
{
    public static readonly PoeSource PoeClass3 = new(PoeStandard.Af, 3, 10);

    public DeviceHarness(HardwareProfile? profile = null, int seed = 1, IDeviceStateStore? store = null, EmulatedLan? lan = null, string id = "cam1")
    {
        Clock = new SimulationClock(ClockMode.Manual);
        Camera = new Device(new DeviceOptions { Id = id, Profile = profile ?? TestProfiles.Dome(), Seed = seed, Store = store, Lan = lan }, Clock);
    }

    public SimulationClock Clock { get; }

    public Device Camera { get; }

    public DeviceConfig Config => Camera.ReadConfig(c => c);

    public void Advance(double seconds) => Clock.Advance(TimeSpan.FromSeconds(seconds));

    /// <summary>Seconds of simulated time since the epoch.</summary>
    public double Now => Clock.Elapsed.TotalSeconds;

    /// <summary>Powers on and runs until ready (first boot).</summary>
    public void BootToReady(PowerSource? source = null)
    {
        Camera.PowerOn(source ?? PoeClass3);
        Advance(120);
        Camera.Phase.Should().Be(DevicePhase.Ready);
    }

    public IReadOnlyList<TimelineEntry> Entries(TimelineKind? kind = null, string? @event = null) =>
        Camera.Timeline.Since(0).Where(e => (kind is null || e.Kind == kind) && (@event is null || e.Name == @event)).ToList();

    public IReadOnlyList<string> Phases() => Entries(TimelineKind.Phase).Select(e => (string)e.Data!["to"]!).ToList();

    public IReadOnlyList<string> StatusLed() =>
        Entries(TimelineKind.Led).Where(e => (string?)e.Data!["led"] == "status").Select(e => e.Message["status: ".Length..].Split(" → ")[1]).ToList();

    public double SecondsAt(TimelineEntry entry) => (entry.Time - Clock.Epoch).TotalSeconds;

    public LedState Status => Camera.Leds.Status.State;

    /// <summary>Like an emulator shutting down: the device's configuration writes finish first.</summary>
    public void Dispose()
    {
        Camera.FlushConfigAsync().GetAwaiter().GetResult();
        Clock.Dispose();
    }
}
