using System.Net;
using System.Text.Json.Nodes;
using AxisEmulator.Vapix.Tests.Server;

namespace AxisEmulator.Vapix.Tests.Support;

/// <summary>JSON CGI calls as a client makes them: over HTTP, answering 200 (JSON APIs report their errors inside the body).</summary>
internal static class JsonCalls
{
    public static async Task<JsonNode> PostAsync(HttpClient client, string path, string body)
    {
        using var response = await client.PostAsync(path, ServerHarness.Json(body));
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"{path} {body}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>The <c>error</c> member of an answer that must be one.</summary>
    public static async Task<(int Code, string Message)> ErrorAsync(HttpClient client, string path, string body)
    {
        var answer = await PostAsync(client, path, body);
        var error = answer["error"];
        error.Should().NotBeNull($"{path} {body} should fail, answered {answer.ToJsonString()}");
        return (error!["code"]!.GetValue<int>(), error["message"]!.GetValue<string>());
    }

    public static async Task<JsonNode> DataAsync(HttpClient client, string path, string body)
    {
        var answer = await PostAsync(client, path, body);
        answer["error"].Should().BeNull($"{path} {body} answered {answer.ToJsonString()}");
        return answer["data"]!;
    }
}
