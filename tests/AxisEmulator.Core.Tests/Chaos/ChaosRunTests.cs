using AxisEmulator.Core.Button;
using AxisEmulator.Core.Chaos;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Fleet;
using static AxisEmulator.Core.Tests.Fleet.FleetTestSupport;

namespace AxisEmulator.Core.Tests.Chaos;

public class ChaosRunTests
{
    private static readonly ChaosOptions TenMinutes = new() { Duration = TimeSpan.FromMinutes(10) };

    [Fact]
    public void Each_action_is_applied_through_the_devices_inputs_and_recorded_as_a_chaos_fault()
    {
        using var emulator = ReadyFleet(5);
        var plan = new ChaosPlan(TenMinutes, 5,
        [
            new ChaosAction(TimeSpan.FromSeconds(10), "cam-1", ChaosActionKind.Brownout, 3),
            new ChaosAction(TimeSpan.FromSeconds(10), "cam-2", ChaosActionKind.Reboot),
            new ChaosAction(TimeSpan.FromSeconds(10), "cam-3", ChaosActionKind.MushyButton),
            new ChaosAction(TimeSpan.FromSeconds(10), "cam-4", ChaosActionKind.Brick),
            new ChaosAction(TimeSpan.FromSeconds(10), "cam-5", ChaosActionKind.NetworkLoss, 30),
        ]);
        var run = emulator.Chaos.Start(plan);
        run.StartedAt.Should().Be(emulator.Clock.GetUtcNow());
        run.EndsAt.Should().Be(run.StartedAt + TimeSpan.FromMinutes(10));

        emulator.Advance(10);

        run.Applied.Should().Be(5);
        Device(emulator, "cam-1").Phase.Should().Be(DevicePhase.Off);
        Device(emulator, "cam-2").Phase.Should().Be(DevicePhase.ShuttingDown);
        Device(emulator, "cam-3").Snapshot().Button.Fault.Condition.Should().Be(ButtonCondition.Mushy);
        Device(emulator, "cam-4").Phase.Should().Be(DevicePhase.Bricked);
        Device(emulator, "cam-5").IsListening.Should().BeFalse();
        Chaos(emulator, "cam-1").Single().Message.Should().Be("chaos: brown-out: power cut for 3 s");
        Chaos(emulator, "cam-2").Single().Message.Should().Be("chaos: reboot");
        Chaos(emulator, "cam-3").Single().Message.Should().Be("chaos: the control button turns mushy");
        Chaos(emulator, "cam-4").Single().Message.Should().Be("chaos: the unit bricks");
        var loss = Chaos(emulator, "cam-5").Single();
        loss.Message.Should().Be("chaos: network link lost for 30 s");
        loss.Data!["action"].Should().Be("network-loss");
        loss.Data["seconds"].Should().Be(30.0);

        emulator.Advance(3);
        Device(emulator, "cam-1").Phase.Should().Be(DevicePhase.Bootloader, "the power is back after 3 s");
        Ends(emulator, "cam-1").Single().Message.Should().Be("chaos: power restored after 3 s");

        emulator.Advance(27);
        Device(emulator, "cam-5").IsListening.Should().BeTrue();
        Ends(emulator, "cam-5").Single().Message.Should().Be("chaos: network link restored after 30 s");

        emulator.Advance(200);
        new[] { "cam-1", "cam-2", "cam-3", "cam-5" }.Select(id => Device(emulator, id).Phase).Should().AllBeEquivalentTo(DevicePhase.Ready);
        Device(emulator, "cam-4").Phase.Should().Be(DevicePhase.Bricked, "a bricked unit stays bricked");
    }

