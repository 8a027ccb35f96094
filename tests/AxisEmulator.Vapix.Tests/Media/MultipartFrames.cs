using System.Text;
using System.Threading.Channels;

namespace AxisEmulator.Vapix.Tests.Media;

/// <summary>One part of a multipart/x-mixed-replace stream: its headers (lower-case names) and body.</summary>
public sealed record MultipartPart(IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// Reads a multipart/x-mixed-replace body part by part as it arrives (an independent parser: boundary
/// line, headers, Content-Length bytes, CRLF), so a test can advance the device's clock between frames.
/// </summary>
public sealed class MultipartFrames
{
    private readonly Channel<MultipartPart> _parts = Channel.CreateUnbounded<MultipartPart>();

    public MultipartFrames(Stream body, string boundary) => Completion = ReadAllAsync(body, boundary);

    /// <summary>Completes when the stream ends (the server closed it).</summary>
    public Task Completion { get; }

    public async Task<MultipartPart> NextAsync(TimeProvider wall) =>
        await _parts.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20), wall);

    public IReadOnlyList<MultipartPart> Remaining()
    {
        var rest = new List<MultipartPart>();
        while (_parts.Reader.TryRead(out var part))
        {
            rest.Add(part);
        }

        return rest;
    }

    private async Task ReadAllAsync(Stream body, string boundary)
    {
        var reader = new BufferedStream(body);
        try
        {
            while (await ReadLineAsync(reader) is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                line.Should().Be("--" + boundary);
                var headers = new Dictionary<string, string>(StringComparer.Ordinal);
                while (await ReadLineAsync(reader) is { Length: > 0 } header)
                {
                    var colon = header.IndexOf(':', StringComparison.Ordinal);
                    headers[header[..colon].Trim().ToLowerInvariant()] = header[(colon + 1)..].Trim();
                }

                var part = new byte[int.Parse(headers["content-length"], System.Globalization.CultureInfo.InvariantCulture)];
                await reader.ReadExactlyAsync(part);
                _parts.Writer.TryWrite(new MultipartPart(headers, part));
            }
        }
        finally
        {
            _parts.Writer.TryComplete();
        }
    }

    private static async Task<string?> ReadLineAsync(Stream stream)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return line.Length == 0 ? null : line.ToString();
            }

            if (one[0] == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)one[0]);
        }
    }
}
