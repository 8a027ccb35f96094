using System.Globalization;
using System.Text;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Events;

namespace AxisEmulator.Vapix.Auth;

/// <summary>
/// Checks a request's credentials the way an Axis device (Apache httpd with mod_auth_digest) does:
/// one challenge in the scheme the authentication policy picks, Digest MD5 with <c>qop="auth"</c>
/// (RFC 2069 answers without qop are still accepted, as Apache does), Basic checked against the
/// stored HA1. Users and policy are passed per call, so a config change applies to the next request.
/// </summary>
public sealed class HttpAuthenticator
{
    private static readonly System.Buffers.SearchValues<char> SchemeChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");

    private readonly DigestNonces _nonces;
    private Ha2Entry? _lastHa2;

    public HttpAuthenticator(string realm, DigestNonces nonces)
    {
        Realm = realm;
        _nonces = nonces;
    }

    public string Realm { get; }

    /// <summary>
    /// User-Agent fragments for which the Digest <c>uri</c> is not compared with the request target;
    /// devices ship <c>System.SkipDigestUriValidation=User-Agent HttpClient</c> (11.11/12.9 param dumps)
    /// because some HTTP stacks put a different uri in their answer.
    /// </summary>
    public IReadOnlyList<string> SkipUriValidationUserAgents { get; init; } = ["HttpClient"];

    public AuthResult Authenticate(
        AuthRequest request, IReadOnlyCollection<UserAccount> users, AuthenticationPolicy policy, AccessLevel required)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (required == AccessLevel.Anonymous)
        {
            return new AuthResult(AuthOutcome.Authenticated, null, null, "anonymous access");
        }

        var scheme = policy.SchemeFor(request.IsHttps);
        var header = AuthorizationHeader.Parse(request.Authorization);
        if (header is null)
        {
            return Challenge(scheme, RequestRefusal.NoCredentials, "no credentials");
        }

        var result = scheme switch
        {
            HttpAuthScheme.Basic when header.IsScheme("Basic") => VerifyBasic(header, users),
            HttpAuthScheme.Digest when header.IsScheme("Digest") => VerifyDigest(header, request, users),
            _ => Challenge(scheme, RequestRefusal.SchemeNotAccepted, $"scheme {header.Scheme} not accepted under policy {policy.ToParameterValue()}"),
        };

