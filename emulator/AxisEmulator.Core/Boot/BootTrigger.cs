namespace AxisEmulator.Core.Boot;

/// <summary>What moves the boot machine: the device's inputs and its own phase timers.</summary>
internal enum BootTrigger
{
    PowerOn,
    PowerRestored,
    PowerLost,
    BrownOut,
    BootloaderDone,
    WindowOpened,
    WindowClosed,
    ReleasedInWindow,
    ReleasedOutsideWindow,
    FactoryResetDone,
    NetworkStarted,
    SystemReady,
    Restart,
    ShutdownDone,
    StartUpgrade,
    FlashDone,
    Brick,
    Unbrick,
}
