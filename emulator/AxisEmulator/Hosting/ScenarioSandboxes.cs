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
public sealed class ScenarioSandboxes : IScenarioSandboxFactory
{
    public IScenarioSandbox Create(ProfileCatalog profiles, int seed) =>
        new Sandbox(EmulatedDevices.Start(new AxisEmulatorOptions
        {
            Emulator = new EmulatorOptions { ClockMode = ClockMode.Manual, Seed = seed },
            Profiles = profiles,
            Listeners = new ListenerLayout { BasePort = 0 },
        }));

    private sealed class Sandbox(EmulatedDevices devices) : IScenarioSandbox
    {
        public Emulator Emulator => devices.Emulator;

        public IScenarioVapixClient Vapix { get; } = new HttpScenarioVapixClient(devices.Listeners!);

        public ValueTask DisposeAsync() => devices.DisposeAsync();
    }
}
