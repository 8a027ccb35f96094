using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Vapix.Hosting;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Control.Scenarios;

/// <summary>
/// Sends a scenario's <c>vapix</c> steps over real HTTP to the device's loopback listener, the way a
/// provisioning tool would: Digest (or Basic, whatever the device offers) through
/// <see cref="NetworkCredential"/>, a fresh connection per request (a camera that rebooted has
/// dropped the old ones). A closed listener surfaces as the socket error a tool would see.
/// </summary>
public sealed class HttpScenarioVapixClient : IScenarioVapixClient
{
    /// <summary>Wall-clock limit of one request (and of the device's follow-up); simulated time stands still meanwhile.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly DeviceListenerSet _listeners;
    private readonly VapixServices _vapix;

    public HttpScenarioVapixClient(DeviceListenerSet listeners, VapixServices vapix)
    {
        ArgumentNullException.ThrowIfNull(listeners);
        ArgumentNullException.ThrowIfNull(vapix);
        _listeners = listeners;
        _vapix = vapix;
    }

    public async Task<ScenarioVapixResponse> SendAsync(Camera device, ScenarioVapixRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(request);

        // The listener follows the device asynchronously: let it catch up with the last clock advance.
        await _listeners.SettledAsync(device.Id).WaitAsync(RequestTimeout, cancellationToken);
        if (!_listeners.IsOpen(device.Id) || _listeners.EndpointOf(device.Id) is not { } endpoint)
        {
            throw new HttpRequestException($"connection refused: {device.Id} is {device.Phase.ToKebab()} and its HTTP listener is closed");
        }

        using var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PreAuthenticate = false,
            Credentials = request.User is null ? null : new NetworkCredential(request.User, request.Password ?? ""),
        };
        using var http = new HttpClient(handler) { Timeout = RequestTimeout };
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(endpoint, request.Path));
        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType ?? DefaultContentType(request.Body));
        }

        using var response = await http.SendAsync(message, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var contentType = response.Content.Headers.ContentType?.ToString();

        // What the device does after answering (a restart, a factory default) has happened by the
        // time a real client could look again; so has the listener's reaction to it.
        await _vapix.DeviceFor(device).DeferredActionsDone.WaitAsync(RequestTimeout, cancellationToken);
        await _listeners.SettledAsync(device.Id).WaitAsync(RequestTimeout, cancellationToken);
        return new ScenarioVapixResponse((int)response.StatusCode, contentType, body);
    }

    private static string DefaultContentType(string body) =>
        body.TrimStart().StartsWith('{') ? "application/json" : "application/x-www-form-urlencoded";
}

/// <summary>
/// A manual-time emulator whose devices have real VAPIX listeners on free loopback ports, and the
/// client that reaches them: what a scenario that <c>requires: [vapix]</c> runs on.
/// </summary>
public sealed class ScenarioVapixHost : IAsyncDisposable
{
    private ScenarioVapixHost(Emulator emulator, DeviceListenerSet listeners, HttpScenarioVapixClient client)
    {
        Emulator = emulator;
        Listeners = listeners;
        Client = client;
    }

    public Emulator Emulator { get; }

    public DeviceListenerSet Listeners { get; }

    public HttpScenarioVapixClient Client { get; }

    public static ScenarioVapixHost Start(Core.Profiles.ProfileCatalog profiles, int seed)
    {
        var emulator = new Emulator(new EmulatorOptions { ClockMode = Core.Clock.ClockMode.Manual, Seed = seed }, profiles);
        try
        {
            var (listeners, vapix) = VapixServer.Listen(emulator, new ListenerLayout { BasePort = 0 });
            return new ScenarioVapixHost(emulator, listeners, new HttpScenarioVapixClient(listeners, vapix));
        }
        catch
        {
            emulator.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Listeners.DisposeAsync();
        Emulator.Dispose();
    }
}

/// <summary>Runs a scenario on an emulator of its own, with real VAPIX listeners when it needs them.</summary>
public static class ScenarioExecution
{
    /// <summary>
    /// Runs <paramref name="scenario"/> on a fresh manual-time emulator; one that sends VAPIX requests
    /// gets real loopback listeners on free ports and an HTTP client.
    /// </summary>
    public static async Task<ScenarioReport> RunIsolatedAsync(Scenario scenario, Core.Profiles.ProfileCatalog profiles, ScenarioRunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        if (!scenario.RequiresVapix)
        {
            return await ScenarioRunner.RunAsync(scenario, profiles, options, cancellationToken);
        }

        await using var host = ScenarioVapixHost.Start(profiles, scenario.Seed ?? 0);
        return await ScenarioRunner.RunAsync(scenario, host.Emulator, options with { Vapix = host.Client }, cancellationToken);
    }
}
