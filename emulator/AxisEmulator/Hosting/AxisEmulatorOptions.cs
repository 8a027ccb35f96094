using AxisEmulator.Control;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Hosting;
using Microsoft.Extensions.Logging;

namespace AxisEmulator.Hosting;

/// <summary>What <see cref="AxisEmulatorServiceCollectionExtensions.AddAxisEmulator"/> composes: one emulator, its devices' VAPIX face, the control plane.</summary>
public sealed record AxisEmulatorOptions
{
    /// <summary>The emulator itself: clock mode, seed, state directory, DHCP pool.</summary>
    public EmulatorOptions Emulator { get; init; } = new();

    /// <summary>The hardware profiles devices are made from.</summary>
    public required ProfileCatalog Profiles { get; init; }

    /// <summary>Where the devices' VAPIX listeners go; null: no listeners, no sockets (an in-process test).</summary>
    public ListenerLayout? Listeners { get; init; }

    /// <summary>The network lab the devices live in (<c>serve --network lab</c>: each on port 80 of its own address, in its own namespace); null: the loopback layout of <see cref="Listeners"/>.</summary>
    public Lab.LabNames? Lab { get; init; }

    /// <summary>The <c>hardware-profiles</c> directory the VAPIX data is read from; null: the installed one.</summary>
    public string? HardwareProfilesDirectory { get; init; }

    /// <summary>The folder <c>POST /api/v1/scenarios/run</c> and presenter mode read scenario files from; null: a <c>scenarios</c> folder found near the executable or the working directory.</summary>
    public string? ScenariosDirectory { get; init; }

    /// <summary>Access to the control API and its stream and metrics options.</summary>
    public ControlOptions Control { get; init; } = new();

    /// <summary>
    /// The loggers of the device side (listeners, VAPIX), which exist before the host is built because
    /// the control plane is registered over them; null: none.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
