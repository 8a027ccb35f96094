using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace AxisEmulator.Client;

/// <summary>
/// The emulator's event stream (<c>GET /api/v1/events</c>), open: every timeline entry of every device
/// (or of those asked for) as it happens, read with the runtime's <see cref="SseParser"/>. Read entries
/// one at a time with <see cref="ReadAsync"/>, up to one that matches with <see cref="ReadUntilAsync"/>,
/// or with <c>await foreach</c>. Dispose to close.
/// </summary>
public sealed class TimelineEventStream : IAsyncEnumerable<TimelineEntry>, IAsyncDisposable, IDisposable
{
    private readonly HttpRequestMessage? _request;
    private readonly HttpResponseMessage? _response;
    private readonly Stream _stream;
    private readonly CancellationTokenSource _stop = new();
    private readonly IAsyncEnumerator<SseItem<string>> _events;
    private readonly List<TimelineEntry> _received = [];
    private readonly TimeProvider _wall;
    private bool _ended;

    internal TimelineEventStream(HttpRequestMessage? request, HttpResponseMessage? response, Stream stream, TimeProvider wallClock)
    {
        _wall = wallClock;
        _request = request;
        _response = response;
        _stream = stream;

        // One enumeration for the stream's life; a read that is cancelled ends it (see ReadAsync).
        _events = SseParser.Create(stream).EnumerateAsync(_stop.Token).GetAsyncEnumerator(_stop.Token);
    }

    /// <summary>A stream over any <c>text/event-stream</c> body (a recording, a test); <paramref name="wallClock"/> times <see cref="ReadUntilAsync"/> (default: the system's).</summary>
    public TimelineEventStream(Stream stream, TimeProvider? wallClock = null)
        : this(null, null, stream, wallClock ?? WallTime.System)
    {
    }

    /// <summary>Every entry read so far, in order.</summary>
    public IReadOnlyList<TimelineEntry> Received => _received;

    /// <summary>The stream has ended (the emulator stopped or closed it).</summary>
    public bool Ended => _ended;

    /// <summary>The next timeline entry, or null when the stream has ended. Cancelling a read ends the stream.</summary>
    public async Task<TimelineEntry?> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (_ended)
        {
            return null;
        }

        bool more;
        using (cancellationToken.Register(static stop => ((CancellationTokenSource)stop!).Cancel(), _stop))
        {
            try
            {
                more = await _events.MoveNextAsync();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                _ended = true;
                throw new OperationCanceledException(cancellationToken);
            }
        }

        if (!more)
        {
            _ended = true;
            return null;
        }

        var entry = Parse(_events.Current);
        _received.Add(entry);
        return entry;
    }

    /// <summary>
    /// Reads until an entry satisfies <paramref name="match"/> and returns the entries read by this call,
    /// the match last. Throws <see cref="TimeoutException"/> (listing what was read) when none does within
    /// <paramref name="timeout"/> of wall time or the stream ends first.
    /// </summary>
    public async Task<IReadOnlyList<TimelineEntry>> ReadUntilAsync(
        Func<TimelineEntry, bool> match,
        TimeSpan timeout,
        [CallerArgumentExpression(nameof(match))] string? matchText = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        var read = new List<TimelineEntry>();
        using var deadline = new CancellationTokenSource(timeout, _wall);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            while (await ReadAsync(linked.Token) is { } entry)
            {
                read.Add(entry);
                if (match(entry))
                {
                    return read;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            _ended = true;
            throw new TimeoutException($"No event matched `{matchText}` within {SimulatedTime.Format(timeout)} of wall time; read {read.Count}:{Environment.NewLine}{Describe(read)}");
        }

        throw new TimeoutException($"The event stream ended before an event matched `{matchText}`; read {read.Count}:{Environment.NewLine}{Describe(read)}");
    }

    public IAsyncEnumerator<TimelineEntry> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        ReadAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

    /// <summary>The remaining entries, until the stream ends (the same as enumerating the stream).</summary>
    public async IAsyncEnumerable<TimelineEntry> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await ReadAsync(cancellationToken) is { } entry)
        {
            yield return entry;
        }
    }

    /// <summary>Closes the connection; a read in progress ends (the parser's enumeration is left to finish on its own).</summary>
    public void Dispose()
    {
        _ended = true;
        _stop.Cancel();
        _stream.Dispose();
        _response?.Dispose();
        _request?.Dispose();
        _stop.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>One event's data as a timeline entry.</summary>
    internal static TimelineEntry Parse(SseItem<string> sse)
    {
        try
        {
            return JsonSerializer.Deserialize<TimelineEntry>(sse.Data, ClientJson.Options)
                ?? throw new JsonException("the data is null");
        }
        catch (JsonException ex)
        {
            throw new AxisEmulatorApiException($"Event '{sse.EventType}' (id {sse.EventId ?? "none"}) of the event stream is not a timeline entry: {ex.Message} Data: {Shorten(sse.Data)}", ex);
        }
    }

    private static string Describe(List<TimelineEntry> entries) =>
        entries.Count == 0 ? "(nothing)" : string.Join(Environment.NewLine, entries.Select(e => "  " + e.Describe()));

    private static string Shorten(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "…");
}