    [Fact]
    public void Actions_on_devices_that_cannot_take_them_are_recorded_as_skipped()
    {
        using var emulator = ManualEmulator();
        emulator.AddDevice("P3265-LVE", "cold");
        var plan = new ChaosPlan(TenMinutes, 2,
        [
            new ChaosAction(TimeSpan.FromSeconds(1), "cold", ChaosActionKind.Brownout, 2),
            new ChaosAction(TimeSpan.FromSeconds(2), "cold", ChaosActionKind.Reboot),
            new ChaosAction(TimeSpan.FromSeconds(3), "gone", ChaosActionKind.Reboot),
        ]);
        var run = emulator.Chaos.Start(plan);

        emulator.Advance(10);

        run.Applied.Should().Be(3);
        Chaos(emulator, "cold").Select(e => e.Message).Should().Equal(
            "chaos: brown-out: power cut for 2 s (skipped: the device has no power)",
            "chaos: reboot (ignored: the device is not running)");
        Device(emulator, "cold").Phase.Should().Be(DevicePhase.Off);
    }

    [Fact]
    public void Cancelling_drops_what_is_pending_and_undoes_brownouts_and_network_losses_in_progress()
    {
        using var emulator = ReadyFleet(3);
        var plan = new ChaosPlan(TenMinutes, 3,
        [
            new ChaosAction(TimeSpan.FromSeconds(1), "cam-1", ChaosActionKind.Brownout, 5),
            new ChaosAction(TimeSpan.FromSeconds(1), "cam-2", ChaosActionKind.NetworkLoss, 60),
            new ChaosAction(TimeSpan.FromSeconds(30), "cam-3", ChaosActionKind.Brick),
        ]);
        var run = emulator.Chaos.Start(plan);
        emulator.Advance(2);
        Device(emulator, "cam-1").Phase.Should().Be(DevicePhase.Off);

        run.Cancel();

        run.IsCancelled.Should().BeTrue();
        Device(emulator, "cam-1").Snapshot().Power.On.Should().BeTrue();
        Device(emulator, "cam-2").Network.LinkUp.Should().BeTrue();
        emulator.Advance(300);
        Device(emulator, "cam-3").Phase.Should().Be(DevicePhase.Ready, "the brick was never applied");
        Ends(emulator, "cam-1").Should().ContainSingle("the restore ran once, at the cancel");
        run.Applied.Should().Be(2);
    }

    [Fact]
    public void Start_replaces_the_emulators_current_run()
    {
        using var emulator = ReadyFleet(2);
        var first = emulator.Chaos.Start(new ChaosPlan(TenMinutes, 2, [new ChaosAction(TimeSpan.FromSeconds(60), "cam-1", ChaosActionKind.Brick)]));
        emulator.Chaos.Current.Should().BeSameAs(first);

        var second = emulator.Chaos.Start(new ChaosPlan(TenMinutes, 2, [new ChaosAction(TimeSpan.FromSeconds(60), "cam-2", ChaosActionKind.Brick)]));

        first.IsCancelled.Should().BeTrue();
        emulator.Chaos.Current.Should().BeSameAs(second);
        emulator.Advance(61);
        Device(emulator, "cam-1").Phase.Should().Be(DevicePhase.Ready);
        Device(emulator, "cam-2").Phase.Should().Be(DevicePhase.Bricked);

        emulator.Chaos.Stop().Should().BeTrue();
        emulator.Chaos.Current.Should().BeNull();
        emulator.Chaos.Stop().Should().BeFalse();
    }

    [Fact]
    public async Task Two_emulators_running_chaos_at_once_each_see_only_their_own_run()
    {
        using var left = ReadyFleet(2);
        using var right = ReadyFleet(2);
        var leftRun = left.Chaos.Start(new ChaosPlan(TenMinutes, 2, [new ChaosAction(TimeSpan.FromSeconds(60), "cam-1", ChaosActionKind.Brick)]));
        var rightRun = right.Chaos.Start(new ChaosPlan(TenMinutes, 2, [new ChaosAction(TimeSpan.FromSeconds(30), "cam-2", ChaosActionKind.NetworkLoss, 10)]));

        left.Chaos.Current.Should().BeSameAs(leftRun);
        right.Chaos.Current.Should().BeSameAs(rightRun);
        await Task.WhenAll(Task.Run(() => left.Advance(120)), Task.Run(() => right.Advance(120)));

        Device(left, "cam-1").Phase.Should().Be(DevicePhase.Bricked);
        Device(right, "cam-1").Phase.Should().Be(DevicePhase.Ready, "the other emulator's brick is not this one's");
        Chaos(left, "cam-2").Should().BeEmpty();
        Chaos(right, "cam-2").Should().ContainSingle().Which.Message.Should().Be("chaos: network link lost for 10 s");
        Ends(right, "cam-2").Should().ContainSingle();

        right.Chaos.Stop().Should().BeTrue();
        right.Chaos.Current.Should().BeNull();
        left.Chaos.Current.Should().BeSameAs(leftRun, "stopping one emulator's chaos leaves the other's running");
        leftRun.IsCancelled.Should().BeFalse();
        (leftRun.Applied, rightRun.Applied).Should().Be((1, 1));
    }

