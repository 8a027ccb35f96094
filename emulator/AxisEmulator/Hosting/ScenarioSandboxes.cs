using AxisEmulator.Control.Scenarios;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Hosting;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Hosting;

/// <summary>
/// The host's scenario sandboxes: a manual-time emulator whose devices have real VAPIX listeners on
/// free loopback ports, and the HTTP client that reaches them (Control asks for them through
/// <see cref="IScenarioSandboxFactory"/>; only the host knows how listeners are built).
/// </summary>
public sealed class ScenarioSandboxes : IScenarioSandboxFactory
{
    public IScenarioSandbox Create(ProfileCatalog profiles, int seed)
    {
        var emulator = new Emulator(new EmulatorOptions { ClockMode = ClockMode.Manual, Seed = seed }, profiles);
        try
        {
            var (listeners, _) = VapixServer.Listen(emulator, new ListenerLayout { BasePort = 0 });
            return new Sandbox(emulator, listeners);
        }
        catch
        {
            emulator.Dispose();
            throw;
        }
    }

    private sealed class Sandbox(Emulator emulator, DeviceListenerSet listeners) : IScenarioSandbox
    {
        public Emulator Emulator { get; } = emulator;

        public IScenarioVapixClient Vapix { get; } = new HttpScenarioVapixClient(listeners);

        public async ValueTask DisposeAsync()
        {
            await listeners.DisposeAsync();
            Emulator.Dispose();
        }
    }
}
