using System.Net;
using AxisEmulator.Control;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Hosting;
using AxisEmulator.Vapix.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AxisEmulator.TestSupport;

/// <summary>How an <see cref="EmulatorTestHost"/> is set up; the defaults are what most tests want.</summary>
public sealed record EmulatorTestHostOptions
{
    public int Seed { get; init; } = 7;

    public ClockMode ClockMode { get; init; } = ClockMode.Manual;

    public ControlOptions Control { get; init; } = new();

    /// <summary>Open the devices' real VAPIX listeners on free loopback ports.</summary>
    public bool DeviceListeners { get; init; }

    /// <summary>Serve on Kestrel at a free 127.0.0.1 port (a browser can reach it) instead of an in-memory TestServer.</summary>
    public bool Kestrel { get; init; }
}

/// <summary>
/// The emulator as <c>serve</c> composes it (<c>AddAxisEmulator</c> + <c>MapAxisEmulator</c>), for a
/// test: the shipped profiles, in-memory state, manual time by default, on a TestServer or on Kestrel.
/// </summary>
public sealed class EmulatorTestHost : IAsyncDisposable
{
    private EmulatorTestHost(WebApplication app, HttpClient client, Uri baseAddress)
    {
        App = app;
        Client = client;
        BaseAddress = baseAddress;
        Emulator = app.Services.GetRequiredService<Emulator>();
        Listeners = app.Services.GetService<DeviceListenerSet>();
    }

    public WebApplication App { get; }

    public Emulator Emulator { get; }

    /// <summary>The devices' listeners, with <see cref="EmulatorTestHostOptions.DeviceListeners"/>.</summary>
    public DeviceListenerSet? Listeners { get; }

    /// <summary>A client of the control API (its base address is the control URL).</summary>
    public HttpClient Client { get; }

    public Uri BaseAddress { get; }

    public static async Task<EmulatorTestHost> StartAsync(EmulatorTestHostOptions? options = null)
    {
        options ??= new EmulatorTestHostOptions();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        if (options.Kestrel)
        {
            builder.WebHost.UseKestrel(kestrel =>
            {
                ControlPortLimits.ApplyTo(kestrel); // the control port's bounds, as serve sets them
                kestrel.Listen(IPAddress.Loopback, 0);
            });
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Logging.ClearProviders();
        builder.Services.AddAxisEmulator(new AxisEmulatorOptions
        {
            Emulator = new EmulatorOptions { ClockMode = options.ClockMode, Seed = options.Seed },
            Profiles = ShippedProfiles.Catalog,
            Listeners = options.DeviceListeners ? new ListenerLayout { BasePort = 0 } : null,
            HardwareProfilesDirectory = RepositoryPaths.HardwareProfiles,
            Control = options.Control,
        });
        var app = builder.Build();
        try
        {
            app.MapAxisEmulator();
            await app.StartAsync();
            if (!options.Kestrel)
            {
                var client = app.GetTestClient();
                return new EmulatorTestHost(app, client, client.BaseAddress!);
            }

            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
            return new EmulatorTestHost(app, new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) }, address);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>The device <paramref name="id"/> (throws when there is none).</summary>
    public Device Device(string id) => Emulator.TryGet(id, out var camera) && camera is not null ? camera : throw new InvalidOperationException($"no device {id}");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