    [Fact]
    public void The_same_seed_gives_identical_timelines_in_manual_time()
    {
        var options = new ChaosOptions
        {
            Seed = 2024,
            Duration = TimeSpan.FromHours(2),
            BrownoutsPerHour = 6,
            RebootsPerHour = 6,
            MushyButtonFraction = 0.2,
            BrickedFraction = 0.1,
            NetworkLossesPerHour = 6,
            NetworkLossSeconds = 40,
        };

        var first = RunOnce(options);
        var second = RunOnce(options);
        var other = RunOnce(options with { Seed = 2025 });

        first.Should().Contain(line => line.Contains("chaos: brown-out", StringComparison.Ordinal));
        first.Should().Contain(line => line.Contains("chaos: reboot", StringComparison.Ordinal));
        second.Should().Equal(first);
        other.Should().NotEqual(first);
    }

    [Fact]
    public void A_printed_plan_replays_to_the_same_timelines()
    {
        var options = new ChaosOptions { Seed = 11, Duration = TimeSpan.FromHours(1), BrownoutsPerHour = 10, RebootsPerHour = 10, NetworkLossesPerHour = 10, BrickedFraction = 0.2 };
        string? printed = null;

        var original = RunOnce(options, plan => printed = plan.ToText());
        var replayed = RunOnce(options, _ => { }, ChaosPlan.Parse(printed!));

        replayed.Should().Equal(original);
    }

    private static List<string> RunOnce(ChaosOptions options, Action<ChaosPlan>? print = null, ChaosPlan? replay = null)
    {
        using var emulator = ReadyFleet(10, seed: 5);
        var plan = replay ?? ChaosPlan.Generate(options, [.. emulator.Devices.Select(d => d.Id)]);
        print?.Invoke(plan);
        emulator.Chaos.Start(plan);
        emulator.Advance(options.Duration.TotalSeconds + 600);
        return [.. emulator.Devices
            .SelectMany(d => d.Timeline.Since(0))
            .OrderBy(e => e.Time).ThenBy(e => e.DeviceId, StringComparer.Ordinal).ThenBy(e => e.Sequence)
            .Select(e => $"{e.Time:O} {e.DeviceId} {e.Kind} {e.Name} {e.Message}")];
    }

    private static Emulator ReadyFleet(int count, int seed = 7)
    {
        var fleet = Parse($"groups:\n  - {{ profile: P3265-LVE, count: {count} }}");
        var emulator = ManualEmulatorFor(fleet, seed);
        FleetBuilder.Apply(fleet, emulator);
        emulator.Advance(120);
        emulator.Devices.Should().OnlyContain(d => d.Phase == DevicePhase.Ready);
        return emulator;
    }

    private static Device Device(Emulator emulator, string id) =>
        emulator.TryGet(id, out var camera) ? camera! : throw new InvalidOperationException("no device " + id);

    private static List<TimelineEntry> Chaos(Emulator emulator, string id) =>
        [.. Device(emulator, id).Timeline.Since(0).Where(e => e.Event is ChaosApplied)];

    private static List<TimelineEntry> Ends(Emulator emulator, string id) =>
        [.. Device(emulator, id).Timeline.Since(0).Where(e => e.Event is ChaosEnded)];
}
