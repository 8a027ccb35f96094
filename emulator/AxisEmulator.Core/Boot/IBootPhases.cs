using AxisEmulator.Core.Devices;

namespace AxisEmulator.Core.Boot;

/// <summary>The work the boot machine asks for on entering each phase, and what its guards read.</summary>
internal interface IBootPhases
{
    bool IsBricked { get; }

    bool ButtonHeld { get; }

    /// <summary>Every phase change (a leaf to a leaf), before the new phase's entry work.</summary>
    void Entered(DevicePhase from, DevicePhase to);

    void EnterOff();

    void EnterBrownout();

    void EnterBootloader();

    void EnterResetHold();

    void EnterResetArmed();

    void EnterFactoryResetting();

    void EnterBooting();

    void EnterNetworkUp();

    void EnterReady();

    void EnterUpgrading();

    void EnterShuttingDown();

    void EnterBricked();
}
