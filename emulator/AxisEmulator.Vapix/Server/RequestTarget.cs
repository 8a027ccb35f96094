namespace AxisEmulator.Vapix.Server;

/// <summary>How a request target fares before routing.</summary>
internal enum TargetVerdict
{
    Ok,

    /// <summary>Malformed: control character, fragment, bad escape, <c>..</c> above the root, not origin-form (Apache: 400).</summary>
    BadRequest,

    /// <summary>Well-formed but can name nothing: an encoded slash or NUL (Apache, AllowEncodedSlashes Off: 404).</summary>
    NotFound,
}

/// <summary>
/// The request target exactly as sent on the request line (the Digest <c>uri</c> check needs the raw
/// text) and the path Apache would map: slashes merged, dot segments resolved, escapes decoded
/// (<see cref="ApachePath"/>). Routing and authorization use that path, compared case-sensitively
/// like Apache on a case-sensitive file system, so every spelling of a CGI meets the same checks.
/// </summary>
/// <remarks>
/// Kestrel answers some targets itself before this runs, with a bare 400 and no Apache page (known
/// deviations): an encoded NUL in the path (Apache: 404), a raw byte above 0x7F (Apache: 404, or the
/// CGI for the query), and an absolute form whose host is not the Host header (Apache: serves it).
/// </remarks>
internal readonly record struct RequestTarget(string Raw, string RawPath, string Path, string Query)
{
    public static (TargetVerdict Verdict, RequestTarget Target) Parse(string? raw)
    {
        var text = raw ?? "";

        // HttpProtocolOptions Strict (server/protocol.c): a control character anywhere on the request
        // line, or a fragment, is a 400. Kestrel lets both through to us.
        if ((text.AsSpan().ContainsAnyExceptInRange(' ', '~') && HasControl(text)) || text.Contains('#', StringComparison.Ordinal))
        {
            return (TargetVerdict.BadRequest, default);
        }

        var originForm = text;
        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            // Absolute form (proxies): Apache serves its path; user info is a Strict 400.
            var afterScheme = text.IndexOf("//", StringComparison.Ordinal) + 2;
            var slash = text.IndexOf('/', afterScheme);
            if (text.AsSpan(afterScheme, (slash < 0 ? text.Length : slash) - afterScheme).Contains('@'))
            {
                return (TargetVerdict.BadRequest, default);
            }

            originForm = slash < 0 ? "/" : text[slash..];
        }

        if (originForm.Length == 0 || originForm[0] != '/')
        {
            return (TargetVerdict.BadRequest, default);
        }

        var question = originForm.IndexOf('?', StringComparison.Ordinal);
        var rawPath = question < 0 ? originForm : originForm[..question];
        var query = question < 0 ? "" : originForm[(question + 1)..];
        var (verdict, path) = ApachePath.Resolve(rawPath);
        return verdict == TargetVerdict.Ok ? (verdict, new RequestTarget(text, rawPath, path, query)) : (verdict, default);
    }

    private static bool HasControl(string text) => text.AsSpan().IndexOfAnyInRange('\0', '\x1f') >= 0 || text.Contains('\x7f', StringComparison.Ordinal);
}
