using System.Net;
using System.Text.Json.Nodes;
using AxisEmulator.Vapix.Tests.Server;

namespace AxisEmulator.Vapix.Tests.Support;

/// <summary>A JSON CGI call over HTTP that must answer 200 (JSON APIs report their errors inside the body).</summary>
internal static class JsonCalls
{
    public static async Task<JsonNode> PostAsync(HttpClient client, string path, string body)
    {
        using var response = await client.PostAsync(path, ServerHarness.Json(body));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
