namespace AxisEmulator.Core.Events;

/// <summary>
/// Why a VAPIX request's credentials were refused, kept in its request entry: the journal says not
/// only that a tool got 401 but why (WireMock.Net's "why it did not match").
/// </summary>
public enum RequestRefusal
{
    /// <summary>Not refused (authenticated, anonymous, or refused for no credential reason).</summary>
    None,

    /// <summary>No <c>Authorization</c> header.</summary>
    NoCredentials,

    /// <summary>Basic under a Digest policy, or Digest under a Basic one.</summary>
    SchemeNotAccepted,

    /// <summary>Credentials that cannot be read: bad Base64, Digest fields missing, another realm, another algorithm.</summary>
    MalformedCredentials,

    /// <summary>No account of that name.</summary>
    UnknownUser,

    /// <summary>The account exists; the password (or the Digest response made from it) does not match.</summary>
    WrongPassword,

    /// <summary>The right answer to an expired nonce: the challenge says <c>stale=true</c>.</summary>
    StaleNonce,

    /// <summary>A nonce this boot of the device never issued.</summary>
    UnknownNonce,

    /// <summary>A Digest nonce count that was used before or did not increase.</summary>
    ReplayedNonce,

    /// <summary>A Digest <c>uri</c> that is not the request target: Apache answers 400.</summary>
    UriMismatch,

    /// <summary>Valid credentials of a role below what the CGI needs.</summary>
    WrongRole,
}

/// <summary>Wire names for <see cref="RequestRefusal"/>.</summary>
public static class RequestRefusals
{
    /// <summary><c>no-credentials</c>, <c>wrong-password</c>, … ; null for <see cref="RequestRefusal.None"/>.</summary>
    public static string? ToWireString(this RequestRefusal refusal) => refusal switch
    {
        RequestRefusal.None => null,
        RequestRefusal.NoCredentials => "no-credentials",
        RequestRefusal.SchemeNotAccepted => "scheme-not-accepted",
        RequestRefusal.MalformedCredentials => "malformed-credentials",
        RequestRefusal.UnknownUser => "unknown-user",
        RequestRefusal.WrongPassword => "wrong-password",
        RequestRefusal.StaleNonce => "stale-nonce",
        RequestRefusal.UnknownNonce => "unknown-nonce",
        RequestRefusal.ReplayedNonce => "replayed-nonce",
        RequestRefusal.UriMismatch => "uri-mismatch",
        RequestRefusal.WrongRole => "wrong-role",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "unknown request refusal"),
    };
}
