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
    private Prepared? _prepared;

    public bool HasChallenge => _challenge is not null;

    public void Accept(DigestChallenge challenge)
    {
        if (_challenge?.Realm != challenge.Realm)
        {
            _ha1 = Md5Hex($"{user}:{challenge.Realm}:{password}");
        }

        _challenge = challenge;
        _prepared = null;
        _count = 0;
    }

    /// <summary>The Authorization header for the next request (qop=auth, nc incremented).</summary>
    public string Authorization(string method, string uri)
    {
        var challenge = _challenge ?? throw new InvalidOperationException("no challenge yet");

        // A load client repeats one request: everything but the nonce count and the response is the
        // same every time, so it is prepared once per challenge and target (the server's work is
        // unchanged; the client's own cost is what a measurement of the server should not carry).
        var prepared = _prepared;
        if (prepared is null || prepared.Method != method || prepared.Uri != uri)
        {
            prepared = new Prepared(method, uri, _ha1!, challenge, user, _cnonce);
            _prepared = prepared;
        }

        Span<char> nc = stackalloc char[8];
        (++_count).TryFormat(nc, out _, "x8", CultureInfo.InvariantCulture);

        // response = MD5(HA1:nonce:nc:cnonce:auth:HA2), hashed from the stack.
        Span<byte> input = stackalloc byte[prepared.HashPrefix.Length + nc.Length + prepared.HashSuffix.Length];
        prepared.HashPrefix.CopyTo(input);
        Encoding.ASCII.GetBytes(nc, input[prepared.HashPrefix.Length..]);
        prepared.HashSuffix.CopyTo(input[(prepared.HashPrefix.Length + nc.Length)..]);
        Span<byte> hash = stackalloc byte[MD5.HashSizeInBytes];
        MD5.HashData(input, hash);
        Span<char> response = stackalloc char[2 * MD5.HashSizeInBytes];
        Convert.TryToHexStringLower(hash, response, out _);

        Span<char> header = stackalloc char[prepared.HeaderStart.Length + response.Length + prepared.HeaderMiddle.Length + nc.Length + prepared.HeaderEnd.Length];
        var at = Append(header, 0, prepared.HeaderStart);
        at = Append(header, at, response);
        at = Append(header, at, prepared.HeaderMiddle);
        at = Append(header, at, nc);
        Append(header, at, prepared.HeaderEnd);
        return new string(header);
    }

    public static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    private static int Append(Span<char> to, int at, ReadOnlySpan<char> text)
    {
        text.CopyTo(to[at..]);
        return at + text.Length;
    }

    /// <summary>The fixed parts of the response hash and of the header, for one challenge and target.</summary>
    private sealed class Prepared
    {
        public Prepared(string method, string uri, string ha1, DigestChallenge challenge, string user, string cnonce)
        {
            Method = method;
            Uri = uri;
            var ha2 = Md5Hex($"{method}:{uri}");
            HashPrefix = Encoding.UTF8.GetBytes($"{ha1}:{challenge.Nonce}:");
            HashSuffix = Encoding.UTF8.GetBytes($":{cnonce}:auth:{ha2}");
            HeaderStart = $"Digest username=\"{user}\", realm=\"{challenge.Realm}\", nonce=\"{challenge.Nonce}\", uri=\"{uri}\", algorithm=MD5, response=\"";
            HeaderMiddle = "\", qop=auth, nc=";
            HeaderEnd = $", cnonce=\"{cnonce}\"";
        }

        public string Method { get; }

        public string Uri { get; }

        public byte[] HashPrefix { get; }

        public byte[] HashSuffix { get; }

        public string HeaderStart { get; }

        public string HeaderMiddle { get; }

        public string HeaderEnd { get; }
    }
}
