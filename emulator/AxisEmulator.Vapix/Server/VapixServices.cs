using System.Runtime.CompilerServices;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Data;
using AxisEmulator.Vapix.Parameters;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AxisEmulator.Vapix.Server;

/// <summary>Limits of the VAPIX server (one set per emulator).</summary>
public sealed record VapixServerOptions
{
    /// <summary>
    /// Largest body a CGI reads (form, JSON); larger ones get Apache's 413. Firmware uploads are
    /// streamed and limited only by the listener.
    /// </summary>
    public int MaxBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Longest parameter value param.cgi stores; longer ones get the update error line ([E]).</summary>
    public int MaxParameterValueLength { get; init; } = 4096;

    /// <summary>Longest wait a <c>systemready</c> call with a <c>timeout</c> may ask for (simulated time).</summary>
    public TimeSpan MaxSystemReadyWait { get; init; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// What every device's VAPIX server shares, created once per emulator: the capture-derived data,
/// the parameter tree factory, the emulator seed (per-boot nonce secrets derive from it), logging,
/// and the per-device state of each camera served.
/// </summary>
public sealed class VapixServices
{
    private readonly ConditionalWeakTable<Device, VapixDevice> _devices = [];

    public VapixServices(VapixDataCatalog data, int seed, ILoggerFactory? loggerFactory = null, VapixServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
        Parameters = new ParameterTreeFactory(data);
        Seed = seed;
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        Options = options ?? new VapixServerOptions();
    }

    /// <summary>
    /// Services for <paramref name="emulator"/>: its seed, and the VAPIX data below
    /// <paramref name="hardwareProfilesDirectory"/> (default: the installed <c>hardware-profiles</c>).
    /// </summary>
    public static VapixServices For(Emulator emulator, string? hardwareProfilesDirectory = null, ILoggerFactory? loggerFactory = null, VapixServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var directory = hardwareProfilesDirectory ?? HardwareProfilesDirectory.Find();
        return new VapixServices(VapixDataCatalog.InHardwareProfiles(directory), emulator.Seed, loggerFactory, options);
    }

    public VapixDataCatalog Data { get; }

    public ParameterTreeFactory Parameters { get; }

    /// <summary>The emulator-wide seed.</summary>
    public int Seed { get; }

    public ILoggerFactory LoggerFactory { get; }

    public VapixServerOptions Options { get; }

    /// <summary>The VAPIX state of <paramref name="camera"/> (created on first use, dropped with the camera).</summary>
    public VapixDevice DeviceFor(Device camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        return _devices.GetValue(camera, c => new VapixDevice(c, this));
    }
}
