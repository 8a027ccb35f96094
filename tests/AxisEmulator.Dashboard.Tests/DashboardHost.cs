using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Profiles;
using Microsoft.AspNetCore.Builder;

namespace AxisEmulator.Dashboard.Tests;

/// <summary>
/// A real control server for the browser: the emulator as the host composes it (<see cref="EmulatorTestHost"/>)
/// on Kestrel at 127.0.0.1 with a free port, in manual time over the shipped profiles and in-memory state.
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    private readonly EmulatorTestHost _host;

    private DashboardHost(EmulatorTestHost host)
    {
        _host = host;
    }

    public Emulator Emulator => _host.Emulator;

    public WebApplication App => _host.App;

    public Uri BaseUrl => _host.BaseAddress;

    public HttpClient Client => _host.Client;

    /// <param name="deviceListeners">Real VAPIX listeners (HTTP and HTTPS on free loopback ports), for what only they report.</param>
    public static async Task<DashboardHost> StartAsync(ClockMode mode = ClockMode.Manual, int seed = 7, bool deviceListeners = false) =>
        new(await EmulatorTestHost.StartAsync(new EmulatorTestHostOptions { ClockMode = mode, Seed = seed, Kestrel = true, DeviceListeners = deviceListeners }));

    public Device Device(string id) => _host.Device(id);

    /// <summary>Adds a device through the API, powered with <paramref name="powerJson"/> (a PowerRequest) when given.</summary>
    public async Task<Device> AddAsync(string id, string profile = ProfileCatalog.DefaultProfileId, string? powerJson = null)
    {
        var body = powerJson is null
            ? $$"""{"id":"{{id}}","profile":"{{profile}}"}"""
            : $$"""{"id":"{{id}}","profile":"{{profile}}","power":{{powerJson}}}""";
        await SendAsync(HttpMethod.Post, "api/v1/devices", body);
        return Device(id);
    }

    /// <summary>Gives the camera an admin account: it is in service, not in setup mode.</summary>
    public static void AddAdmin(Device camera) =>
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

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
