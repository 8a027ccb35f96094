namespace AxisEmulator.Vapix.Tests.Server;

/// <summary>
/// One way of writing a CGI's path on the request line; <see cref="Refusal"/> is what Apache answers
/// instead of running the CGI (null: it runs it, the path resolving to the CGI's).
/// </summary>
/// <param name="Kestrel">Kestrel answers first with a bare status and no Apache page (a deviation).</param>
public sealed record PathSpelling(string Name, Func<string, string> Spell, int? Refusal = null, bool Kestrel = false)
{
    public override string ToString() => Name;
}

/// <summary>Spellings of <c>/axis-cgi/…</c> paths, with the answer each gets from the device's Apache 2.4.</summary>
public static class PathSpellings
{
    /// <summary>Stands for the device's host and port (Kestrel refuses an absolute form naming another than the Host header).</summary>
    private const string Authority = "{authority}";

    /// <summary>Resolve to the CGI: merged slashes, dot segments, escaped unreserved characters (ap_normalize_path).</summary>
    public static readonly PathSpelling[] Accepted =
    [
        new("leading //", p => "/" + p),
        new("// after axis-cgi", p => p.Replace("/axis-cgi/", "/axis-cgi//", StringComparison.Ordinal)),
        new("/// everywhere", p => p.Replace("/", "///", StringComparison.Ordinal)),
        new("leading /.", p => "/." + p),
        new("/./ after axis-cgi", p => p.Replace("/axis-cgi/", "/axis-cgi/./", StringComparison.Ordinal)),
        new("/x/..", p => "/x/.." + p),
        new("escaped first letter of the CGI", EscapeFirstLetterOfLastSegment),
        new("leading /%2e", p => "/%2e" + p),
        new("/x/%2e%2e", p => "/x/%2e%2e" + p),
        new("absolute form with //", p => "http://" + Authority + "/" + p),
    ];

    /// <summary>Never reach the CGI: what Apache (or Kestrel, before it) answers.</summary>
    public static readonly PathSpelling[] Refused =
    [
        new("/.. above the root", p => "/.." + p, 400),
        new("../../ above the root", p => p.Replace("/axis-cgi/", "/axis-cgi/../../", StringComparison.Ordinal), 400),
        new("escaped .. above the root", p => "/%2e%2e" + p, 400),
        new("malformed escape %zz", p => p.Replace("/axis-cgi/", "/axis-cgi/%zz/../", StringComparison.Ordinal), 400),
        new("truncated escape %4", p => p + "%4", 400),
        new("control character", p => p + "\u0001", 400),
        new("encoded slash", p => p.Replace("/axis-cgi/", "/axis-cgi%2f", StringComparison.Ordinal), 404),
        new("upper case", p => p.ToUpperInvariant(), 404),
        new("trailing slash", p => p + "/", 404),
        new(";params", p => p + ";jsessionid=1", 404),

        // Apache: 404 (an encoded NUL is ap_unescape_url's "badpath"); Kestrel's decoder refuses it first.
        new("encoded NUL", p => p + "%00", 400, Kestrel: true),
    ];

    /// <summary>The target for <paramref name="spelling"/> of <paramref name="pathAndQuery"/> (the query as it is) on the device at <paramref name="endpoint"/>.</summary>
    public static string Target(PathSpelling spelling, string pathAndQuery, Uri endpoint)
    {
        var question = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var target = question < 0 ? spelling.Spell(pathAndQuery) : spelling.Spell(pathAndQuery[..question]) + pathAndQuery[question..];
        return target.Replace(Authority, endpoint.Authority, StringComparison.Ordinal);
    }

    private static string EscapeFirstLetterOfLastSegment(string path)
    {
        var start = path.LastIndexOf('/') + 1;
        if (start == path.Length)
        {
            return path; // "/": no letter to escape
        }

        return $"{path[..start]}%{(int)path[start]:x2}{path[(start + 1)..]}";
    }
}
