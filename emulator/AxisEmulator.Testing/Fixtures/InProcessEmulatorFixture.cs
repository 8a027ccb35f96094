using System.Collections.Concurrent;
using AxisEmulator.Control;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Hosting;
using AxisEmulator.Vapix.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using CoreClockMode = AxisEmulator.Core.Clock.ClockMode;

namespace AxisEmulator.Testing;

/// <summary>How an <see cref="InProcessEmulatorFixture"/> is set up.</summary>
public sealed record InProcessEmulatorOptions
{
    /// <summary>Seed of every random choice (serials, boot ids, a mushy button).</summary>
    public int Seed { get; init; }

    /// <summary>The <c>hardware-profiles</c> directory; default: the one shipped next to the test assembly (or above it).</summary>
    public string? ProfilesDirectory { get; init; }

    /// <summary>Where device state is stored; null (default) keeps it in memory.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>DHCP pool of the emulated LAN (<c>192.168.0.100-192.168.0.199</c>); null: no DHCP server.</summary>
    public string? DhcpPool { get; init; }

    /// <summary>Require this bearer token on <c>/api/*</c> (the client sends it).</summary>
    public string? BearerToken { get; init; }

    /// <summary>
    /// Open each device's real VAPIX listener on 127.0.0.1 (free ports) while its network is up, so a
    /// tool under test can talk to the emulated camera over HTTP. Off by default: no sockets at all.
    /// </summary>
    public bool DeviceListeners { get; init; }

    /// <summary>Devices added when the fixture starts.</summary>
    public IReadOnlyList<CreateDeviceRequest> Devices { get; init; } = [];

    /// <summary>
    /// The wall clock of the whole in-process system: the emulator's (its listeners' sockets) and the
    /// client's retries and polls; null: the system's. Manual simulated time does not depend on it.
    /// </summary>
    public TimeProvider? WallClock { get; init; }
}

/// <summary>
/// The emulator in-process as <c>serve</c> composes it (<c>AddAxisEmulator</c>), in <b>manual</b> time,
/// with its control API on an in-memory TestServer:
/// no ports, nothing moves until the test says so, and a two-minute reset runs in milliseconds. Use it
/// as an xunit class or collection fixture (subclass it to pass options), or per test with
/// <c>await using var emulator = await InProcessEmulatorFixture.StartAsync();</c>.
/// </summary>
public class InProcessEmulatorFixture : EmulatorFixture<InProcessEmulatorOptions>
{
    private static readonly ConcurrentDictionary<string, Lazy<ProfileCatalog>> Catalogs = new(StringComparer.Ordinal);

    private Emulator? _emulator;
    private WebApplication? _app;
    private DeviceListenerSet? _listeners;

    public InProcessEmulatorFixture()
        : this(new InProcessEmulatorOptions())
    {
    }

    /// <inheritdoc cref="EmulatorFixture{TOptions}(TOptions)"/>
    protected InProcessEmulatorFixture(InProcessEmulatorOptions options)
        : base(options)
    {
    }

    /// <summary>The emulator itself: its clock, profiles and devices, for what the API does not reach.</summary>
    public Emulator Emulator => _emulator ?? throw NotStarted();

    /// <summary>The devices' real listeners, when <see cref="InProcessEmulatorOptions.DeviceListeners"/> is set.</summary>
    public DeviceListenerSet? Listeners => _listeners;

    /// <summary>Starts a fixture outside xunit's lifecycle (dispose it with <c>await using</c>).</summary>
    public static Task<InProcessEmulatorFixture> StartAsync(InProcessEmulatorOptions? options = null) =>
        StartOutsideXunitAsync(new InProcessEmulatorFixture(options ?? new InProcessEmulatorOptions()));

    /// <summary>Moves simulated time forward by <paramref name="duration"/>, running every event due on the way.</summary>
    public void Advance(TimeSpan duration) => Emulator.Clock.Advance(duration);

    /// <summary>Runs events until none is pending or the next lies beyond <paramref name="max"/>; true when idle.</summary>
    public bool AdvanceUntilIdle(TimeSpan max) => Emulator.Clock.RunUntilIdle(max);

    /// <summary>The device <paramref name="deviceId"/> of the emulator (throws when there is none).</summary>
    public Device SimulatedDevice(string deviceId) =>
        Emulator.TryGet(deviceId, out var camera) && camera is not null
            ? camera
            : throw new ArgumentException($"No device '{deviceId}'; known: {string.Join(", ", Emulator.Devices.Select(d => d.Id))}.", nameof(deviceId));

    /// <summary>
    /// Gives the device an admin account, as if it had been installed and configured (so a factory
    /// reset has something to erase). The control API has no user calls — users are the camera's
    /// VAPIX business — so this goes to the emulator directly.
    /// </summary>
    public void AddAdminAccount(string deviceId, string user = "root", string password = "pass")
    {
        var camera = SimulatedDevice(deviceId);
        camera.UpdateConfig(
            c => (c with { Users = [.. c.Users.Where(u => u.Name != user), UserAccount.Create(user, password, camera.Identity.Realm, UserRole.Admin)] }, 0),
            $"test setup: admin account {user}");
    }

    /// <summary>
    /// The device's real VAPIX endpoint (<c>http://127.0.0.1:port</c>) once its listener matches its
    /// network state; null while the listener has never opened. Needs <see cref="InProcessEmulatorOptions.DeviceListeners"/>.
    /// </summary>
    public async Task<Uri?> DeviceEndpointAsync(string deviceId)
    {
        var listeners = _listeners ?? throw new InvalidOperationException("Device listeners are off: start the fixture with InProcessEmulatorOptions { DeviceListeners = true }.");
        await listeners.SettledAsync(deviceId);
        return listeners.IsOpen(deviceId) ? listeners.EndpointOf(deviceId) : null;
    }

    protected override async Task<AxisEmulatorClient> StartAsync()
    {
        var profilesDirectory = Options.ProfilesDirectory ?? HardwareProfilesDirectory.Find();
        var catalog = Catalogs.GetOrAdd(Path.GetFullPath(profilesDirectory), dir => new Lazy<ProfileCatalog>(() => ProfileCatalog.Load(dir))).Value;

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ApplicationName = typeof(InProcessEmulatorFixture).Assembly.GetName().Name });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddAxisEmulator(new AxisEmulatorOptions
        {
            Emulator = new EmulatorOptions { ClockMode = CoreClockMode.Manual, Seed = Options.Seed, StateDirectory = Options.StateDirectory, DhcpPool = Options.DhcpPool, WallClock = Options.WallClock },
            Profiles = catalog,
            Listeners = Options.DeviceListeners ? new ListenerLayout { BasePort = 0 } : null,
            HardwareProfilesDirectory = profilesDirectory,
            Control = new ControlOptions { BearerToken = Options.BearerToken },
        });
        var app = builder.Build();
        _app = app;
        app.MapAxisEmulator();
        _emulator = app.Services.GetRequiredService<Emulator>();
        _listeners = app.Services.GetService<DeviceListenerSet>();
        await app.StartAsync();

        var http = app.GetTestClient();
        var client = new AxisEmulatorClient(http, Options.BearerToken, disposeHttpClient: true, wallClock: _emulator.Clock.Wall);
        foreach (var device in Options.Devices)
        {
            await client.CreateDeviceAsync(device);
        }

        return client;
    }

    protected override async Task StopAsync()
    {
        // The app's container owns the emulator and its listeners.
        _emulator = null;
        _listeners = null;
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
