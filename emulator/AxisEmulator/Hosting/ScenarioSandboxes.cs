using AxisEmulator.Control.Scenarios;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Hosting;

namespace AxisEmulator.Hosting;

/// <summary>
/// The host's scenario sandboxes: the device side of the composition (<see cref="EmulatedDevices"/>) in
/// manual time with real VAPIX listeners on free loopback ports, and the HTTP client that reaches them.
/// Control asks for them through <see cref="IScenarioSandboxFactory"/>; only the host knows how listeners are built.
/// </summary>
/// <param name="wallClock">The wall clock the sandboxes' sockets live in: the host's (null: the system's).</param>
public sealed class ScenarioSandboxes(TimeProvider? wallClock = null) : IScenarioSandboxFactory
{
    public IScenarioSandbox Create(ProfileCatalog profiles, int seed) =>
        new Sandbox(EmulatedDevices.Start(new AxisEmulatorOptions
        {
            Emulator = new EmulatorOptions { ClockMode = ClockMode.Manual, Seed = seed, WallClock = wallClock },
            Profiles = profiles,
            Listeners = new ListenerLayout { BasePort = 0 },
        }));

    private sealed class Sandbox(EmulatedDevices devices) : IScenarioSandbox
    {
        public Emulator Emulator => devices.Emulator;

        public IScenarioVapixClient Vapix { get; } = new HttpScenarioVapixClient(devices.Listeners!, devices.Emulator.Clock.Wall);

        public ValueTask DisposeAsync() => devices.DisposeAsync();
    }
}
