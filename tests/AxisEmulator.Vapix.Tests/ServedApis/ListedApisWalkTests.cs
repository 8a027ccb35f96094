using System.Net;
using System.Text.Json.Nodes;
using AxisEmulator.Vapix.Data;
using AxisEmulator.Vapix.LightControl;
using AxisEmulator.Vapix.ServedApis;
using AxisEmulator.Vapix.Tests.Server;
using Xunit.Abstractions;

namespace AxisEmulator.Vapix.Tests.ServedApis;

/// <summary>
/// The honesty rule end to end: on every shipped profile, each API <c>getApiList</c> lists answers
/// its documented read call (an integration reads 404 as "not supported" and gives up on it).
/// </summary>
public sealed class ListedApisWalkTests(ITestOutputHelper output)
{
    public static TheoryData<string> Profiles => [.. ServerHarness.Profiles.Ids];

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task Every_listed_api_answers_its_read_call(string profileId)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync(profileId);
        using var client = h.Client(camera);

        var listed = await ListedIdsAsync(client);
        var notFound = new List<string>();
        foreach (var id in listed)
        {
            ServedApiTable.ById.Should().ContainKey(id, "only ids of the table can be listed");
            using var response = await SendAsync(client, ServedApiTable.ById[id].Probe);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                notFound.Add(id);
            }
        }

        var data = VapixDataCatalog.InHardwareProfiles(ServerHarness.HardwareProfilesDirectory);
        var identity = h.Services.DeviceFor(camera).View().Identity;
        var captured = data.CapturedApiList(identity.Model, identity.FirmwareVersion) ?? data.DefaultApiList(identity.Personality, identity.Profile.HasVideo);
        output.WriteLine($"{profileId}: captured {captured.Count}, listed and served {listed.Count}, listed answering 404: {notFound.Count}");
        notFound.Should().BeEmpty();
        string[] servedHere = ["api-discovery", "basic-device-info", "systemready", "param-cgi", "io-port-management", "stream-profiles"];
        listed.Should().Contain(servedHere.Where(id => captured.Any(e => (string?)e?["id"] == id)), "served APIs the capture lists stay listed");
        var addedLight = LightHardware.HasLight(identity.Profile) && !captured.Any(e => (string?)e?["id"] == "light-control") ? 1 : 0;
        listed.Count.Should().BeLessThanOrEqualTo(captured.Count + addedLight, "only light control is added, to a model with a light");
    }

    private static async Task<List<string>> ListedIdsAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/axis-cgi/apidiscovery.cgi", ServerHarness.Json("""{"apiVersion":"1.0","method":"getApiList"}"""));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var list = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!["apiList"]!.AsArray();
        return [.. list.Select(e => (string)e!["id"]!)];
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, ApiProbe probe)
    {
        var request = new HttpRequestMessage(new HttpMethod(probe.HttpMethod), probe.Target);
        if (probe.JsonBody is not null)
        {
            request.Content = ServerHarness.Json(probe.JsonBody);
        }

        return client.SendAsync(request);
    }
}
