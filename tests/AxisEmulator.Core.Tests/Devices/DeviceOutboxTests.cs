using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Network;
using AxisEmulator.Core.Tests.Support;

namespace AxisEmulator.Core.Tests.Devices;

/// <summary>
/// What a device tells others leaves through its outbox: once its gate is released, in order, on
/// the thread that made the change, before that thread's call returns.
/// </summary>
public class DeviceOutboxTests
{
    [Fact]
    public void Listening_changes_are_told_outside_the_gate_before_the_call_that_caused_them_returns()
    {
        using var h = new DeviceHarness();
        var heard = new List<(bool Listening, DevicePhase Phase, bool GateFree)>();
        h.Camera.ListeningChanged += (camera, listening) => heard.Add((listening, camera.Phase, GateIsFree(camera)));

        h.Camera.PowerOn(DeviceHarness.PoeClass3);
        h.Advance(30);
        heard.Should().Equal([(true, DevicePhase.NetworkUp, true)], "the advance that reached network-up has told the listener set");

        h.Camera.PowerOff();
        heard.Should().Equal([(true, DevicePhase.NetworkUp, true), (false, DevicePhase.Off, true)]);
    }

    [Fact]
    public void Timeline_subscribers_hear_every_entry_in_order_and_outside_the_gate()
    {
        using var h = new DeviceHarness();
        var heard = new List<long>();
        var gateAlwaysFree = true;
        h.Camera.Timeline.Appended += entry =>
        {
            heard.Add(entry.Sequence);
            gateAlwaysFree &= GateIsFree(h.Camera);
        };

        h.BootToReady();
        h.Camera.RecordHttp("GET", "/axis-cgi/systemready.cgi", null, 200);

        heard.Should().Equal(h.Camera.Timeline.Since(0).Select(e => e.Sequence));
        gateAlwaysFree.Should().BeTrue();
    }

    [Fact]
    public void A_handler_that_calls_back_in_finds_the_device_consistent_and_hears_its_own_change_after_it_returns()
    {
        using var h = new DeviceHarness();
        var heard = new List<string>();
        h.Camera.PhaseChanged += (_, _, to) => heard.Add($"phase {to.ToKebab()}");
        h.Camera.ListeningChanged += (camera, listening) =>
        {
            heard.Add($"listening {listening}");
            if (listening)
            {
                camera.SetNetworkLink(false); // the cable is pulled the moment the server is up
                heard.Add($"handler returns, device listening {camera.IsListening}");
            }
        };

        h.Camera.PowerOn(DeviceHarness.PoeClass3);
        h.Advance(30);

        heard.Should().Equal(
            "phase bootloader",
            "phase booting",
            "phase network-up",
            "listening True",
            "handler returns, device listening False",
            "listening False");
    }

    [Fact]
    public void A_failing_handler_neither_silences_the_others_nor_corrupts_the_device()
    {
        using var h = new DeviceHarness();
        var heard = new List<bool>();
        h.Camera.ListeningChanged += (_, _) => throw new InvalidOperationException("a handler's bug");
        h.Camera.ListeningChanged += (_, listening) => heard.Add(listening);
        h.Camera.PowerOn(DeviceHarness.PoeClass3);

        var reachNetwork = () => h.Advance(30);

        reachNetwork.Should().Throw<InvalidOperationException>().WithMessage("a handler's bug");
        heard.Should().Equal(true);
        h.Camera.Phase.Should().Be(DevicePhase.NetworkUp);
        h.Camera.IsListening.Should().BeTrue();
        h.Advance(60);
        h.Camera.Phase.Should().Be(DevicePhase.Ready, "the device carries on once the handler's exception has gone to the caller");
    }

    [Fact]
    public void Several_failing_handlers_come_back_together_after_everyone_was_told()
    {
        using var h = new DeviceHarness();
        h.BootToReady();
        var heard = 0;
        h.Camera.PhaseChanged += (_, _, _) => throw new InvalidOperationException("first");
        h.Camera.PhaseChanged += (_, _, _) => heard++;
        h.Camera.PhaseChanged += (_, _, _) => throw new InvalidOperationException("second");

        var cut = () => h.Camera.PowerOff();

        cut.Should().Throw<AggregateException>().Which.InnerExceptions.Select(e => e.Message).Should().Equal("first", "second");
        heard.Should().Be(1);
        h.Camera.Phase.Should().Be(DevicePhase.Off);
    }

    [Fact]
    public void The_LAN_hands_its_news_for_other_devices_to_the_claimer_instead_of_calling_them()
    {
        var lan = new EmulatedLan();
        var watcherCalls = 0;
        Action<string, bool> watcher = (_, _) => watcherCalls++;
        lan.Watch("B8A44F000001", watcher);
        lan.Claim("B8A44F000001", "192.168.0.90");
        var told = new List<SharingChange>();

        lan.Claim("B8A44F000002", "192.168.0.90", told.Add);

        watcherCalls.Should().Be(0, "the claimer delivers the news once its gate is released");
        told.Should().Equal(new SharingChange(watcher, "192.168.0.90", Shared: true));
    }

    /// <summary>Another thread can take the device's gate right now (reading the phase returns instead of waiting).</summary>
    private static bool GateIsFree(Device camera) => Task.Run(() => camera.Phase).Wait(TimeSpan.FromSeconds(30));
}
