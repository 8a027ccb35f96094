using System.Text.Json;
using AxisEmulator.Vapix.Tests.Server;

namespace AxisEmulator.Vapix.Tests.EventStream;

/// <summary>The address events on the stream itself, as a subscriber to <c>tns1:Device/tnsaxis:Network//.</c> reads them.</summary>
public class EventStreamAddressTests
{
    [Fact]
    public async Task A_lease_replacing_the_fallback_reaches_the_subscriber_as_AddressRemoved_then_AddressAdded()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var stream = await EventStreamClient.ConnectAsync(h, camera);
        await stream.SendAsync(EventStreamClient.Configure("tns1:Device/tnsaxis:Network//."));
        (await stream.ReceiveAsync())!.Value.GetProperty("data").ValueKind.Should().Be(JsonValueKind.Object, "configured; no stateful topic passes the filter, so nothing else comes first");

        camera.AdoptLease("192.168.0.150").Should().BeTrue();

        var removed = Notification((await stream.ReceiveAsync())!.Value);
        var added = Notification((await stream.ReceiveAsync())!.Value);
        removed.GetProperty("topic").GetString().Should().Be("tns1:Device/tnsaxis:Network/AddressRemoved");
        removed.GetProperty("message").GetRawText().Should().Be("""{"source":{"interface":"eth0"},"key":{},"data":{"origin":"Static","address":"192.168.0.90"}}""");
        added.GetProperty("topic").GetString().Should().Be("tns1:Device/tnsaxis:Network/AddressAdded");
        added.GetProperty("message").GetRawText().Should().Be("""{"source":{"interface":"eth0"},"key":{},"data":{"origin":"DHCP","address":"192.168.0.150"}}""");
        added.GetProperty("timestamp").GetInt64().Should().Be(camera.SystemTime.UtcNow.ToUnixTimeMilliseconds(), "stamped with the device clock");
    }

    private static JsonElement Notification(JsonElement message)
    {
        message.GetProperty("method").GetString().Should().Be("events:notify");
        return message.GetProperty("params").GetProperty("notification");
    }
}
