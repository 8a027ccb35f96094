using System.Runtime.CompilerServices;
using Xunit;

namespace AxisEmulator.Testing;

/// <summary>
/// What both fixtures offer a test: the <see cref="Client"/>, device handles, and moving manual time
/// through the control API — by a duration, or until a device reaches a condition.
/// </summary>
public abstract class EmulatorFixture : IAsyncLifetime, IAsyncDisposable
{
    private AxisEmulatorClient? _client;

    /// <summary>The control API client (available once the fixture has started).</summary>
    public AxisEmulatorClient Client => _client ?? throw NotStarted();

    /// <summary>A handle on device <paramref name="id"/>.</summary>
    public EmulatedDevice Device(string id) => Client.Device(id);

    /// <summary>Adds a device through the control API and returns its handle.</summary>
    public async Task<EmulatedDevice> AddDeviceAsync(string? id = null, string? profile = null, bool powerOn = false, PowerSource? source = null, CancellationToken cancellationToken = default)
    {
        var state = await Client.CreateDeviceAsync(id, profile, powerOn, source, cancellationToken: cancellationToken);
        return Client.Device(state.Id);
    }

    /// <summary>Moves manual time forward through the control API.</summary>
    public Task<AdvanceResult> AdvanceAsync(TimeSpan duration, CancellationToken cancellationToken = default) =>
        Client.AdvanceAsync(duration, cancellationToken);

    /// <summary>
    /// Advances simulated time — event by event, or by <paramref name="step"/> — until device
    /// <paramref name="deviceId"/> satisfies <paramref name="condition"/>, and returns that state. Fails
    /// with <see cref="AxisEmulatorTimeoutException"/> after <paramref name="within"/>, the message
    /// naming the condition, the phases and status LED states on the way, and the last state.
    /// </summary>
    /// <example><c>await fixture.AdvanceUntilAsync("cam-1", d =&gt; d.Leds.Status.Pattern == "flashing", within: TimeSpan.FromSeconds(30));</c></example>
    public Task<DeviceState> AdvanceUntilAsync(
        string deviceId,
        Func<DeviceState, bool> condition,
        TimeSpan within,
        TimeSpan? step = null,
        [CallerArgumentExpression(nameof(condition))] string? conditionText = null,
        CancellationToken cancellationToken = default) =>
        Client.WaitForAsync(deviceId, condition, within, step, conditionText, cancellationToken);

    /// <summary>Starts the emulator (xunit calls this before the first test that uses the fixture).</summary>
    public async Task InitializeAsync() => _client = await StartAsync();

    /// <summary>Stops the emulator and releases everything the fixture started.</summary>
    public async Task DisposeAsync()
    {
        var client = _client;
        _client = null;
        try
        {
            await StopAsync();
        }
        finally
        {
            client?.Dispose();
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts the emulator and returns a client of its control API.</summary>
    protected abstract Task<AxisEmulatorClient> StartAsync();

    /// <summary>Stops what <see cref="StartAsync"/> started (also after a failed start).</summary>
    protected abstract Task StopAsync();

    protected InvalidOperationException NotStarted() =>
        new($"{GetType().Name} has not started: use it as an xunit fixture (IClassFixture/ICollectionFixture) or call InitializeAsync first.");

    /// <summary>Starts <paramref name="fixture"/> outside xunit's lifecycle, disposing it when the start fails.</summary>
    protected static async Task<TFixture> StartOutsideXunitAsync<TFixture>(TFixture fixture)
        where TFixture : EmulatorFixture
    {
        ArgumentNullException.ThrowIfNull(fixture);
        try
        {
            await fixture.InitializeAsync();
            return fixture;
        }
        catch
        {
            await fixture.DisposeAsync();
            throw;
        }
    }
}

/// <summary>A fixture set up by <typeparamref name="TOptions"/>.</summary>
public abstract class EmulatorFixture<TOptions> : EmulatorFixture
    where TOptions : class
{
    /// <summary>Subclass with a parameterless constructor to use it as an xunit fixture (xunit wants exactly one public constructor).</summary>
    protected EmulatorFixture(TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    public TOptions Options { get; }
}
