using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AxisEmulator.Control.Tests.Api;

/// <summary>
/// The emulator as the host composes it (AddAxisEmulator + MapAxisEmulator, see
/// <see cref="EmulatorTestHost"/>) on a TestServer, in manual time over the shipped profiles and
/// in-memory state, with the control API's request and problem helpers.
/// </summary>
public sealed class ControlApiHost : IAsyncDisposable
{
    private readonly EmulatorTestHost _host;

    private ControlApiHost(EmulatorTestHost host)
    {
        _host = host;
    }

    public Emulator Emulator => _host.Emulator;

    public WebApplication App => _host.App;

    /// <summary>The devices' real VAPIX listeners, when started with them.</summary>
    public DeviceListenerSet? Listeners => _host.Listeners;

    public HttpClient Client => _host.Client;

    public TestServer Server => (TestServer)App.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>();

    public static ProfileCatalog Profiles => ShippedProfiles.Catalog;

    public static async Task<ControlApiHost> StartAsync(ControlOptions? options = null, bool withListeners = false, int seed = 7) =>
        new(await EmulatorTestHost.StartAsync(new EmulatorTestHostOptions { Control = options ?? new ControlOptions(), DeviceListeners = withListeners, Seed = seed }));

    public Device Device(string id) => _host.Device(id);

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        return await ExpectJsonAsync(response, StatusCodes.Status200OK);
    }

    public Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string path, string json) =>
        Client.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    public async Task<JsonNode> SendJsonAsync(HttpMethod method, string path, string json, int expectedStatus)
    {
        using var response = await SendJsonAsync(method, path, json);
        return await ExpectJsonAsync(response, expectedStatus);
    }

    /// <summary>Adds a device through the API (optionally powered on with the default source).</summary>
    public Task<JsonNode> CreateAsync(string id, string profile = ProfileCatalog.DefaultProfileId, bool powerOn = false) =>
        SendJsonAsync(HttpMethod.Post, "/api/v1/devices", powerOn
            ? $$"""{"id":"{{id}}","profile":"{{profile}}","power":{"on":true} }"""
            : $$"""{"id":"{{id}}","profile":"{{profile}}"}""", StatusCodes.Status201Created);

    public Task<JsonNode> AdvanceAsync(double seconds) =>
        SendJsonAsync(HttpMethod.Post, "/api/v1/clock/advance", "{\"seconds\":" + seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}", StatusCodes.Status200OK);

    public Task<JsonNode> StateAsync(string id) => GetJsonAsync($"/api/v1/devices/{id}");

    /// <summary>Reads a problem answer and checks it is RFC 7807 with a detail.</summary>
    public static async Task<JsonNode> ExpectProblemAsync(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(status, "the answer was {0}", text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", "the answer was {0}", text);
        var problem = JsonNode.Parse(text)!;
        problem["status"]!.GetValue<int>().Should().Be(status);
        problem["title"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        problem["detail"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        return problem;
    }

    public async Task<JsonNode> ExpectProblemAsync(HttpMethod method, string path, string json, int status)
    {
        using var response = await SendJsonAsync(method, path, json);
        return await ExpectProblemAsync(response, status);
    }

    public static async Task<JsonNode> ExpectJsonAsync(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(status, "the answer was {0}", text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/json");
        return JsonNode.Parse(text)!;
    }

    public void UseToken(string token) => Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}

public static class JsonNodeExtensions
{
    public static string Str(this JsonNode node, string path) => Get(node, path)!.GetValue<string>();

    public static double Num(this JsonNode node, string path) => Get(node, path)!.GetValue<double>();

    public static bool Bool(this JsonNode node, string path) => Get(node, path)!.GetValue<bool>();

    public static bool Has(this JsonNode node, string path) => Get(node, path) is not null;

    /// <summary>Follows a dotted path (<c>power.source.kind</c>, <c>leds.status.color</c>).</summary>
    public static JsonNode? Get(this JsonNode node, string path)
    {
        JsonNode? current = node;
        foreach (var part in path.Split('.'))
        {
            current = current is JsonObject obj && obj.TryGetPropertyValue(part, out var next) ? next : null;
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }
}
