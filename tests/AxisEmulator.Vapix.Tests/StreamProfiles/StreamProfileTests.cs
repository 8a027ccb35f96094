using System.Text.Json.Nodes;
using AxisEmulator.Vapix.Tests.EndToEnd;
using AxisEmulator.Vapix.Tests.Server;
using AxisEmulator.Vapix.Tests.Support;

namespace AxisEmulator.Vapix.Tests.StreamProfiles;

/// <summary>
/// streamprofile.cgi as the Axis how-to guide drives it with curl (create, list, use, remove), kept
/// in the <c>StreamProfile.S&lt;n&gt;</c> parameters that param.cgi shows.
/// </summary>
public class StreamProfileTests
{
    private const string Path = "/axis-cgi/streamprofile.cgi";

    [Fact]
    public async Task Curl_creates_lists_and_removes_a_profile_as_the_guide_shows()
    {
        ExternalTool.RequireCurl();
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("M1075-L");
        var url = h.Endpoint(camera) + Path.TrimStart('/');

        var created = await CurlAsync(url, """{"apiVersion": "1.0", "method": "create", "params": {"streamProfile":[{"name": "Example", "description": "An Example", "parameters": "resolution=480x360&fps=5"}]}}""");
        created.Should().Be("""{"method": "create", "apiVersion": "1.0", "data": {}}""");

        var listed = await CurlAsync(url, """{"apiVersion": "1.0", "method": "list", "params": {"streamProfileName": []}}""");
        listed.Should().Be("""{"method": "list", "apiVersion": "1.0", "data": {"streamProfile": [{"name": "Example", "description": "An Example", "parameters": "resolution=480x360&fps=5"}], "maxProfiles": 26}}""");

        using var client = h.Client(camera);
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=list&group=StreamProfile.S0"))
            .Should().Be("StreamProfile.S0.Description=An Example\nStreamProfile.S0.Name=Example\nStreamProfile.S0.Parameters=resolution=480x360&fps=5\n");

        var removed = await CurlAsync(url, """{"apiVersion": "1.0", "method": "remove", "params": {"streamProfileName": [{"name": "Example"}]}}""");
        removed.Should().Be("""{"method": "remove", "apiVersion": "1.0", "data": {}}""");
        JsonNode.Parse(await CurlAsync(url, """{"apiVersion": "1.0", "method": "list", "params": {"streamProfileName": []}}"""))!["data"]!["streamProfile"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Profiles_survive_a_restart_and_update_keeps_what_it_is_not_given()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("P3245-LVE");
        using var client = h.Client(camera);
        await CallAsync(client, """{"apiVersion":"1.0","method":"create","params":{"streamProfile":[{"name":"Low","parameters":"fps=1"},{"name":"High","description":"full","parameters":"fps=30"}]}}""");
        await CallAsync(client, """{"apiVersion":"1.0","method":"update","params":{"streamProfile":[{"name":"Low","description":"cheap"}]}}""");

        camera.Restart().Should().BeTrue();
        await h.RunUntilIdleAsync(camera);
        using var after = h.Client(camera);

        var low = await CallAsync(after, """{"apiVersion":"1.0","method":"list","params":{"streamProfileName":[{"name":"Low"}]}}""");
        low["data"]!["streamProfile"]!.ToJsonString().Should().Be("""[{"name":"Low","description":"cheap","parameters":"fps=1"}]""");
    }

    [Theory]
    [InlineData("""{"apiVersion":"1.0","method":"create","params":{"streamProfile":[{"name":"Twice"},{"name":"Twice"}]}}""", 2104)]
    [InlineData("""{"apiVersion":"1.0","method":"create","params":{"streamProfile":[{"description":"no name"}]}}""", 2103)]
    [InlineData("""{"apiVersion":"1.0","method":"create","params":{"streamProfile":[{"name":"N","parameters":5}]}}""", 2104)]
    [InlineData("""{"apiVersion":"1.0","method":"update","params":{"streamProfile":[{"name":"Nobody"}]}}""", 2104)]
    [InlineData("""{"apiVersion":"1.0","method":"remove","params":{"streamProfileName":[{"name":"Nobody"}]}}""", 2104)]
    [InlineData("""{"apiVersion":"1.0","method":"remove","params":{}}""", 2103)]
    [InlineData("""{"apiVersion":"1.0","method":"create"}""", 2103)]
    [InlineData("""{"apiVersion":"3.0","method":"list"}""", 2100)]
    [InlineData("""not json""", 2101)]
    public async Task Bad_requests_get_the_apis_error_and_store_nothing(string body, int code)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("P3245-LVE");
        using var client = h.Client(camera);
        var before = camera.Config;

        var answer = await CallAsync(client, body);

        answer["error"]!["code"]!.GetValue<int>().Should().Be(code, answer.ToJsonString());
        camera.Config.Should().BeSameAs(before);
    }

    [Fact]
    public async Task No_more_profiles_than_the_device_keeps()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("P3245-LVE");
        ServerHarness.SetParameter(camera, "StreamProfile.MaxGroups", "2");
        using var client = h.Client(camera);

        (await CallAsync(client, """{"apiVersion":"1.0","method":"create","params":{"streamProfile":[{"name":"A"},{"name":"B"}]}}"""))["data"].Should().NotBeNull();
        var third = await CallAsync(client, """{"apiVersion":"1.0","method":"create","params":{"streamProfile":[{"name":"C"}]}}""");

        third["error"]!["code"]!.GetValue<int>().Should().Be(2104);
        third["error"]!["message"]!.GetValue<string>().Should().Contain("2");
    }

    private static Task<JsonNode> CallAsync(HttpClient client, string body) => JsonCalls.PostAsync(client, Path, body);

    private static async Task<string> CurlAsync(string url, string body)
    {
        var result = await ExternalTool.RunAsync(ExternalTool.Curl, ["-s", "--anyauth", "-u", "root:pass", "-d", body, url]);
        result.ExitCode.Should().Be(0, result.ToString());
        return result.Stdout;
    }
}
