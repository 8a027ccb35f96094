using AxisEmulator.Core.Config;
using AxisEmulator.Vapix.Tests.Server;
using AxisEmulator.Vapix.Tests.Support;

namespace AxisEmulator.Vapix.Tests.Mqtt;

public class MqttCgiTests
{
    private const string Client = "/axis-cgi/mqtt/client.cgi";
    private const string Event = "/axis-cgi/mqtt/event.cgi";

    [Fact]
    public async Task The_client_configuration_is_kept_and_reported_but_never_connects()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("M1075-L");
        using var client = h.Client(camera);

        var fresh = await JsonCalls.DataAsync(client, Client, """{"apiVersion":"1.0","context":"Axis library","method":"getClientStatus"}""");
        fresh["status"]!["state"]!.GetValue<string>().Should().Be("inactive");
        fresh["config"]!["deviceTopicPrefix"]!.GetValue<string>().Should().Be($"axis/{camera.Identity.Serial}");

        await JsonCalls.DataAsync(client, Client, """
            {"apiVersion":"1.0","method":"configureClient","params":{"server":{"host":"broker.example.org","protocol":"ssl"},
             "clientId":"cam-1","username":"u","password":"SecretWord","keepAliveInterval":30,
             "lastWillTestament":{"useDefault":false,"topic":"cams/cam-1","message":"gone","retain":true,"qos":1},
             "ssl":{"validateServerCert":true}}}
            """);
        await JsonCalls.DataAsync(client, Client, """{"apiVersion":"1.0","method":"activateClient"}""");

        var status = await JsonCalls.DataAsync(client, Client, """{"apiVersion":"1.0","method":"getClientStatus"}""");
        status["status"]!["state"]!.GetValue<string>().Should().Be("active");
        status["status"]!["connectionStatus"]!.GetValue<string>().Should().Be("disconnected", "no broker is contacted");
        var config = status["config"]!;
        config["server"]!["host"]!.GetValue<string>().Should().Be("broker.example.org");
        config["server"]!["port"]!.GetValue<int>().Should().Be(8883, "the ssl default port");
        config["keepAliveInterval"]!.GetValue<int>().Should().Be(30);
        config["lastWillTestament"]!["qos"]!.GetValue<int>().Should().Be(1);
        config.AsObject().ContainsKey("password").Should().BeFalse();
        ServerHarness.StoredConfig(camera).Should().NotContain("SecretWord");

        await JsonCalls.DataAsync(client, Client, """{"apiVersion":"1.0","method":"deactivateClient"}""");
        (await JsonCalls.DataAsync(client, Client, """{"apiVersion":"1.0","method":"getClientStatus"}"""))["status"]!["state"]!.GetValue<string>().Should().Be("inactive");
        camera.Config.AfterFactoryDefault(FactoryDefaultMode.Soft).Mqtt.Should().Be(new MqttSettings());
    }

    [Theory]
    [InlineData("""{}""", 2103, "'server'")]
    [InlineData("""{"server":{}}""", 2103, "'server.host'")]
    [InlineData("""{"server":{"host":"b","protocol":"udp"}}""", 2104, "'server.protocol'")]
    [InlineData("""{"server":{"host":"b","port":70000}}""", 2104, "'server.port'")]
    [InlineData("""{"server":{"host":"b"},"connectMessage":{"useDefault":false,"topic":"t","message":"m","retain":false}}""", 2103, "'connectMessage.qos'")]
    [InlineData("""{"server":{"host":"b"},"cleanSession":"yes"}""", 2104, "'cleanSession'")]
    public async Task A_bad_client_configuration_is_refused_whole(string parameters, int code, string name)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("M1075-L");
        using var client = h.Client(camera);
        var before = ServerHarness.StoredConfig(camera);

        var (actual, message) = await JsonCalls.ErrorAsync(client, Client, $$"""{"apiVersion":"1.0","method":"configureClient","params":{{parameters}}}""");

        actual.Should().Be(code);
        message.Should().Contain(name);
        ServerHarness.StoredConfig(camera).Should().Be(before);
    }

    [Fact]
    public async Task The_event_publication_is_kept_member_by_member_and_checked_first()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("P3245-LVE");
        using var client = h.Client(camera);

        var fresh = (await JsonCalls.DataAsync(client, Event, """{"apiVersion":"1.0","method":"getEventPublicationConfig"}"""))["eventPublicationConfig"]!;
        fresh["topicPrefix"]!.GetValue<string>().Should().Be("default");
        fresh["eventFilterList"]!.AsArray().Should().BeEmpty();

        await JsonCalls.DataAsync(client, Event, """{"apiVersion":"1.0","method":"configureEventPublication","params":{"topicPrefix":"custom","customTopicPrefix":"site/a","eventFilterList":[{"topicFilter":"onvif:Device/axis:IO//.","qos":1}]}}""");
        await JsonCalls.DataAsync(client, Event, """{"apiVersion":"1.0","method":"configureEventPublication","params":{"includeSerialNumberInPayload":true}}""");
        (await JsonCalls.ErrorAsync(client, Event, """{"apiVersion":"1.0","method":"configureEventPublication","params":{"eventFilterList":[{"topicFilter":"x","retain":"sometimes"}]}}"""))
            .Code.Should().Be(2104);

        var set = (await JsonCalls.DataAsync(client, Event, """{"apiVersion":"1.0","method":"getEventPublicationConfig"}"""))["eventPublicationConfig"]!;
        set["customTopicPrefix"]!.GetValue<string>().Should().Be("site/a");
        set["includeSerialNumberInPayload"]!.GetValue<bool>().Should().BeTrue();
        var filter = set["eventFilterList"]!.AsArray().Should().ContainSingle().Subject!;
        filter["qos"]!.GetValue<int>().Should().Be(1);
        filter["retain"]!.GetValue<string>().Should().Be("none");
    }
}
