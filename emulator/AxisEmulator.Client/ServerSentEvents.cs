using System.Globalization;
using System.Text;

namespace AxisEmulator.Client;

/// <summary>One server-sent event: its type (<c>event:</c>, default <c>message</c>), data and last event id.</summary>
public sealed record ServerSentEvent(string EventType, string Data, string? Id);

/// <summary>
/// Reads a <c>text/event-stream</c> as the HTML standard says: lines end with LF, CR or CRLF; a line
/// starting with ':' is a comment; <c>field: value</c> (one optional space after the colon); several
/// <c>data</c> lines join with LF; a blank line dispatches; an event without data is not dispatched;
/// the last event id carries over; an unfinished event at the end of the stream is dropped.
/// </summary>
public sealed class ServerSentEventReader : IDisposable
{
    private readonly StreamReader _reader;
    private string? _lastId;

    public ServerSentEventReader(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 4096, leaveOpen: false);
    }

    /// <summary>The reconnection time the server asked for (<c>retry:</c>), if it did.</summary>
    public TimeSpan? Retry { get; private set; }

    /// <summary>The next event, or null when the stream has ended.</summary>
    public async Task<ServerSentEvent?> ReadAsync(CancellationToken cancellationToken = default)
    {
        string? eventType = null;
        var data = new StringBuilder();
        var hasData = false;
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                if (hasData)
                {
                    return new ServerSentEvent(string.IsNullOrEmpty(eventType) ? "message" : eventType, data.ToString(), _lastId);
                }

                eventType = null;
                continue;
            }

            if (line[0] == ':')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }

            switch (field)
            {
                case "event":
                    eventType = value;
                    break;
                case "data":
                    if (hasData)
                    {
                        data.Append('\n');
                    }

                    data.Append(value);
                    hasData = true;
                    break;
                case "id":
                    if (!value.Contains('\0', StringComparison.Ordinal))
                    {
                        _lastId = value;
                    }

                    break;
                case "retry":
                    if (value.Length > 0 && value.All(char.IsAsciiDigit) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
                    {
                        Retry = TimeSpan.FromMilliseconds(ms);
                    }

                    break;
                default:
                    // Unknown fields are ignored.
                    break;
            }
        }
    }

    public void Dispose() => _reader.Dispose();
}
