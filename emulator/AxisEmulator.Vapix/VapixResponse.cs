namespace AxisEmulator.Vapix;

/// <summary>What a VAPIX handler answers; the HTTP layer only copies it onto the wire.</summary>
public sealed record VapixResponse(int StatusCode, string ContentType, string Body)
{
    public static VapixResponse Ok(string contentType, string body) => new(200, contentType, body);
}

/// <summary>Content types the device sends (vapix-facts §1.1).</summary>
public static class VapixContentTypes
{
    public const string Text = "text/plain";

    public const string Html = "text/html";

    /// <summary>
    /// 12.11 sends <c>charset=utf8</c> (no dash) on success, which makes .NET's ReadAsStringAsync throw;
    /// the 401 uses <c>utf-8</c>. We send the spelling every client can read.
    /// </summary>
    public const string Json = "application/json; charset=utf-8";
}
