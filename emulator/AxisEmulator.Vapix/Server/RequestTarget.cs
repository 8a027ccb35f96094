using System.Text;

namespace AxisEmulator.Vapix.Server;

/// <summary>How a request target fares before routing.</summary>
internal enum TargetVerdict
{
    Ok,

    /// <summary>Malformed: bad escape, NUL, a <c>.</c>/<c>..</c> segment, not origin-form (Apache: 400).</summary>
    BadRequest,

    /// <summary>Well-formed but can name no CGI: encoded slash or backslash (Apache, AllowEncodedSlashes Off: 404).</summary>
    NotFound,
}

/// <summary>
/// The request target exactly as sent on the request line (Kestrel's <c>Request.Path</c> has already
/// merged dot segments; Apache and the Digest <c>uri</c> check need the raw text). Routing uses the
/// decoded path, compared case-sensitively like Apache on a case-sensitive file system.
/// </summary>
internal readonly record struct RequestTarget(string Raw, string RawPath, string Path, string Query)
{
    public static (TargetVerdict Verdict, RequestTarget Target) Parse(string? raw)
    {
        var text = raw ?? "";
        var originForm = text;
        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            // Absolute form (proxies): Apache serves its path.
            var afterScheme = text.IndexOf("//", StringComparison.Ordinal) + 2;
            var slash = text.IndexOf('/', afterScheme);
            originForm = slash < 0 ? "/" : text[slash..];
        }

        if (originForm.Length == 0 || originForm[0] != '/')
        {
            return (TargetVerdict.BadRequest, default);
        }

        var question = originForm.IndexOf('?', StringComparison.Ordinal);
        var rawPath = question < 0 ? originForm : originForm[..question];
        var query = question < 0 ? "" : originForm[(question + 1)..];
        if (rawPath.Contains("%2f", StringComparison.OrdinalIgnoreCase) || rawPath.Contains("%5c", StringComparison.OrdinalIgnoreCase) || rawPath.Contains('\\', StringComparison.Ordinal))
        {
            return (TargetVerdict.NotFound, default);
        }

        if (Decode(rawPath) is not { } path || HasDotSegment(path))
        {
            return (TargetVerdict.BadRequest, default);
        }

        return (TargetVerdict.Ok, new RequestTarget(text, rawPath, path, query));
    }

    /// <summary>Strict percent-decoding of a path: a bad escape, a NUL or a control character is refused.</summary>
    private static bool HasDotSegment(string path)
    {
        foreach (var segment in path.AsSpan().Split('/'))
        {
            if (path.AsSpan(segment) is "." or "..")
            {
                return true;
            }
        }

        return false;
    }

    private static string? Decode(string rawPath)
    {
        // The usual target (plain printable ASCII, nothing escaped) decodes to itself.
        if (rawPath.AsSpan().ContainsAnyExceptInRange('!', '~') || rawPath.Contains('%', StringComparison.Ordinal))
        {
            return DecodeEscaped(rawPath);
        }

        return rawPath;
    }

    private static string? DecodeEscaped(string rawPath)
    {
        var bytes = new List<byte>(rawPath.Length);
        for (var i = 0; i < rawPath.Length; i++)
        {
            var c = rawPath[i];
            if (c == '%')
            {
                if (i + 2 >= rawPath.Length || !char.IsAsciiHexDigit(rawPath[i + 1]) || !char.IsAsciiHexDigit(rawPath[i + 2]))
                {
                    return null;
                }

                bytes.Add(Convert.ToByte(rawPath.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        if (bytes.Exists(b => b < 0x20 || b == 0x7F))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
