using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace AxisEmulator.TestSupport;

/// <summary>An HTTP answer read off a raw socket: status, headers (lower-case names) and the de-chunked body.</summary>
public sealed record RawHttpAnswer(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? ContentType => Headers.TryGetValue("content-type", out var value) ? value : null;

    /// <summary>Parses what a server sent; null when it is not a complete HTTP response head.</summary>
    public static RawHttpAnswer? Parse(byte[] bytes)
    {
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end <= 0)
        {
            return null;
        }

        var lines = Encoding.Latin1.GetString(bytes, 0, end).Split("\r\n");
        var statusLine = lines[0].Split(' ');
        if (statusLine.Length < 2 || !int.TryParse(statusLine[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            return null;
        }

        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                var name = line[..colon].Trim().ToLowerInvariant();
                headers[name] = headers.TryGetValue(name, out var previous) ? previous + ", " + line[(colon + 1)..].Trim() : line[(colon + 1)..].Trim();
            }
        }

        var body = bytes[(end + 4)..];
        if (headers.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Dechunk(body);
        }

        return new RawHttpAnswer(status, headers, Encoding.UTF8.GetString(body));
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        using var result = new MemoryStream();
        var i = 0;
        while (i < chunked.Length)
        {
            var lineEnd = chunked.AsSpan(i).IndexOf("\r\n"u8);
            if (lineEnd < 0 || !int.TryParse(Encoding.Latin1.GetString(chunked, i, lineEnd).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size == 0)
            {
                break;
            }

            var start = i + lineEnd + 2;
            result.Write(chunked, start, Math.Min(size, chunked.Length - start));
            i = start + size + 2;
        }

        return result.ToArray();
    }
}

/// <summary>Sends bytes as they are over a fresh TCP connection and reads the answer to the server's close.</summary>
public static class RawHttp
{
    /// <summary>Bound on waiting for the server's answer and close (wall time: it is a real socket).</summary>
    public static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(30);

    /// <summary>The answer, or null when the server closed without a complete one.</summary>
    public static async Task<RawHttpAnswer?> SendAsync(string host, int port, byte[] request)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(host, port);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        try
        {
            await stream.WriteAsync(request);
        }
        catch (IOException)
        {
            // The server may answer and close before a large request is written; the answer is still there to read.
        }

        using var received = new MemoryStream();
        using var bound = new CancellationTokenSource(AnswerBound);
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, bound.Token)) > 0)
            {
                received.Write(buffer, 0, read);
                if (IsStreamHead(received))
                {
                    break; // an event stream never ends: its head is the answer
                }
            }
        }
        catch (IOException)
        {
            // A reset after the answer (the server discarding the unread rest) leaves what was read.
        }

        return RawHttpAnswer.Parse(received.ToArray());
    }

    private static bool IsStreamHead(MemoryStream received)
    {
        var bytes = received.GetBuffer().AsSpan(0, (int)received.Length);
        var end = bytes.IndexOf("\r\n\r\n"u8);
        return end > 0 && Encoding.Latin1.GetString(bytes[..end]).Contains("text/event-stream", StringComparison.OrdinalIgnoreCase);
    }
}
