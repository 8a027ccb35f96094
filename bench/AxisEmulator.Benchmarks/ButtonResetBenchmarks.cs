using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Power;
using AxisEmulator.Core.Profiles;
using BenchmarkDotNet.Attributes;

namespace AxisEmulator.Benchmarks;

/// <summary>
/// The factory reset with the control button, end to end, in manual virtual time: a fresh
/// P3265-LVE boots to ready and gets an admin user, then power off, press, power on while holding,
/// hold 22 s (window 15–30 s), release, and run until the unit is ready again in setup mode.
/// Each invocation checks the outcome and throws if the reset did not happen, so the figure is
/// the cost of the real procedure. <see cref="BootToReady"/> (the first boot alone) and
/// <see cref="CreateCamera"/> (a device never powered) are there for scale.
/// </summary>
[MemoryDiagnoser]
public class ButtonResetBenchmarks
{
    /// <summary>Upper bound for each run-until-idle: far more than a boot needs, so a loop cannot hang the benchmark.</summary>
    private static readonly TimeSpan IdleBound = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(22);

    private static readonly PoeSource Power = new(PoeStandard.At, 4, 10, CableCategory.Cat5e);

    private HardwareProfile _profile = null!;
    private UserAccount _admin = null!;

    [GlobalSetup]
    public void Setup()
    {
        _profile = ProfileCatalog.LoadInstalled().Default;
        _admin = UserAccount.Create("root", "pass", "AXIS_B8A44F000001", UserRole.Admin);

        // One checked run up front: say how much simulated time a procedure covers.
        var (simulated, entries) = Procedure(out _);
        Console.WriteLine($"// {nameof(ButtonResetBenchmarks)}: one procedure covers {simulated.TotalSeconds:0.###} s of simulated time and {entries} timeline entries on {_profile.Id}");
    }

    /// <summary>A device that exists but was never powered: the fixed cost of a camera (state machine, timeline ring, LEDs).</summary>
    [Benchmark]
    public DevicePhase CreateCamera()
    {
        using var clock = new SimulationClock(ClockMode.Manual);
        return NewCamera(clock).Phase;
    }

    [Benchmark(Baseline = true)]
    public DevicePhase BootToReady()
    {
        using var clock = new SimulationClock(ClockMode.Manual);
        var camera = NewCamera(clock);
        camera.PowerOn(Power);
        RunUntilIdle(clock);
        return camera.Phase == DevicePhase.Ready ? DevicePhase.Ready : throw new InvalidOperationException($"boot ended in {camera.Phase.ToKebab()}, not ready");
    }

    [Benchmark]
    public DevicePhase FullProcedure()
    {
        Procedure(out var phase);
        return phase;
    }

    private (TimeSpan Simulated, long TimelineEntries) Procedure(out DevicePhase phase)
    {
        using var clock = new SimulationClock(ClockMode.Manual);
        var camera = NewCamera(clock);
        camera.PowerOn(Power);
        RunUntilIdle(clock);
        camera.UpdateConfig(c => (c with { Users = [_admin] }, true), "admin created");
        if (camera.Phase != DevicePhase.Ready || camera.NeedsSetup)
        {
            throw new InvalidOperationException($"first boot ended in {camera.Phase.ToKebab()}, needs setup: {camera.NeedsSetup}");
        }

        camera.PowerOff();
        camera.PressButton();
        camera.PowerOn(Power);
        clock.Advance(Hold);
        camera.ReleaseButton();
        RunUntilIdle(clock);

        phase = camera.Phase;
        var erased = camera.ReadConfig(c => c.Users.Count == 0 && c.NeedsSetup);
        if (phase != DevicePhase.Ready || !erased)
        {
            throw new InvalidOperationException($"reset ended in {phase.ToKebab()}, configuration erased: {erased}");
        }

        return (clock.Elapsed, camera.Timeline.LastSequence);
    }

    private Device NewCamera(SimulationClock clock) =>
        new(new DeviceOptions { Id = "bench", Profile = _profile, Seed = 1, Serial = "B8A44F000001" }, clock);

    private static void RunUntilIdle(SimulationClock clock)
    {
        if (!clock.RunUntilIdle(IdleBound))
        {
            throw new InvalidOperationException($"the device did not settle within {IdleBound.TotalMinutes} simulated minutes");
        }
    }
}
