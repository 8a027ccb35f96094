using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;

namespace AxisEmulator.Client;

/// <summary>
/// Typed client of the emulator's control API (DESIGN.md §7): profiles, devices, power, the control
/// button, faults, timelines, the VAPIX request journal, the simulation clock, the event stream and
/// health. Every error answer becomes an <see cref="AxisEmulatorApiException"/> carrying the
/// problem's title, detail and status. Works against an in-process emulator (see
/// <c>InProcessEmulatorFixture</c>) or any emulator reachable over HTTP.
/// </summary>
/// <example>
/// <code>
/// using var client = new AxisEmulatorClient(new Uri("http://127.0.0.1:8080"));
/// await client.CreateDeviceAsync(id: "lobby", powerOn: true);
/// await client.AdvanceAsync(TimeSpan.FromMinutes(2));
/// var lobby = await client.GetDeviceAsync("lobby");
/// </code>
/// </example>
public sealed class AxisEmulatorClient : IDisposable
{
    /// <summary>Where <c>AxisEmulator serve</c> listens by default.</summary>
    public static Uri DefaultBaseAddress { get; } = new("http://127.0.0.1:8080/");

    /// <summary>Most steps one wait may take (each is one advance and one read).</summary>
    public const int MaxWaitSteps = 100_000;

    private const string Api = "api/v1/";

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly string? _token;

