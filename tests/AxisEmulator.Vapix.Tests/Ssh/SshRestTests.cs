using System.Net;
using System.Text.Json.Nodes;
using AxisEmulator.Vapix.Tests.Server;

namespace AxisEmulator.Vapix.Tests.Ssh;

public class SshRestTests
{
    private const string Users = "/config/rest/ssh/v2/users";

    [Fact]
    public async Task Users_are_added_updated_and_removed_and_duplicates_and_strangers_are_refused()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("M1075-L");
        using var client = h.Client(camera);

        (await client.PostAsync(Users, ServerHarness.Json("""{"data":{"username":"svc","password":"First-1"}}"""))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PostAsync(Users, ServerHarness.Json("""{"data":{"username":"svc","password":"Other-1"}}"""))).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await client.PatchAsync(Users + "/svc", ServerHarness.Json("""{"data":{"password":"Second-2","comment":"rotated"}}"""))).StatusCode.Should().Be(HttpStatusCode.OK);

        var user = JsonNode.Parse(await client.GetStringAsync("/config/rest/ssh/v1/users/svc"))!["data"]!;
        user["comment"]!.GetValue<string>().Should().Be("rotated");
        camera.ReadConfig(c => c.SshUsers.Single().HasPassword("Second-2")).Should().BeTrue();
        (await client.DeleteAsync(Users + "/svc")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.DeleteAsync(Users + "/svc")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        camera.ReadConfig(c => c.SshUsers).Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"data":{"username":"Bad Name","password":"x"}}""")]
    [InlineData("""{"data":{"username":"svc"}}""")]
    [InlineData("""{"data":{"username":"svc","password":""}}""")]
    [InlineData("""{"data":{"username":"svc","password":"p","comment":5}}""")]
    [InlineData("""{"username":"svc","password":"p"}""")]
    [InlineData("""not json""")]
    public async Task Bad_user_data_is_a_400_in_the_rest_error_shape(string body)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("M1075-L");
        using var client = h.Client(camera);

        using var response = await client.PostAsync(Users, ServerHarness.Json(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!.GetValue<string>().Should().Be("error");
        camera.ReadConfig(c => c.SshUsers).Should().BeEmpty();
    }

    [Fact]
    public async Task Enabling_ssh_is_the_network_ssh_enabled_parameter_and_older_lines_have_no_rest_api()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("M1075-L");
        using var client = h.Client(camera);

        (await client.PatchAsync("/config/rest/ssh/v2/enabled", ServerHarness.Json("""{"data":true}"""))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=list&group=Network.SSH.Enabled")).Should().Be("Network.SSH.Enabled=yes\n");
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=update&Network.SSH.Enabled=no")).Should().Be("OK");
        JsonNode.Parse(await client.GetStringAsync("/config/rest/ssh/v2/enabled"))!["data"]!.GetValue<bool>().Should().BeFalse();
        JsonNode.Parse(await client.GetStringAsync("/config/rest/ssh/v2"))!["data"]!["enabled"]!.GetValue<bool>().Should().BeFalse();

        var os11 = await h.ReadyDeviceAsync("P3245-LVE");
        using var os11Client = h.Client(os11);
        (await os11Client.GetAsync(Users)).StatusCode.Should().Be(HttpStatusCode.NotFound, "v2 is AXIS OS 12's");
        (await os11Client.GetAsync("/config/rest/ssh/v1/users")).StatusCode.Should().Be(HttpStatusCode.OK);
        var os10 = await h.ReadyDeviceAsync("P3245-LVE-10.12");
        using var os10Client = h.Client(os10);
        (await os10Client.GetAsync("/config/rest/ssh/v1/users")).StatusCode.Should().Be(HttpStatusCode.OK, "the 10.12 captures list ssh 1.0");
    }
}
