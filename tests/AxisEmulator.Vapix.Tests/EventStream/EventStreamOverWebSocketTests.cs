using System.Net.WebSockets;
using System.Text.Json;
using AxisEmulator.Core.Events.Notifications;
using AxisEmulator.Vapix.Tests.Server;

namespace AxisEmulator.Vapix.Tests.EventStream;

/// <summary>
/// The VAPIX event stream over WebSocket with .NET's <see cref="ClientWebSocket"/>: the configure
/// handshake and its documented answers, filters, the device clock on every notification, the
/// stream closing as the camera goes down (1001 in order, a dead connection on power loss) and a
/// new stream after the boot. Simulated time only moves when the test moves it.
/// </summary>
public class EventStreamOverWebSocketTests
{
    [Fact]
    public async Task A_subscriber_gets_the_ready_state_then_ready_0_and_a_1001_close_on_restart_and_ready_again_after_the_boot()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using (var stream = await EventStreamClient.ConnectAsync(h, camera))
        {
            await stream.SendAsync(EventStreamClient.Configure(EventTopics.SystemReady));

            (await stream.ReceiveAsync())!.Value.GetRawText().Should().Be("""{"apiVersion":"1.0","context":"test","method":"events:configure","data":{}}""");
            var initial = Notification((await stream.ReceiveAsync())!.Value);
            initial.GetProperty("topic").GetString().Should().Be(EventTopics.SystemReady);
            initial.GetProperty("message").GetProperty("data").GetProperty("ready").GetString().Should().Be("1");
            initial.GetProperty("timestamp").GetInt64().Should().Be(camera.SystemTime.UtcNow.ToUnixTimeMilliseconds(), "stamped with the device clock");

            camera.Restart().Should().BeTrue();
            var reading = stream.ReceiveUntilClosedAsync();
            await h.RunUntilIdleAsync(camera);
            var last = await reading;

            last.Select(m => Notification(m).GetProperty("message").GetProperty("data").GetProperty("ready").GetString()).Should().Equal("0");
            stream.Socket.CloseStatus.Should().Be(WebSocketCloseStatus.EndpointUnavailable, "1001: the device is going away");
        }

