using System.Text.Json.Nodes;
using AxisEmulator.Vapix.Tests.EndToEnd;
using AxisEmulator.Vapix.Tests.Server;
using AxisEmulator.Vapix.Tests.Support;

namespace AxisEmulator.Vapix.Tests.IoPortManagement;

/// <summary>
/// portmanagement.cgi against the I/O of each profile (vapix-facts §9.3, HA's PORT_MANAGEMENT_RESPONSE
/// shape), through .NET and through Python requests with Digest.
/// </summary>
public class PortManagementTests
{
    private const string Path = "/axis-cgi/io/portmanagement.cgi";

    [Theory]
    [InlineData("P3245-LVE", 2)] // captured tree: two configurable ports
    [InlineData("Q1656-LE", 2)] // generated from the profile's io: 1 input, 1 output
    [InlineData("M1075-L", 0)]
    public async Task GetPorts_lists_the_profiles_ports_with_their_directions(string profile, int expected)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync(profile);
        using var client = h.Client(camera);

        var answer = await CallAsync(client, """{"apiVersion":"1.0","context":"c1","method":"getPorts"}""");

        answer["apiVersion"]!.GetValue<string>().Should().Be("1.1");
        answer["context"]!.GetValue<string>().Should().Be("c1");
        var data = answer["data"]!;
        data["numberOfPorts"]!.GetValue<int>().Should().Be(expected);
        var items = data["items"]!.AsArray();
        items.Should().HaveCount(expected);
        var tree = h.Services.DeviceFor(camera).View().Tree;
        foreach (var item in items)
        {
            var prefix = $"IOPort.I{item!["port"]}.";
            item["direction"]!.GetValue<string>().Should().Be(tree[prefix + "Direction"]);
            item["configurable"]!.GetValue<bool>().Should().Be(tree[prefix + "Configurable"] == "yes");
            item["state"]!.GetValue<string>().Should().Be(item["normalState"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task SetPorts_is_stored_in_the_IOPort_parameters_and_survives_a_restart()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("P3245-LVE");
        using var client = h.Client(camera);

        var set = await CallAsync(client, """{"apiVersion":"1.1","method":"setPorts","params":{"ports":[{"port":"1","name":"Siren","direction":"output","normalState":"closed"}]}}""");
        set["data"]!.AsObject().Should().BeEmpty();
        camera.Restart().Should().BeTrue();
        await h.RunUntilIdleAsync(camera);

        using var after = h.Client(camera);
        var port = (await CallAsync(after, """{"apiVersion":"1.0","method":"getPorts"}"""))["data"]!["items"]![1]!;
        port["name"]!.GetValue<string>().Should().Be("Siren");
        port["direction"]!.GetValue<string>().Should().Be("output");
        port["normalState"]!.GetValue<string>().Should().Be("closed");
        var listed = await after.GetStringAsync("/axis-cgi/param.cgi?action=list&group=IOPort.I1.Direction,IOPort.I1.Output.Name,IOPort.I1.Output.Active");
        listed.Should().Be("IOPort.I1.Direction=output\nIOPort.I1.Output.Name=Siren\nIOPort.I1.Output.Active=open\n");
    }

    [Theory]
    [InlineData("""{"apiVersion":"1.0","method":"setPorts","params":{"ports":[{"port":"7","name":"x"}]}}""", 2104)]
    [InlineData("""{"apiVersion":"1.0","method":"setPorts","params":{"ports":[{"port":"0","name":"ok"},{"port":"1","normalState":"ajar"}]}}""", 2104)]
    [InlineData("""{"apiVersion":"1.0","method":"setPorts","params":{}}""", 2103)]
    [InlineData("""{"apiVersion":"1.0","method":"setStateSequence","params":{"port":"0","sequence":[{"state":"open","time":100}]}}""", 2104)]
    [InlineData("""{"apiVersion":"1.0","method":"openTheDoor"}""", 2102)]
    [InlineData("""{"apiVersion":"2.0","method":"getPorts"}""", 2100)]
    [InlineData("""{"apiVersion":"1.0","method":"getPorts""", 2101)]
    public async Task Bad_requests_get_the_apis_error_and_change_nothing(string body, int code)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("P3245-LVE");
        using var client = h.Client(camera);
        var before = camera.Config;

        var answer = await CallAsync(client, body);

        answer["error"]!["code"]!.GetValue<int>().Should().Be(code);
        answer["error"]!["message"]!.GetValue<string>().Should().NotBeEmpty();
        camera.Config.Should().BeSameAs(before);
    }

    [Fact]
    public async Task Python_requests_reads_and_configures_ports_with_digest()
    {
        ExternalTool.RequirePythonRequests();
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("Q1656-LE");
        var url = h.Endpoint(camera) + Path.TrimStart('/');
        const string Script = """
            import json, sys, requests
            from requests.auth import HTTPDigestAuth
            auth = HTTPDigestAuth("root", "pass")
            s = requests.post(sys.argv[1], json={"apiVersion": "1.0", "method": "setPorts", "params": {"ports": [{"port": "0", "name": "Door"}]}}, auth=auth, timeout=20)
            g = requests.post(sys.argv[1], json={"apiVersion": "1.0", "method": "getPorts"}, auth=auth, timeout=20)
            print(json.dumps({"set": s.json(), "status": g.status_code, "type": g.headers["Content-Type"], "get": g.json()}))
            """;

        var result = await ExternalTool.RunAsync(ExternalTool.Python, ["-c", Script, url]);

        result.ExitCode.Should().Be(0, result.ToString());
        var answer = JsonNode.Parse(result.Stdout)!;
        answer["set"]!["data"].Should().NotBeNull(result.Stdout);
        answer["status"]!.GetValue<int>().Should().Be(200);
        answer["type"]!.GetValue<string>().Should().StartWith("application/json");
        var items = answer["get"]!["data"]!["items"]!.AsArray();
        items.Select(i => i!["direction"]!.GetValue<string>()).Should().Equal("input", "output");
        items[0]!["name"]!.GetValue<string>().Should().Be("Door");
    }

    private static Task<JsonNode> CallAsync(HttpClient client, string body) => JsonCalls.PostAsync(client, Path, body);
}
