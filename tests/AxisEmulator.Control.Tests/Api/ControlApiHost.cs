using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AxisEmulator.Control.Tests.Api;

/// <summary>
/// The control plane on a TestServer over an emulator in manual time with the shipped profiles and
/// in-memory state — exactly what a host does with AddAxisEmulatorControl and MapControlApi.
/// </summary>
public sealed class ControlApiHost : IAsyncDisposable
{
    private static readonly Lazy<ProfileCatalog> Catalog = new(() => ProfileCatalog.Load(Path.Combine(RepositoryRoot.Path, "hardware-profiles")));

    private ControlApiHost(Emulator emulator, WebApplication app, DeviceListenerSet? listeners)
    {
        Emulator = emulator;
        App = app;
        Listeners = listeners;
        Client = app.GetTestClient();
    }

    public Emulator Emulator { get; }

    public WebApplication App { get; }

    public DeviceListenerSet? Listeners { get; }

    public HttpClient Client { get; }

    public TestServer Server => (TestServer)App.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>();

    public static ProfileCatalog Profiles => Catalog.Value;

    public static async Task<ControlApiHost> StartAsync(ControlOptions? options = null, bool withListeners = false, int seed = 7)
    {
        var emulator = new Emulator(new EmulatorOptions { ClockMode = ClockMode.Manual, Seed = seed }, Catalog.Value);
        DeviceListenerSet? listeners = withListeners
            ? new DeviceListenerSet(emulator, camera => context => context.Response.WriteAsync("camera " + camera.Id))
            : null;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddAxisEmulatorControl(emulator, listeners, options);
        var app = builder.Build();
        app.MapControlApi();
        await app.StartAsync();
        return new ControlApiHost(emulator, app, listeners);
    }

    public Camera Device(string id) => Emulator.TryGet(id, out var camera) ? camera! : throw new InvalidOperationException($"no device {id}");

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

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (Listeners is not null)
        {
            await Listeners.DisposeAsync();
        }

        Emulator.Dispose();
    }
}

public static class RepositoryRoot
{
    /// <summary>The nearest directory above the test binaries that holds AxisEmulator.sln.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "AxisEmulator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AxisEmulator.sln not found above " + AppContext.BaseDirectory);
    }
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
