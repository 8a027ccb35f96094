using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace AxisEmulator.LoadTest.Soak;

/// <summary>What the soak's pollers saw, summed.</summary>
internal sealed record SoakSummary(
    long Calls, long VapixCalls, long ControlCalls, long Modelled, long Unexpected, IReadOnlyList<string> UnexpectedExamples,
    string Outcomes, int DevicesSeenDown, long TimelineReads, long TimelineEntries, long SequenceFaults, long Evictions,
    double ControlP50Ms, double ControlP99Ms, double ControlMaxMs);

/// <summary>
/// The soak's bounded pollers. Each loops over seeded random calls: VAPIX <c>systemready.cgi</c>
/// (anonymous) and <c>param.cgi</c> (Digest), each on a new connection so a down camera is a refused
/// connection; the control API's device state; and the timeline of the devices it owns (device i
/// belongs to poller i mod N, so one reader checks each device's sequence numbers). A VAPIX failure
/// is modelled downtime only when the device was not ready and listening as the call began (a
/// booting camera answers 503 or refuses) or its timeline
/// records a power, network, phase, fault (a pulled cable: link-down) or boot entry after the call
/// began; anything else is an error.
/// </summary>
internal sealed class SoakPoller(EmulatorProcess emulator, string[] ids, Uri[] endpoints, int pollers, int seed) : IDisposable
{
    private const string SystemReadyCall = """{"apiVersion":"1","method":"systemready"}""";
    private readonly HttpClient _vapix = new(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(10), MaxConnectionsPerServer = 8 }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly long[] _lastSequence = new long[ids.Length];
    private readonly int[] _seenDown = new int[ids.Length];
    private readonly Dictionary<string, long> _outcomes = new(StringComparer.Ordinal);
    private readonly List<string> _examples = [];
    private readonly List<double>[] _controlMs = [.. Enumerable.Range(0, pollers).Select(_ => new List<double>())];
    private long _vapixCalls, _controlCalls, _modelled, _unexpected, _timelineReads, _timelineEntries, _sequenceFaults, _evictions;

    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, pollers).Select(p => Task.Run(() => LoopAsync(p, stop), CancellationToken.None)));

    public string Progress() => $"{Interlocked.Read(ref _vapixCalls) + Interlocked.Read(ref _controlCalls)} calls, {Interlocked.Read(ref _modelled)} modelled downtime, {Interlocked.Read(ref _unexpected)} errors, {Interlocked.Read(ref _sequenceFaults)} sequence faults";

    public SoakSummary Summarise()
    {
        var latencies = _controlMs.SelectMany(l => l).Order().ToArray();
        double At(double p) => latencies.Length == 0 ? 0 : latencies[Math.Min(latencies.Length - 1, (int)(latencies.Length * p))];
        lock (_outcomes)
        {
            return new SoakSummary(
                _vapixCalls + _controlCalls, _vapixCalls, _controlCalls, _modelled, _unexpected, [.. _examples],
                string.Join(", ", _outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}")),
                _seenDown.Count(s => s != 0), _timelineReads, _timelineEntries, _sequenceFaults, _evictions,
                At(0.5), At(0.99), latencies.Length == 0 ? 0 : latencies[^1]);
        }
    }

    public void Dispose() => _vapix.Dispose();

    /// <summary>One anonymous systemready call: "yes"/"no", or null for any other answer.</summary>
    public static async Task<string?> SystemReadyAsync(HttpClient client, Uri endpoint, CancellationToken stop)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "/axis-cgi/systemready.cgi"))
        {
            Content = new StringContent(SystemReadyCall, Encoding.UTF8, "application/json"),
        };
        request.Headers.ConnectionClose = true;
        using var response = await client.SendAsync(request, stop);
        var text = await response.Content.ReadAsStringAsync(stop);
        return response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(text)?["data"]?["systemready"]?.GetValue<string>() : null;
    }

    private async Task LoopAsync(int poller, CancellationToken stop)
    {
        var random = new Random(seed * 7919 + poller);
        int[] owned = [.. Enumerable.Range(0, ids.Length).Where(i => i % pollers == poller)];
        while (!stop.IsCancellationRequested)
        {
            var pick = random.Next(10);
            try
            {
                if (pick < 6)
                {
                    await VapixCallAsync(poller, random.Next(ids.Length), digest: pick >= 4, stop);
                }
                else if (pick < 8 || owned.Length == 0)
                {
                    var state = await ControlAsync(poller, $"/api/v1/devices/{ids[random.Next(ids.Length)]}", stop);
                    Count(state?["phase"] is null ? Unexpected("control: device state without a phase") : "control state ok");
                }
                else
                {
                    await ReadTimelineAsync(poller, owned[random.Next(owned.Length)], stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException or TaskCanceledException)
            {
                Count(Unexpected("control API: " + LoadRunner.ErrorKind(ex) + " " + ex.Message));
            }
        }
    }

    private async Task VapixCallAsync(int poller, int device, bool digest, CancellationToken stop)
    {
        var before = await ControlAsync(poller, $"/api/v1/devices/{ids[device]}", stop);
        var wasReady = before?["network"]?["listenerOpen"]?.GetValue<bool>() == true && before?["phase"]?.GetValue<string>() == "ready";
        var since = before?["lastSequence"]?.GetValue<long>() ?? 0;
        Interlocked.Increment(ref _vapixCalls);
        string outcome;
        try
        {
            outcome = digest ? await ParamListAsync(device) : await SystemReadyAsync(_vapix, endpoints[device], stop) switch
            {
                "yes" => "vapix systemready=yes",
                "no" => "vapix systemready=no (booting)",
                _ => "bad systemready answer",
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is TaskCanceledException && !stop.IsCancellationRequested))
        {
            outcome = "failed " + LoadRunner.ErrorKind(ex);
        }

        if (outcome.StartsWith("vapix ", StringComparison.Ordinal))
        {
            Count(outcome);
            return;
        }

        // Explained only by the device's own record of going down while the call was in flight.
        var changes = await ControlAsync(poller, $"/api/v1/devices/{ids[device]}/timeline?since={since}&kind=power,network,phase,fault,boot", stop);
        if (!wasReady || changes?["entries"]?.AsArray().Count > 0)
        {
            Interlocked.Increment(ref _modelled);
            Volatile.Write(ref _seenDown[device], 1);
            Count("modelled downtime: " + outcome);
        }
        else
        {
            Count(Unexpected($"{ids[device]} ready and listening throughout, yet {(digest ? "param.cgi" : "systemready.cgi")} {outcome}"));
        }
    }

    private async Task<string> ParamListAsync(int device)
    {
        using var response = await Vapix.DigestGetAsync(_vapix, new Uri(endpoints[device], Vapix.ParamPath), new DigestSession(Vapix.User, Vapix.Password));
        var text = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK && text.Contains("root.Brand.Brand=AXIS", StringComparison.Ordinal) ? "vapix param.cgi ok" : "param.cgi answered " + (int)response.StatusCode;
    }

    /// <summary>Reads what followed the last entry seen; the numbers must run on by one, and the page's lastSequence must be the newest.</summary>
    private async Task ReadTimelineAsync(int poller, int device, CancellationToken stop)
    {
        var last = _lastSequence[device];
        var page = await ControlAsync(poller, $"/api/v1/devices/{ids[device]}/timeline?since={last}", stop);
        Interlocked.Increment(ref _timelineReads);
        if (page is null)
        {
            Count(Unexpected("timeline: no page"));
            return;
        }

        var entries = page["entries"]!.AsArray();
        var first = page["firstSequence"]?.GetValue<long>();
        var expected = last + 1;
        if (first > expected)
        {
            Interlocked.Increment(ref _evictions);
            expected = first.Value;
        }

        var faults = 0;
        foreach (var entry in entries)
        {
            var sequence = entry!["sequence"]!.GetValue<long>();
            faults += sequence == expected ? 0 : 1;
            expected = sequence + 1;
        }

        var newest = page["lastSequence"]!.GetValue<long>();
        faults += newest < expected - 1 ? 1 : 0;
        Interlocked.Add(ref _timelineEntries, entries.Count);
        Interlocked.Add(ref _sequenceFaults, faults);
        _lastSequence[device] = Math.Max(last, expected - 1);
        Count(faults == 0 ? "control timeline ok" : Unexpected($"timeline of {ids[device]} after {last}: {faults} sequence faults"));
    }

    private async Task<JsonNode?> ControlAsync(int poller, string path, CancellationToken stop)
    {
        Interlocked.Increment(ref _controlCalls);
        var started = Stopwatch.GetTimestamp();
        using var response = await emulator.Control.GetAsync(path, stop);
        var text = await response.Content.ReadAsStringAsync(stop);
        _controlMs[poller].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Count(Unexpected($"control API GET {path}: {(int)response.StatusCode} {text}"));
            return null;
        }

        return JsonNode.Parse(text);
    }

    private string Unexpected(string what)
    {
        Interlocked.Increment(ref _unexpected);
        lock (_outcomes)
        {
            if (_examples.Count < 10)
            {
                _examples.Add(what);
            }
        }

        return "UNEXPECTED " + (what.Length > 60 ? what[..60] : what);
    }

    private void Count(string outcome)
    {
        lock (_outcomes)
        {
            _outcomes[outcome] = _outcomes.GetValueOrDefault(outcome) + 1;
        }
    }
}
