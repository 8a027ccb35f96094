using AxisEmulator.Core.Devices;
using AxisEmulator.TestSupport;
using AxisEmulator.Vapix.Tests.EndToEnd;
using AxisEmulator.Vapix.Tests.Https;
using AxisEmulator.Vapix.Tests.Server;

namespace AxisEmulator.Vapix.Tests.EventStream;

/// <summary>
/// The event stream with real third-party clients, over HTTP (Digest) and HTTPS (Basic under
/// <c>recommended</c>, the certificate pinned): Node's <c>ws</c> (tests/peers/event-stream.js) and
/// Debian's python3-websocket (tests/peers/event-stream.py). Each is refused anonymously, sees ready,
/// restarts the camera over VAPIX and sees ready=0 and the 1001 close; after the boot a new stream
/// gets ready=1 again.
/// </summary>
public class EventStreamPeersTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Theory]
    [InlineData("node", "http")]
    [InlineData("node", "https")]
    [InlineData("python", "http")]
    [InlineData("python", "https")]
    public async Task The_peer_is_refused_anonymously_sees_ready_the_close_on_restart_and_ready_again_after_the_boot(string peer, string scheme)
    {
        if (peer == "python")
        {
            ExternalTool.RequirePythonWebsocket();
        }

        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();

        // The peer restarts the camera over VAPIX once subscribed and sees the close; simulated time stands still meanwhile.
        var first = await RunAsync(h, camera, peer, scheme, "restart");

        first.ExitCode.Should().Be(0, first.ToString());
        var lines = first.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

        // The restart's answer and ready=0 come on two connections: either may be read first.
        lines.IndexOf("restart 200").Should().BeGreaterThan(2, "the peer restarts once subscribed and ready\n" + first);
        lines.Where(l => l != "restart 200").Should().Equal(
            "anonymous 401",
            "first configure ok context=first",
            "first notify tns1:Device/tnsaxis:Status/SystemReady ready=1",
            "first notify tns1:Device/tnsaxis:Status/SystemReady ready=0",
            "closed 1001");
        camera.Phase.Should().Be(DevicePhase.ShuttingDown);

        await h.AfterResponseAsync(camera);
        await h.RunUntilIdleAsync(camera);
        var second = await RunAsync(h, camera, peer, scheme, "subscribe");

        second.ExitCode.Should().Be(0, second.ToString());
        second.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "second configure ok context=second",
            "second notify tns1:Device/tnsaxis:Status/SystemReady ready=1");
    }

    private static async Task<PeerResult> RunAsync(ServerHarness h, Device camera, string peer, string scheme, string mode)
    {
        var url = (scheme == "https" ? h.HttpsEndpoint(camera) : h.Endpoint(camera)).AbsoluteUri.TrimEnd('/');
        string[] arguments = [url, "root", "pass", mode, camera.Config.HttpsCertificate?.Sha256 ?? ""];
        return peer == "node"
            ? await NodePeers.RunScriptAsync("event-stream.js", arguments, Patience)
            : await PeerProcess.RunAsync(ExternalTool.Python, [Path.Combine(NodePeers.Directory, "event-stream.py"), .. arguments], Patience);
    }
}
