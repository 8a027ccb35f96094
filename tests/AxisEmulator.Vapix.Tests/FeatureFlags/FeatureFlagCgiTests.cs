using AxisEmulator.Vapix.Tests.Server;
using AxisEmulator.Vapix.Tests.Support;

namespace AxisEmulator.Vapix.Tests.FeatureFlags;

public class FeatureFlagCgiTests
{
    private const string Cgi = "/axis-cgi/featureflag.cgi";

    [Fact]
    public async Task Set_flags_are_stored_and_read_back_by_get_and_listAll()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("M1075-L");
        using var client = h.Client(camera);

        await JsonCalls.DataAsync(client, Cgi, """{"apiVersion":"1.0","context":"c","method":"set","params":{"flagValues":{"webrtc_streaming":true}}}""");

        var got = await JsonCalls.DataAsync(client, Cgi, """{"apiVersion":"1.0","method":"get","params":{"names":["webrtc_streaming","streaming_low_latency_mode"]}}""");
        got["flagValues"]!["webrtc_streaming"]!.GetValue<bool>().Should().BeTrue();
        got["flagValues"]!["streaming_low_latency_mode"]!.GetValue<bool>().Should().BeTrue("its 12.x default");
        var listed = (await JsonCalls.DataAsync(client, Cgi, """{"apiVersion":"1.0","method":"listAll"}"""))["flags"]!.AsArray();
        listed.Single(f => f!["name"]!.GetValue<string>() == "webrtc_streaming")!["defaultValue"]!.GetValue<bool>().Should().BeFalse();
        camera.ReadConfig(c => c.FeatureFlags).Should().Contain("webrtc_streaming", true);
    }

    [Theory]
    [InlineData("set", """{"flagValues":{"webrtc_streaming":true,"no_such_flag":true}}""", "Invalid parameter: 'no_such_flag'")]
    [InlineData("set", """{"flagValues":{"webrtc_streaming":"on"}}""", "Invalid parameter: 'webrtc_streaming'")]
    [InlineData("set", """{}""", "Missing parameter: 'flagValues'")]
    [InlineData("get", """{"names":["no_such_flag"]}""", "Invalid parameter: 'no_such_flag'")]
    public async Task Unknown_flags_and_bad_values_are_refused_and_nothing_is_stored(string method, string parameters, string message)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("M1075-L");
        using var client = h.Client(camera);

        (await JsonCalls.ErrorAsync(client, Cgi, $$"""{"apiVersion":"1.0","method":"{{method}}","params":{{parameters}}}""")).Should().Be((2000, message));
        camera.ReadConfig(c => c.FeatureFlags).Should().BeEmpty();
    }
}