        return result.Outcome == AuthOutcome.Authenticated && !result.User.Satisfies(required)
            ? result with
            {
                Outcome = AuthOutcome.Forbidden,
                Challenge = ChallengeHeader(scheme, stale: false),
                Reason = $"{result.User!.Name} is {result.User.Role.GroupName()}, needs {required.ToString().ToLowerInvariant()}",
            }
            : result;
    }

    /// <summary>The <c>WWW-Authenticate</c> value for a fresh challenge.</summary>
    public string ChallengeHeader(HttpAuthScheme scheme, bool stale) => scheme == HttpAuthScheme.Basic
        ? $"Basic realm=\"{Realm}\""
        // Apache's order: stale comes before qop (mod_auth_digest note_digest_auth_failure).
        : $"Digest realm=\"{Realm}\", nonce=\"{_nonces.Issue()}\", algorithm=MD5{(stale ? ", stale=true" : "")}, qop=\"auth\"";

    private AuthResult Challenge(HttpAuthScheme scheme, RequestRefusal refusal, string reason, bool stale = false) =>
        new(AuthOutcome.Challenge, null, ChallengeHeader(scheme, stale), reason) { Stale = stale, Refusal = refusal };

    /// <summary>The account named <paramref name="name"/> (per request: no closure, no enumerator for a list).</summary>
    private static UserAccount? FindUser(IReadOnlyCollection<UserAccount> users, string name)
    {
        if (users is IReadOnlyList<UserAccount> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].Name == name)
                {
                    return list[i];
                }
            }

            return null;
        }

        foreach (var user in users)
        {
            if (user.Name == name)
            {
                return user;
            }
        }

        return null;
    }

    private AuthResult VerifyBasic(AuthorizationHeader header, IReadOnlyCollection<UserAccount> users)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Credentials));
        }
        catch (FormatException)
        {
            return Challenge(HttpAuthScheme.Basic, RequestRefusal.MalformedCredentials, "malformed Basic credentials");
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? decoded : decoded[..colon];
        var password = colon < 0 ? "" : decoded[(colon + 1)..];
        var user = FindUser(users, name);
        return user is not null && DigestHash.HexEquals(user.Ha1, UserAccount.ComputeHa1(name, Realm, password))
            ? new AuthResult(AuthOutcome.Authenticated, user, null, "basic")
            : Challenge(HttpAuthScheme.Basic, user is null ? RequestRefusal.UnknownUser : RequestRefusal.WrongPassword, $"wrong user or password for '{name}'");
    }

    private AuthResult VerifyDigest(AuthorizationHeader header, AuthRequest request, IReadOnlyCollection<UserAccount> users)
    {
        var name = header["username"];
        var nonce = header["nonce"];
        var uri = header["uri"];
        var response = header["response"];
        if (name is null || nonce is null || uri is null || response is null || header["realm"] is null)
        {
            return Challenge(HttpAuthScheme.Digest, RequestRefusal.MalformedCredentials, "digest fields missing");
        }

        if (header["realm"] != Realm)
        {
            return Challenge(HttpAuthScheme.Digest, RequestRefusal.MalformedCredentials, $"realm '{header["realm"]}' is not {Realm}");
        }

        if (header["algorithm"] is { } algorithm && !algorithm.Equals("MD5", StringComparison.OrdinalIgnoreCase))
        {
            return Challenge(HttpAuthScheme.Digest, RequestRefusal.MalformedCredentials, $"algorithm {algorithm} not offered");
        }

        if (!UriMatches(uri, request))
        {
            return new AuthResult(AuthOutcome.BadRequest, null, null, $"digest uri '{uri}' is not the request target '{request.Target}'");
        }

        var user = FindUser(users, name);
        if (user is null || ExpectedResponse(header, request.Method, user.Ha1) is not { } expected || !DigestHash.HexEquals(expected, response))
        {
            return Challenge(HttpAuthScheme.Digest, user is null ? RequestRefusal.UnknownUser : RequestRefusal.WrongPassword, $"wrong digest for '{name}'");
        }

        switch (_nonces.Check(nonce))
        {
            case NonceState.Invalid:
                return Challenge(HttpAuthScheme.Digest, RequestRefusal.UnknownNonce, "nonce not issued by this device");
            case NonceState.Stale:
                return Challenge(HttpAuthScheme.Digest, RequestRefusal.StaleNonce, "nonce expired", stale: true);
        }

        if (header["qop"] is not null
            && (!uint.TryParse(header["nc"], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var count)
                || !_nonces.TryUseCount(nonce, count)))
        {
            return Challenge(HttpAuthScheme.Digest, RequestRefusal.ReplayedNonce, $"nonce count {header["nc"]} replayed or not increasing");
        }

        return new AuthResult(AuthOutcome.Authenticated, user, null, "digest");
    }

    /// <summary>RFC 2617 response; null when the qop/nc/cnonce fields do not form a valid answer.</summary>
    private string? ExpectedResponse(AuthorizationHeader header, string method, string ha1)
    {
        var ha2 = Ha2(method, header["uri"]!);
        var qop = header["qop"];
        if (qop is null)
        {
            return DigestHash.Md5Hex($"{ha1}:{header["nonce"]}:{ha2}");
        }

        if (!qop.Equals("auth", StringComparison.OrdinalIgnoreCase) || header["cnonce"] is not { } cnonce
            || header["nc"] is not { Length: 8 } nc)
        {
            return null;
        }

        // Formatted on the stack: this runs for every authenticated request.
        Span<char> input = stackalloc char[512];
        return input.TryWrite(CultureInfo.InvariantCulture, $"{ha1}:{header["nonce"]}:{nc}:{cnonce}:{qop}:{ha2}", out var written)
            ? DigestHash.Md5Hex(input[..written])
            : DigestHash.Md5Hex($"{ha1}:{header["nonce"]}:{nc}:{cnonce}:{qop}:{ha2}");
    }

    /// <summary>
    /// HA2 = MD5(method:uri). A polling client sends the same request over and over, so the last one
    /// is kept (one reference, replaced whole: safe across threads).
    /// </summary>
    private string Ha2(string method, string uri)
    {
        var last = Volatile.Read(ref _lastHa2);
        if (last is not null && last.Method == method && last.Uri == uri)
        {
            return last.Hash;
        }

        var hash = DigestHash.Md5Hex($"{method}:{uri}");
        Volatile.Write(ref _lastHa2, new Ha2Entry(method, uri, hash));
        return hash;
    }

    private sealed record Ha2Entry(string Method, string Uri, string Hash);

    /// <summary>A loop, not a lambda: a captured user agent cost a closure on every authenticated request.</summary>
    private bool SkipsUriValidation(string? agent)
    {
        if (agent is null)
        {
            return false;
        }

        foreach (var known in SkipUriValidationUserAgents)
        {
            if (agent.Contains(known, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The uri must name the request target: the same text, or else (mod_auth_digest's second try)
    /// the same path and query once unescaped, the path being the one the server resolved. So a
    /// client that sent <c>//axis-cgi/x.cgi</c> may sign either that or <c>/axis-cgi/x.cgi</c>. The
    /// host of an absolute uri is not compared.
    /// </summary>
    private bool UriMatches(string uri, AuthRequest request)
    {
        if (uri == request.Target || SkipsUriValidation(request.UserAgent))
        {
            return true;
        }

        var (path, query) = PathAndQuery(uri);
        var (targetPath, targetQuery) = PathAndQuery(request.Target);
        return Server.ApachePath.Unescape(path).Text == (request.Path ?? Server.ApachePath.Unescape(targetPath).Text)
            && Unescaped(query) == Unescaped(targetQuery);
    }

    private static string? Unescaped(string? query) => query is null ? null : Server.ApachePath.Unescape(query).Text;

    /// <summary>A uri's path and query (null: no <c>?</c>), past the scheme and authority of an absolute or network-path uri.</summary>
    private static (string Path, string? Query) PathAndQuery(string uri)
    {
        var scheme = uri.IndexOf("://", StringComparison.Ordinal);
        var authority = uri.StartsWith("//", StringComparison.Ordinal) ? 2
            : scheme > 0 && !uri.AsSpan(0, scheme).ContainsAnyExcept(SchemeChars) ? scheme + 3
            : -1;
        var rest = uri;
        if (authority >= 0)
        {
            var end = uri.AsSpan(authority).IndexOfAny('/', '?');
            rest = end < 0 ? "" : uri[(authority + end)..];
        }

        var question = rest.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? (rest, null) : (rest[..question], rest[(question + 1)..]);
    }
}
