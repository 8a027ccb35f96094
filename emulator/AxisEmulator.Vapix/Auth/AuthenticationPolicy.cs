namespace AxisEmulator.Vapix.Auth;

/// <summary>
/// <c>Network.HTTP.AuthenticationPolicy</c> (AXIS OS ≥ 5.70, DOC network-settings). Devices print it
/// lower case (<c>recommended</c>, <c>digest</c>, <c>basic</c>); <c>Recommended</c> is the default.
/// </summary>
public enum AuthenticationPolicy
{
    /// <summary>Basic on HTTP and HTTPS.</summary>
    Basic,

    /// <summary>Digest on HTTP and HTTPS.</summary>
    Digest,

    /// <summary>Digest on HTTP and HTTPS (Basic and Digest only for RTSP).</summary>
    BasicDigest,

    /// <summary>Digest on HTTP, Basic on HTTPS.</summary>
    Recommended,
}

/// <summary>An HTTP authentication scheme a request may use.</summary>
public enum HttpAuthScheme
{
    Basic,
    Digest,
}

public static class AuthenticationPolicies
{
    /// <summary>Parses the parameter value, case-insensitively; unknown text falls back to the default.</summary>
    public static AuthenticationPolicy FromParameter(string? value) => value?.ToLowerInvariant() switch
    {
        "basic" => AuthenticationPolicy.Basic,
        "digest" => AuthenticationPolicy.Digest,
        "basic_digest" => AuthenticationPolicy.BasicDigest,
        _ => AuthenticationPolicy.Recommended,
    };

    public static string ToParameterValue(this AuthenticationPolicy policy) => policy switch
    {
        AuthenticationPolicy.Basic => "basic",
        AuthenticationPolicy.Digest => "digest",
        AuthenticationPolicy.BasicDigest => "basic_digest",
        _ => "recommended",
    };

    /// <summary>
    /// The one scheme the device offers and accepts. Real devices send a single challenge (several
    /// break FF axis-core, which splits one header on commas), so each policy maps to one scheme.
    /// </summary>
    public static HttpAuthScheme SchemeFor(this AuthenticationPolicy policy, bool https) => policy switch
    {
        AuthenticationPolicy.Basic => HttpAuthScheme.Basic,
        AuthenticationPolicy.Recommended when https => HttpAuthScheme.Basic,
        _ => HttpAuthScheme.Digest,
    };
}
