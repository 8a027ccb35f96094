using AxisEmulator.Core.Config;
using AxisEmulator.Core.Events;

namespace AxisEmulator.Vapix.Auth;

public enum AuthOutcome
{
    /// <summary>The caller may proceed; <see cref="AuthResult.User"/> is null for anonymous access.</summary>
    Authenticated,

    /// <summary>No, wrong or stale credentials: 401 with <see cref="AuthResult.Challenge"/>.</summary>
    Challenge,

    /// <summary>
    /// Valid credentials but a role below the requirement. Apache (AuthzSendForbiddenOnFailure off,
    /// its default) answers this with a 401 and a new challenge, so <see cref="AuthResult.StatusCode"/>
    /// is 401; the outcome is kept apart for the request journal.
    /// </summary>
    Forbidden,

    /// <summary>A Digest <c>uri</c> that is not the request's target: Apache answers 400.</summary>
    BadRequest,
}

/// <summary>The verdict on one request's credentials.</summary>
public sealed record AuthResult(AuthOutcome Outcome, UserAccount? User, string? Challenge, string Reason)
{
    public bool IsAuthenticated => Outcome == AuthOutcome.Authenticated;

    /// <summary>True when the challenge carries <c>stale=true</c> (right credentials, expired nonce).</summary>
    public bool Stale { get; init; }

    /// <summary>Why the credentials were refused, for the request journal: a challenge says which; the other outcomes are their own reason.</summary>
    public RequestRefusal Refusal
    {
        get => Outcome switch
        {
            AuthOutcome.Authenticated => RequestRefusal.None,
            AuthOutcome.BadRequest => RequestRefusal.UriMismatch,
            AuthOutcome.Forbidden => RequestRefusal.WrongRole,
            _ => _challengeRefusal,
        };
        init => _challengeRefusal = value;
    }

    private readonly RequestRefusal _challengeRefusal;

    /// <summary>The HTTP status to answer with when not authenticated.</summary>
    public int StatusCode => Outcome switch
    {
        AuthOutcome.Authenticated => 200,
        AuthOutcome.BadRequest => 400,
        _ => 401,
    };

    /// <summary>What the caller may do: the user's role, or anonymous.</summary>
    public AccessLevel Access => User is null ? AccessLevel.Anonymous : AccessLevels.Of(User.Role);
}

/// <summary>The parts of an HTTP request that authentication looks at.</summary>
/// <param name="Method">HTTP method, e.g. <c>GET</c>.</param>
/// <param name="Target">Request target as sent on the request line: path and query.</param>
/// <param name="Authorization">The <c>Authorization</c> header, if any.</param>
/// <param name="IsHttps">Whether the request came over TLS (the policy may pick Basic there).</param>
/// <param name="UserAgent">Matched against <see cref="HttpAuthenticator.SkipUriValidationUserAgents"/>.</param>
/// <param name="Path">The path the server resolved the target to (normalised, unescaped); null: the target's own path, unescaped.</param>
public sealed record AuthRequest(
    string Method, string Target, string? Authorization, bool IsHttps = false, string? UserAgent = null, string? Path = null);
