using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AxisEmulator.LoadTest;

/// <summary>A <c>WWW-Authenticate: Digest …</c> challenge.</summary>
internal sealed record DigestChallenge(string Realm, string Nonce, string? Qop, bool Stale)
{
    public static DigestChallenge? Parse(string? header)
    {
        if (header is null || !header.StartsWith("Digest ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var text = header.AsSpan(7);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ',' || char.IsWhiteSpace(text[i])))
            {
                i++;
            }

            var nameStart = i;
            while (i < text.Length && text[i] != '=')
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var name = text[nameStart..i].Trim().ToString();
            i++;
            string value;
            if (i < text.Length && text[i] == '"')
            {
                var end = text[(i + 1)..].IndexOf('"');
                if (end < 0)
                {
                    break;
                }

                value = text.Slice(i + 1, end).ToString();
                i += end + 2;
            }
            else
            {
                var start = i;
                while (i < text.Length && text[i] != ',')
                {
                    i++;
                }

                value = text[start..i].Trim().ToString();
            }

            fields.TryAdd(name, value);
        }

        return fields.TryGetValue("realm", out var realm) && fields.TryGetValue("nonce", out var nonce)
            ? new DigestChallenge(realm, nonce, fields.GetValueOrDefault("qop"), fields.TryGetValue("stale", out var stale) && stale.Equals("true", StringComparison.OrdinalIgnoreCase))
            : null;
    }
}

/// <summary>
/// Digest state of one connection: the nonce it was last given and its own nonce count, which it
/// increments for every request (the device refuses a count that does not increase).
/// </summary>
internal sealed class DigestSession(string user, string password)
{
    private readonly string _cnonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    private DigestChallenge? _challenge;
    private string? _ha1;
    private uint _count;
    private (string Method, string Uri, string Ha2)? _lastHa2;

    public bool HasChallenge => _challenge is not null;

    public void Accept(DigestChallenge challenge)
    {
        if (_challenge?.Realm != challenge.Realm)
        {
            _ha1 = Md5Hex($"{user}:{challenge.Realm}:{password}");
        }

        _challenge = challenge;
        _count = 0;
    }

    /// <summary>The Authorization header for the next request (qop=auth, nc incremented).</summary>
    public string Authorization(string method, string uri)
    {
        var challenge = _challenge ?? throw new InvalidOperationException("no challenge yet");
        // A load client repeats one request: keep its HA2 (what any client may do; the server's work is unchanged).
        if (_lastHa2 is not { } last || last.Method != method || last.Uri != uri)
        {
            last = (method, uri, Md5Hex($"{method}:{uri}"));
            _lastHa2 = last;
        }

        var ha2 = last.Ha2;
        var nc = (++_count).ToString("x8", CultureInfo.InvariantCulture);
        var response = Md5Hex($"{_ha1}:{challenge.Nonce}:{nc}:{_cnonce}:auth:{ha2}");
        return $"Digest username=\"{user}\", realm=\"{challenge.Realm}\", nonce=\"{challenge.Nonce}\", uri=\"{uri}\", algorithm=MD5, response=\"{response}\", qop=auth, nc={nc}, cnonce=\"{_cnonce}\"";
    }

    public static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
}
