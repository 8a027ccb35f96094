using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Control.Scenarios;

/// <summary>
/// Makes the emulator a scenario that <c>requires: [vapix]</c> runs on: its own, in manual time, its
/// devices on real VAPIX listeners, with a client that reaches them. The host provides it (it knows
/// how listeners are built); without one, such a scenario is reported as skipped.
/// </summary>
public interface IScenarioSandboxFactory
{
    /// <summary>A fresh sandbox over <paramref name="profiles"/> seeded with <paramref name="seed"/>; dispose it when the run is over.</summary>
    IScenarioSandbox Create(ProfileCatalog profiles, int seed);
}

/// <summary>One scenario's emulator and the VAPIX client of its devices.</summary>
public interface IScenarioSandbox : IAsyncDisposable
{
    Emulator Emulator { get; }

    IScenarioVapixClient Vapix { get; }
}