        camera.Phase.Should().Be(Core.Devices.DevicePhase.Ready);
        using var again = await EventStreamClient.ConnectAsync(h, camera);
        await again.SendAsync(EventStreamClient.Configure("tns1:Device//."));
        (await again.ReceiveAsync())!.Value.GetProperty("data").ValueKind.Should().Be(JsonValueKind.Object);
        Notification((await again.ReceiveAsync())!.Value).GetProperty("message").GetProperty("data").GetProperty("ready").GetString().Should().Be("1");
    }

    [Fact]
    public async Task Power_loss_drops_the_connection_without_a_close_frame()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var stream = await EventStreamClient.ConnectAsync(h, camera);
        await stream.SendAsync(EventStreamClient.Configure(EventTopics.SystemReady));
        await stream.ReceiveAsync();
        await stream.ReceiveAsync();

        camera.PowerOff();
        await h.RunUntilIdleAsync(camera);
        var receive = async () => await stream.ReceiveUntilClosedAsync();

        await receive.Should().ThrowAsync<WebSocketException>("a camera losing power says nothing");
        stream.Socket.CloseStatus.Should().BeNull();
    }

    [Fact]
    public async Task Filters_are_honoured_topics_and_content()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var stream = await EventStreamClient.ConnectAsync(h, camera);
        await stream.SendAsync("""
            {"apiVersion":"1.0","method":"events:configure","params":{"eventFilterList":[
              {"topicFilter":"tns1:Device/tnsaxis:Network//."},
              {"topicFilter":"tns1:Device/tnsaxis:Status/SystemReady","contentFilter":"boolean(//SimpleItem[@Name=\"ready\" and @Value=\"0\"])"}]}}
            """);
        (await stream.ReceiveAsync())!.Value.GetRawText().Should().Be("""{"apiVersion":"1.0","method":"events:configure","data":{}}""", "no context asked, none echoed");

        camera.Restart().Should().BeTrue();
        var reading = stream.ReceiveUntilClosedAsync();
        await h.RunUntilIdleAsync(camera);
        var messages = await reading;

        // ready=1 (the state at subscription) fails the content filter; ready=0 at shutdown passes it.
        messages.Should().ContainSingle();
        Notification(messages[0]).GetProperty("message").GetProperty("data").GetProperty("ready").GetString().Should().Be("0");
    }

    [Theory]
    [InlineData("""{"apiVersion":"1.0","context":"c","method":"events:configure","params":{"eventFilterList":[]}}""", "eventFilterList is empty")]
    [InlineData("""{"apiVersion":"1.0","context":"c","method":"events:configure","params":{}}""", "eventFilterList is missing")]
    [InlineData("""{"apiVersion":"1.0","context":"c","method":"events:subscribe","params":{"eventFilterList":[{"topicFilter":"tns1:Device//."}]}}""", "method must be 'events:configure'")]
    [InlineData("""{"apiVersion":"2.0","context":"c","method":"events:configure","params":{"eventFilterList":[{"topicFilter":"tns1:Device//."}]}}""", "apiVersion '2.0' is not supported")]
    [InlineData("""{"apiVersion":"1.0","context":"c","method":"events:configure","params":{"eventFilterList":[{"topicFilter":"tns1:Device//"}]}}""", "invalid topicFilter")]
    [InlineData("""{"apiVersion":"1.0","context":"c","method":"events:configure","params":{"eventFilterList":[{"topicFilter":"tns1:Device//.","contentFilter":"count(//x)"}]}}""", "invalid contentFilter")]
    [InlineData("""{"apiVersion":"1.0","context":"c","method":""", "not valid JSON")]
    [InlineData("""[1,2]""", "not a JSON object")]
    public async Task A_bad_configure_gets_the_documented_error_and_the_stream_stays_usable(string request, string reason)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var stream = await EventStreamClient.ConnectAsync(h, camera);

        await stream.SendAsync(request);
        var answer = (await stream.ReceiveAsync())!.Value;

        answer.GetProperty("method").GetString().Should().Be("events:configure");
        answer.GetProperty("error").GetProperty("code").GetInt32().Should().Be(2104);
        answer.GetProperty("error").GetProperty("message").GetString().Should().StartWith("Invalid event datasource payload: ").And.Contain(reason);
        answer.TryGetProperty("data", out _).Should().BeFalse();

        await stream.SendAsync(EventStreamClient.Configure(EventTopics.SystemReady));
        (await stream.ReceiveAsync())!.Value.TryGetProperty("data", out _).Should().BeTrue("a good configure after a bad one is accepted");
    }

    [Fact]
    public async Task The_upgrade_needs_viewer_credentials_and_a_websocket_handshake()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        const string Handshake = "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13";

        var anonymous = await h.RawAsync(camera, $"GET {EventStreamClient.Target} HTTP/1.1{Handshake}");
        anonymous.Status.Should().Be(401);
        anonymous.Headers["www-authenticate"].Should().StartWith($"Digest realm=\"{camera.Identity.Realm}\"");

        ServerHarness.AddUser(camera, "watcher", "Good morning", Core.Config.UserRole.Viewer);
        using var viewer = await EventStreamClient.ConnectAsync(h, camera, "watcher", "Good morning");
        viewer.Socket.State.Should().Be(WebSocketState.Open);

        var plain = await h.SendRawAsync(camera, "GET", EventStreamClient.Target, await h.DigestAsync(camera, "GET", EventStreamClient.Target));
        plain.Status.Should().Be(400, "credentials pass, but this is no WebSocket handshake");
        var otherSource = "/vapix/ws-data-stream?sources=video";
        (await h.SendRawAsync(camera, "GET", otherSource, await h.DigestAsync(camera, "GET", otherSource))).Status.Should().Be(400);
    }

    private static JsonElement Notification(JsonElement message)
    {
        message.GetProperty("method").GetString().Should().Be("events:notify");
        return message.GetProperty("params").GetProperty("notification");
    }
}
