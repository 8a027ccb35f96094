using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AxisEmulator.Control;
using AxisEmulator.Control.Dashboard;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Profiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AxisEmulator.Dashboard.Tests;

/// <summary>
/// A real control server for the browser: Kestrel on 127.0.0.1 with a free port, the control API and
/// the dashboard over an emulator in manual time (shipped profiles, in-memory state) — what the host does.
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    private static readonly Lazy<ProfileCatalog> Catalog = new(() => ProfileCatalog.Load(Path.Combine(RepositoryRoot.Path, "hardware-profiles")));

    private DashboardHost(Emulator emulator, WebApplication app, Uri baseUrl)
    {
        Emulator = emulator;
        App = app;
        BaseUrl = baseUrl;
        Client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Emulator Emulator { get; }

    public WebApplication App { get; }

    public Uri BaseUrl { get; }

    public HttpClient Client { get; }

    public static async Task<DashboardHost> StartAsync(ClockMode mode = ClockMode.Manual, int seed = 7)
    {
        var emulator = new Emulator(new EmulatorOptions { ClockMode = mode, Seed = seed }, Catalog.Value);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddAxisEmulatorControl(emulator);
        var app = builder.Build();
        app.MapControlApi();
        app.MapDashboard(new DashboardOptions { ScenariosDirectory = Path.Combine(RepositoryRoot.Path, "scenarios") });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DashboardHost(emulator, app, new Uri(address.TrimEnd('/') + "/"));
    }

    public Camera Device(string id) => Emulator.TryGet(id, out var camera) ? camera! : throw new InvalidOperationException($"no device {id}");

    /// <summary>Adds a device through the API, powered with <paramref name="powerJson"/> (a PowerRequest) when given.</summary>
    public async Task<Camera> AddAsync(string id, string profile = ProfileCatalog.DefaultProfileId, string? powerJson = null)
    {
        var body = powerJson is null
            ? $$"""{"id":"{{id}}","profile":"{{profile}}"}"""
            : $$"""{"id":"{{id}}","profile":"{{profile}}","power":{{powerJson}}}""";
        await SendAsync(HttpMethod.Post, "api/v1/devices", body);
        return Device(id);
    }

    /// <summary>Gives the camera an admin account: it is in service, not in setup mode.</summary>
    public static void AddAdmin(Camera camera) =>
        camera.UpdateConfig(
            c => (c with { Users = [.. c.Users, UserAccount.Create("root", "pass", camera.Identity.Realm, UserRole.Admin)] }, 0),
            "test setup: admin account root");

    public Task<JsonNode> AdvanceAsync(double seconds) =>
        SendAsync(HttpMethod.Post, "api/v1/clock/advance", "{\"seconds\":" + seconds.ToString(CultureInfo.InvariantCulture) + "}");

    public Task<JsonNode> AdvanceUntilIdleAsync(double maxSeconds = 3600) =>
        SendAsync(HttpMethod.Post, "api/v1/clock/advance", "{\"untilIdle\":true,\"maxSeconds\":" + maxSeconds.ToString(CultureInfo.InvariantCulture) + "}");

    public async Task<JsonNode> GetAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue("GET {0} answered {1}: {2}", path, (int)response.StatusCode, text);
        return JsonNode.Parse(text)!;
    }

    public async Task<JsonNode> SendAsync(HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue("{0} {1} answered {2}: {3}", method, path, (int)response.StatusCode, text);
        return JsonNode.Parse(text)!;
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public async Task<T?> GetFromJsonAsync<T>(string path) => await Client.GetFromJsonAsync<T>(path);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
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
