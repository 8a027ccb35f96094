using AxisEmulator.Core.Devices;
using AxisEmulator.TestSupport;
using AxisEmulator.Vapix.Tests.Server;

namespace AxisEmulator.Vapix.Tests.EventStream;

/// <summary>The event stream with a real third-party client: Node's <c>ws</c> (tests/peers/event-stream.js).</summary>
public class EventStreamNodePeerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Node_ws_is_refused_anonymously_sees_ready_the_close_on_restart_and_ready_again_after_the_boot()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        var url = h.Endpoint(camera).ToString().TrimEnd('/');

        // The peer restarts the camera over VAPIX once subscribed and sees the close; simulated time stands still meanwhile.
        var first = await NodePeers.RunScriptAsync("event-stream.js", [url, "root", "pass", "restart"], Patience);

        first.ExitCode.Should().Be(0, first.ToString());
        first.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "anonymous 401",
            "first configure ok context=first",
            "first notify tns1:Device/tnsaxis:Status/SystemReady ready=1",
            "restart 200",
            "first notify tns1:Device/tnsaxis:Status/SystemReady ready=0",
            "closed 1001");
        camera.Phase.Should().Be(DevicePhase.ShuttingDown);

        await h.AfterResponseAsync(camera);
        await h.RunUntilIdleAsync(camera);
        var second = await NodePeers.RunScriptAsync("event-stream.js", [url, "root", "pass", "subscribe"], Patience);

        second.ExitCode.Should().Be(0, second.ToString());
        second.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "second configure ok context=second",
            "second notify tns1:Device/tnsaxis:Status/SystemReady ready=1");
    }
}
