using System.Diagnostics;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Power;
using AxisEmulator.Hosting;
using AxisEmulator.Lab;
using AxisEmulator.Lab.Arp;
using AxisEmulator.Vapix.Hosting;

namespace AxisEmulator.Tests.Lab;

/// <summary>
/// A real network lab of its own (a unique name, so tests run side by side) on an emulator in manual
/// time, and the peers run in its client namespace. Disposing removes every namespace it made, also
/// after a failed test.
/// </summary>
public sealed class LabHarness : IAsyncDisposable
{
    private LabHarness(EmulatedDevices devices, LabNames names)
    {
        Devices = devices;
        Names = names;
    }

    public EmulatedDevices Devices { get; }

    public LabNames Names { get; }

    public Emulator Emulator => Devices.Emulator;

    public static LabHarness Start(LabNames? names = null, string? dhcpPool = null)
    {
        names ??= UniqueNames();
        var devices = EmulatedDevices.Start(new AxisEmulatorOptions
        {
            Emulator = new EmulatorOptions { ClockMode = ClockMode.Manual, DhcpPool = dhcpPool },
            Profiles = ShippedProfiles.Catalog,
            Listeners = new ListenerLayout(),
            Lab = names,
            HardwareProfilesDirectory = RepositoryPaths.HardwareProfiles,
        });
        // RFC 5227's waits are wall time (real packets): a few seconds per address would slow every test.
        devices.Lab!.ArpTiming = new ArpTiming(
            TimeSpan.FromMilliseconds(20), 3, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), 2, TimeSpan.FromMilliseconds(100));
        return new LabHarness(devices, names);
    }

    /// <summary>A lab name no other test uses (t + 8 hex digits).</summary>
    public static LabNames UniqueNames() => LabNames.Parse("t" + Guid.NewGuid().ToString("N")[..8]);

    public Device AddCamera(string profile = "P3265-LVE")
    {
        var camera = Emulator.AddDevice(profile);
        camera.PowerOn(DefaultPowerSource.For(camera.Profile));
        return camera;
    }

    /// <summary>Moves simulated time on, then waits until every listener, link and address matches its device.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Emulator.Clock.Advance(by);
        await Devices.Endpoints!.SettledAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Runs a program in the lab's client namespace, as <c>lab exec</c> does.</summary>
    public Task<PeerResult> InClientAsync(params string[] command) => InNamespaceAsync(Names.Client, command);

    public static async Task<PeerResult> InNamespaceAsync(string networkNamespace, params string[] command) =>
        await RunAsync("ip", ["netns", "exec", networkNamespace, .. command]);

    public static async Task<PeerResult> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return new PeerResult(process.ExitCode, await output, await error);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Devices.DisposeAsync();
        }
        finally
        {
            LabSegment.Remove(Names);
        }
    }
}

public sealed record PeerResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- output ---\n{Output}\n--- error ---\n{Error}";
}