    /// <summary>A client with its own <see cref="System.Net.Http.HttpClient"/> (30 s timeout) for the emulator at <paramref name="baseAddress"/>.</summary>
    public AxisEmulatorClient(Uri baseAddress, string? bearerToken = null, TimeProvider? wallClock = null)
        : this(new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) }, bearerToken, disposeHttpClient: true, wallClock)
    {
    }

    /// <summary>
    /// A client over <paramref name="httpClient"/>, whose <see cref="HttpClient.BaseAddress"/> is the
    /// emulator's control URL (a path prefix, for a reverse proxy, is kept). With
    /// <paramref name="bearerToken"/>, every request carries <c>Authorization: Bearer &lt;token&gt;</c>.
    /// <paramref name="wallClock"/> times the client's retries, polls and deadlines (see <see cref="WallClock"/>).
    /// </summary>
    public AxisEmulatorClient(HttpClient httpClient, string? bearerToken = null, bool disposeHttpClient = false, TimeProvider? wallClock = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        var baseAddress = httpClient.BaseAddress
            ?? throw new ArgumentException("The HttpClient needs a BaseAddress: the emulator's control URL, e.g. http://127.0.0.1:8080/.", nameof(httpClient));
        if (!baseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException($"The HttpClient's BaseAddress must be absolute (got '{baseAddress}').", nameof(httpClient));
        }

        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        _http = httpClient;
        _ownsHttp = disposeHttpClient;
        _token = string.IsNullOrEmpty(bearerToken) ? null : bearerToken;
        WallClock = wallClock ?? WallTime.System;
    }

    /// <summary>
    /// The wall clock of the client's retries, polls and deadlines (the pauses of
    /// <see cref="WaitUntilHealthyAsync"/> and <see cref="WaitForRequestAsync"/>, polling in realtime,
    /// the event stream's deadlines): the system's unless one was given, a fake in a test.
    /// Simulated time is the emulator's; this is the time the answers take to come.
    /// </summary>
    public TimeProvider WallClock { get; }

    /// <summary>The control URL every path is relative to (always ends with '/').</summary>
    public Uri BaseAddress { get; }

    /// <summary>The HTTP client underneath (for a timeout, or a call this client lacks).</summary>
    public HttpClient HttpClient => _http;

    /// <summary>A handle on one device, for code (and assertions) that read like the domain.</summary>
    public EmulatedDevice Device(string id) => new(this, id);

    // ---- health ----------------------------------------------------------------------------------

    /// <summary><c>GET /healthz</c> (needs no token).</summary>
    public Task<HealthStatus> GetHealthAsync(CancellationToken cancellationToken = default) =>
        SendAsync<HealthStatus>(HttpMethod.Get, "healthz", null, cancellationToken);

    /// <summary>
    /// Polls <c>/healthz</c> until it answers healthy: at most <paramref name="attempts"/> tries, each
    /// bounded by <paramref name="attemptTimeout"/> (default 2 s), <paramref name="interval"/> apart
    /// (default 100 ms). Throws <see cref="TimeoutException"/> with the last error when it never does.
    /// </summary>
    public async Task<HealthStatus> WaitUntilHealthyAsync(int attempts = 100, TimeSpan? interval = null, TimeSpan? attemptTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        var pause = interval ?? TimeSpan.FromMilliseconds(100);
        var perTry = attemptTimeout ?? TimeSpan.FromSeconds(2);
        string? lastError = null;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            using var tryLimit = new CancellationTokenSource(perTry, WallClock);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, tryLimit.Token);
            try
            {
                var health = await GetHealthAsync(timeout.Token);
                if (health.IsHealthy)
                {
                    return health;
                }

                lastError = $"/healthz said '{health.Status}'";
            }
            catch (HttpRequestException ex)
            {
                lastError = ex.Message;
            }
            catch (AxisEmulatorApiException ex)
            {
                lastError = ex.Message;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lastError = $"no answer within {SimulatedTime.Format(perTry)}";
            }

            if (attempt < attempts)
            {
                await Task.Delay(pause, WallClock, cancellationToken);
            }
        }

        throw new TimeoutException($"The emulator at {BaseAddress} did not become healthy after {attempts} attempts {pause.TotalMilliseconds:0} ms apart; last: {lastError}.");
    }

    // ---- profiles --------------------------------------------------------------------------------

    /// <summary>Every hardware profile, sorted by id.</summary>
    public async Task<IReadOnlyList<HardwareProfile>> GetProfilesAsync(CancellationToken cancellationToken = default) =>
        await SendAsync<HardwareProfile[]>(HttpMethod.Get, Api + "profiles", null, cancellationToken);

    /// <summary>One hardware profile (the id is case-insensitive).</summary>
    public Task<HardwareProfile> GetProfileAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync<HardwareProfile>(HttpMethod.Get, Api + "profiles/" + Escape(id), null, cancellationToken);

    // ---- devices ---------------------------------------------------------------------------------

    /// <summary>Every device, in the order they were added.</summary>
    public async Task<IReadOnlyList<DeviceState>> GetDevicesAsync(CancellationToken cancellationToken = default) =>
        await SendAsync<DeviceState[]>(HttpMethod.Get, Api + "devices", null, cancellationToken);

    /// <summary>A device's state as of now in simulated time.</summary>
    public Task<DeviceState> GetDeviceAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync<DeviceState>(HttpMethod.Get, DevicePath(id), null, cancellationToken);

    /// <summary>Adds a device (409 when the id exists, 400 for an unknown profile or a bad serial).</summary>
    public Task<DeviceState> CreateDeviceAsync(CreateDeviceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync<DeviceState>(HttpMethod.Post, Api + "devices", request, cancellationToken);
    }

    /// <summary>
    /// Adds a device of <paramref name="profile"/> (the emulator's default when null) with an id
    /// (<c>cam-N</c> when null); <paramref name="powerOn"/> plugs it into <paramref name="source"/>
    /// (or the default: PoE at its own class over 10 m of Cat5e).
    /// </summary>
    public Task<DeviceState> CreateDeviceAsync(string? id = null, string? profile = null, bool powerOn = false, PowerSource? source = null, string? serial = null, CancellationToken cancellationToken = default) =>
        CreateDeviceAsync(
            new CreateDeviceRequest
            {
                Id = id,
                Profile = profile,
                Serial = serial,
                Power = powerOn || source is not null ? new PowerRequest(true, source) : null,
            },
            cancellationToken);

    /// <summary>Powers the device off and forgets it; <paramref name="deleteState"/> also erases its stored configuration.</summary>
    public Task DeleteDeviceAsync(string id, bool deleteState = false, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, DevicePath(id) + (deleteState ? "?deleteState=true" : ""), null, cancellationToken);

    // ---- inputs ----------------------------------------------------------------------------------

    /// <summary>Plugs in <paramref name="source"/> (or changes the source of a powered device); without one, the current source or the default.</summary>
    public Task<DeviceState> PowerOnAsync(string id, PowerSource? source = null, CancellationToken cancellationToken = default) =>
        SetPowerAsync(id, new PowerRequest(true, source), cancellationToken);

    /// <summary>Pulls the plug.</summary>
    public Task<DeviceState> PowerOffAsync(string id, CancellationToken cancellationToken = default) =>
        SetPowerAsync(id, new PowerRequest(false), cancellationToken);

    /// <summary><c>PUT /api/v1/devices/{id}/power</c>.</summary>
    public Task<DeviceState> SetPowerAsync(string id, PowerRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync<DeviceState>(HttpMethod.Put, DevicePath(id) + "/power", request, cancellationToken);
    }

    /// <summary>Presses the control button and keeps it down (until <see cref="ReleaseButtonAsync"/>).</summary>
    public Task<DeviceState> PressButtonAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync<DeviceState>(HttpMethod.Post, DevicePath(id) + "/button", new ButtonRequest(ButtonAction.Press), cancellationToken);

    /// <summary>Takes the finger off the control button.</summary>
    public Task<DeviceState> ReleaseButtonAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync<DeviceState>(HttpMethod.Post, DevicePath(id) + "/button", new ButtonRequest(ButtonAction.Release), cancellationToken);

    /// <summary>
    /// Presses the button now and releases it <paramref name="seconds"/> later in simulated time (the
    /// release is an event on the emulator's clock: in manual time, advance the clock past it).
    /// </summary>
    public Task<ButtonHoldAccepted> HoldButtonAsync(string id, double seconds, CancellationToken cancellationToken = default) =>
        SendAsync<ButtonHoldAccepted>(HttpMethod.Post, DevicePath(id) + "/button", new ButtonRequest(ButtonAction.Hold, seconds), cancellationToken);

    /// <inheritdoc cref="HoldButtonAsync(string, double, CancellationToken)"/>
    public Task<ButtonHoldAccepted> HoldButtonAsync(string id, TimeSpan duration, CancellationToken cancellationToken = default) =>
        HoldButtonAsync(id, duration.TotalSeconds, cancellationToken);

    /// <summary>Sets the button condition, bricks or repairs the unit, cuts or restores its network link.</summary>
    public Task<DeviceState> SetFaultsAsync(string id, DeviceFaults faults, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(faults);
        return SendAsync<DeviceState>(HttpMethod.Put, DevicePath(id) + "/faults", faults, cancellationToken);
    }

    // ---- what happened ---------------------------------------------------------------------------

    /// <summary>The device's timeline entries after <paramref name="since"/> (0: everything still held), optionally of some kinds only.</summary>
    public Task<TimelinePage> GetTimelineAsync(string id, long since = 0, IEnumerable<TimelineKind>? kinds = null, CancellationToken cancellationToken = default)
    {
        var query = new Query().Add("since", since > 0 ? since.ToString(CultureInfo.InvariantCulture) : null).Add("kind", Join(kinds?.Select(k => k.Value)));
        return SendAsync<TimelinePage>(HttpMethod.Get, DevicePath(id) + "/timeline" + query, null, cancellationToken);
    }

    /// <summary>The VAPIX requests the device answered after <paramref name="since"/>.</summary>
    public Task<RequestJournal> GetRequestsAsync(string id, long since = 0, CancellationToken cancellationToken = default)
    {
        var query = new Query().Add("since", since > 0 ? since.ToString(CultureInfo.InvariantCulture) : null);
        return SendAsync<RequestJournal>(HttpMethod.Get, DevicePath(id) + "/requests" + query, null, cancellationToken);
    }

    /// <summary>
    /// Reads the device's request journal until a request matches <paramref name="match"/> and returns it.
    /// A device journals a request just after its answer has gone out, so a client that has just got
    /// its answer may read the journal a moment too early: this polls every <paramref name="interval"/>
    /// (default 20 ms of wall time), at most <paramref name="attempts"/> times, then throws
    /// <see cref="TimeoutException"/> listing what the journal had.
    /// </summary>
    public async Task<RequestRecord> WaitForRequestAsync(
        string id,
        Func<RequestRecord, bool> match,
        int attempts = 250,
        TimeSpan? interval = null,
        [CallerArgumentExpression(nameof(match))] string? matchText = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        var pause = interval ?? TimeSpan.FromMilliseconds(20);
        IReadOnlyList<RequestRecord> seen = [];
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            seen = (await GetRequestsAsync(id, 0, cancellationToken)).Requests;
            if (seen.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            if (attempt < attempts)
            {
                await Task.Delay(pause, WallClock, cancellationToken);
            }
        }

        var journal = seen.Count == 0 ? "nothing" : string.Join("; ", seen.Select(r => $"{r.Method} {r.Path} → {r.Status}"));
        throw new TimeoutException($"No request to {id} matched `{matchText}` after {attempts} reads of its journal; it had: {journal}.");
    }

    // ---- clock -----------------------------------------------------------------------------------

    /// <summary>Mode, scale, seed, simulated now and pending events.</summary>
    public Task<ClockState> GetClockAsync(CancellationToken cancellationToken = default) =>
        SendAsync<ClockState>(HttpMethod.Get, Api + "clock", null, cancellationToken);

    /// <summary>Switches the clock to <paramref name="mode"/> (<paramref name="scale"/> for scaled only).</summary>
    public Task<ClockState> SetClockModeAsync(ClockMode mode, double? scale = null, CancellationToken cancellationToken = default) =>
        SendAsync<ClockState>(HttpMethod.Put, Api + "clock", new ClockRequest(mode, scale), cancellationToken);

    /// <summary>Moves manual time forward by <paramref name="duration"/>, running every event due on the way (409 unless manual).</summary>
    public Task<AdvanceResult> AdvanceAsync(TimeSpan duration, CancellationToken cancellationToken = default) =>
        SendAsync<AdvanceResult>(HttpMethod.Post, Api + "clock/advance", new AdvanceRequest(Seconds: ToWireSeconds(duration)), cancellationToken);

    /// <summary>Runs events until none is pending or the next lies beyond <paramref name="max"/> (default: the emulator's, an hour).</summary>
    public Task<AdvanceResult> AdvanceUntilIdleAsync(TimeSpan? max = null, CancellationToken cancellationToken = default) =>
        SendAsync<AdvanceResult>(HttpMethod.Post, Api + "clock/advance", new AdvanceRequest(UntilIdle: true, MaxSeconds: max?.TotalSeconds), cancellationToken);

    // ---- events ----------------------------------------------------------------------------------

    /// <summary>
    /// Opens <c>GET /api/v1/events</c> and returns once the emulator has subscribed, so everything that
    /// happens after this call returns is in the stream. Read it with <c>await foreach</c>; dispose it
    /// to close the connection.
    /// </summary>
    public async Task<TimelineEventStream> OpenEventStreamAsync(IEnumerable<string>? deviceIds = null, IEnumerable<TimelineKind>? kinds = null, CancellationToken cancellationToken = default)
    {
        var path = Api + "events" + new Query().Add("device", Join(deviceIds)).Add("kind", Join(kinds?.Select(k => k.Value)));
        var request = NewRequest(HttpMethod.Get, path, null);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        HttpResponseMessage? response = null;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            await EnsureSuccessAsync(response, request, cancellationToken);
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var events = new TimelineEventStream(request, response, stream, WallClock);
            response = null;
            return events;
        }
        finally
        {
            if (response is not null)
            {
                response.Dispose();
                request.Dispose();
            }
        }
    }

    /// <summary>
    /// Every timeline entry of every device (or of <paramref name="deviceIds"/>, of <paramref name="kinds"/>)
    /// from the server-sent event stream, until <paramref name="cancellationToken"/> or the emulator ends it.
    /// The subscription starts at the first <c>MoveNextAsync</c>; use <see cref="OpenEventStreamAsync"/> to
    /// be sure it is open before acting.
    /// </summary>
    public async IAsyncEnumerable<TimelineEntry> StreamEventsAsync(IEnumerable<string>? deviceIds = null, IEnumerable<TimelineKind>? kinds = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var stream = await OpenEventStreamAsync(deviceIds, kinds, cancellationToken);
        await foreach (var entry in stream.ReadAllAsync(cancellationToken))
        {
            yield return entry;
        }
    }

    // ---- waiting in simulated time ---------------------------------------------------------------

    /// <summary>
    /// Lets <paramref name="within"/> of simulated time pass and yields the device's state at the start
    /// and after each step. In manual time the client advances the clock itself — by
    /// <paramref name="step"/>, or (default) to the next scheduled event, so no change is missed; in
    /// realtime or scaled time it polls (every <paramref name="step"/> of simulated time, default 50 ms
    /// of wall time) until the device's simulated time has moved on by <paramref name="within"/>.
    /// Stop enumerating early to stop advancing.
    /// </summary>
    public async IAsyncEnumerable<DeviceState> WatchAsync(string deviceId, TimeSpan within, TimeSpan? step = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        ArgumentOutOfRangeException.ThrowIfLessThan(within, TimeSpan.Zero);
        if (step is { } s && s <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "The step must be positive.");
        }

        var clock = await GetClockAsync(cancellationToken);
        var state = await GetDeviceAsync(deviceId, cancellationToken);
        yield return state;
        if (clock.Mode == ClockMode.Manual)
        {
            var deadline = clock.Now + within;
            var stalled = false;
            for (var steps = 0; clock.Now < deadline; steps++)
            {
                if (steps >= MaxWaitSteps)
                {
                    throw new InvalidOperationException($"Gave up after {MaxWaitSteps} steps at {SimulatedTime.Format(clock.Now)}: the emulator keeps scheduling events closer together than the wait can follow; pass a step.");
                }

                var target = step is { } fixedStep ? clock.Now + fixedStep : clock.NextEventDue ?? deadline;
                var by = (target > deadline ? deadline : target) - clock.Now;
                if (by <= TimeSpan.Zero)
                {
                    // Events due now but not yet run: an advance of 0 runs them (1 ms if that did nothing).
                    by = stalled ? TimeSpan.FromMilliseconds(1) : TimeSpan.Zero;
                }

                var advanced = await AdvanceAsync(by, cancellationToken);
                stalled = by == TimeSpan.Zero && advanced.EventsRun == 0;
                clock = advanced.Clock;
                yield return await GetDeviceAsync(deviceId, cancellationToken);
            }

            yield break;
        }

        // Realtime or scaled: the emulator's clock runs by itself; poll until enough simulated time has passed.
        var scale = clock.Mode == ClockMode.Scaled && clock.Scale > 0 ? clock.Scale : 1;
        var started = state.Time;
        var pollEvery = step is { } simStep ? TimeSpan.FromTicks(Math.Max(1, (long)(simStep.Ticks / scale))) : TimeSpan.FromMilliseconds(50);
        var wallBudget = TimeSpan.FromTicks((long)(within.Ticks / scale)) + TimeSpan.FromSeconds(10);
        var polls = (int)Math.Min(MaxWaitSteps, Math.Ceiling(wallBudget / pollEvery) + 1);
        for (var poll = 0; poll < polls && state.Time - started < within; poll++)
        {
            await Task.Delay(pollEvery, WallClock, cancellationToken);
            state = await GetDeviceAsync(deviceId, cancellationToken);
            yield return state;
        }
    }

    /// <summary>
    /// Lets simulated time pass (see <see cref="WatchAsync"/>) until the device satisfies
    /// <paramref name="condition"/>, and returns that state. Throws <see cref="AxisEmulatorTimeoutException"/>
    /// when <paramref name="within"/> passes first, saying what was awaited, the phases and status LED
    /// states seen on the way and the device's last state.
    /// </summary>
    public async Task<DeviceState> WaitForAsync(
        string deviceId,
        Func<DeviceState, bool> condition,
        TimeSpan within,
        TimeSpan? step = null,
        [CallerArgumentExpression(nameof(condition))] string? conditionText = null,
        CancellationToken cancellationToken = default)
    {
        var trail = new WaitTrail();
        return await FirstStateWhereAsync(deviceId, condition, within, step, trail, cancellationToken)
            ?? throw trail.Timeout(deviceId, conditionText ?? "the condition", within);
    }

    /// <summary>
    /// Lets <paramref name="within"/> of simulated time pass (see <see cref="WatchAsync"/>) and checks that
    /// the device never satisfies <paramref name="condition"/> on the way; returns the last state.
    /// Throws <see cref="AxisEmulatorUnexpectedStateException"/> at the first state that does.
    /// </summary>
    public async Task<DeviceState> EnsureNeverAsync(
        string deviceId,
        Func<DeviceState, bool> condition,
        TimeSpan within,
        TimeSpan? step = null,
        [CallerArgumentExpression(nameof(condition))] string? conditionText = null,
        CancellationToken cancellationToken = default)
    {
        var trail = new WaitTrail();
        if (await FirstStateWhereAsync(deviceId, condition, within, step, trail, cancellationToken) is { } state)
        {
            throw new AxisEmulatorUnexpectedStateException(
                $"{deviceId} was not expected to reach `{conditionText}` within {SimulatedTime.Format(within)} of simulated time, but it did after {SimulatedTime.Format(trail.Elapsed)}{trail.Path()}: {state.Describe()}.",
                state);
        }

        return trail.Last!;
    }

    /// <summary>The first state (see <see cref="WatchAsync"/>) that satisfies <paramref name="condition"/>, or null once <paramref name="within"/> has passed; <paramref name="trail"/> sees every state.</summary>
    private async Task<DeviceState?> FirstStateWhereAsync(string deviceId, Func<DeviceState, bool> condition, TimeSpan within, TimeSpan? step, WaitTrail trail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        await foreach (var state in WatchAsync(deviceId, within, step, cancellationToken))
        {
            trail.Saw(state);
            if (condition(state))
            {
                return state;
            }
        }

        return null;
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    // ---- plumbing --------------------------------------------------------------------------------

    /// <summary>
    /// Seconds as the API takes them. A quarter tick more than <paramref name="duration"/>: the emulator
    /// turns seconds back into whole ticks, and the bias makes it land exactly on the duration rather
    /// than a tick short when the decimal does not divide evenly in binary.
    /// </summary>
    internal static double ToWireSeconds(TimeSpan duration) =>
        duration <= TimeSpan.Zero ? duration.TotalSeconds : (duration.Ticks + 0.25) / TimeSpan.TicksPerSecond;

    private static string DevicePath(string id) => Api + "devices/" + Escape(id);

    private static string Escape(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return Uri.EscapeDataString(id);
    }

    private static string? Join(IEnumerable<string>? values)
    {
        if (values is null)
        {
            return null;
        }

        var joined = string.Join(",", values.Where(v => !string.IsNullOrWhiteSpace(v)));
        return joined.Length == 0 ? null : joined;
    }

    private HttpRequestMessage NewRequest(HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, new Uri(BaseAddress, path));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ClientJson.Options);
        }

        if (_token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = NewRequest(method, path, body);
        using var response = await _http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, request, cancellationToken);
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(ClientJson.Options, cancellationToken)
                ?? throw Unreadable(request, response, "an empty body", null);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw Unreadable(request, response, $"JSON that is not a {typeof(T).Name}", ex);
        }
    }

    private async Task SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = NewRequest(method, path, body);
        using var response = await _http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, request, cancellationToken);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        string? body = null;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            // The body could not be read; the status still says enough.
        }

        throw AxisEmulatorApiException.FromResponse(response.StatusCode, response.ReasonPhrase, request.Method.Method, request.RequestUri?.PathAndQuery ?? "", body);
    }

    private static AxisEmulatorApiException Unreadable(HttpRequestMessage request, HttpResponseMessage response, string what, Exception? inner)
    {
        var message = $"{request.Method} {request.RequestUri?.PathAndQuery} answered {(int)response.StatusCode} with {what}; is {request.RequestUri?.GetLeftPart(UriPartial.Authority)} an Axis emulator control API?";
        return inner is null ? new AxisEmulatorApiException(message) : new AxisEmulatorApiException(message, inner);
    }

    private sealed class Query
    {
        private readonly StringBuilder _text = new();

        public Query Add(string name, string? value)
        {
            if (value is not null)
            {
                _text.Append(_text.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }

            return this;
        }

        public override string ToString() => _text.ToString();
    }

    /// <summary>What a wait saw on the way, for its failure message.</summary>
    private sealed class WaitTrail
    {
        private readonly List<string> _phases = [];
        private readonly List<string> _statusLed = [];
        private DateTimeOffset? _first;

        public DeviceState? Last { get; private set; }

        public TimeSpan Elapsed => Last is null || _first is null ? TimeSpan.Zero : Last.Time - _first.Value;

        public void Saw(DeviceState state)
        {
            _first ??= state.Time;
            Last = state;
            AddIfNew(_phases, state.Phase.ToString());
            AddIfNew(_statusLed, state.Leds?.Status?.ToString() ?? "?");
        }

        public string Path() =>
            (_phases.Count > 1 ? $"; phases on the way: {string.Join(" → ", _phases)}" : "") +
            (_statusLed.Count > 1 ? $"; status LED: {string.Join(" → ", _statusLed)}" : "");

        public AxisEmulatorTimeoutException Timeout(string deviceId, string conditionText, TimeSpan within)
        {
            var last = Last is null ? "no state was read" : Last.Describe();
            return new AxisEmulatorTimeoutException(
                $"{deviceId} did not reach `{conditionText}` within {SimulatedTime.Format(within)} of simulated time{Path()}. Last state: {last}.",
                Last,
                within,
                Elapsed);
        }

        private static void AddIfNew(List<string> list, string value)
        {
            if (list.Count == 0 || list[^1] != value)
            {
                list.Add(value);
            }
        }
    }
}

/// <summary>A device reached a state it was expected never to reach; <see cref="State"/> is that state.</summary>
public sealed class AxisEmulatorUnexpectedStateException : Exception
{
    public AxisEmulatorUnexpectedStateException()
    {
    }

    public AxisEmulatorUnexpectedStateException(string message)
        : base(message)
    {
    }

    public AxisEmulatorUnexpectedStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AxisEmulatorUnexpectedStateException(string message, DeviceState state)
        : base(message)
    {
        State = state;
    }

    public DeviceState? State { get; }
}
