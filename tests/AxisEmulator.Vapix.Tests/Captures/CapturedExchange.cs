namespace AxisEmulator.Vapix.Tests.Captures;

/// <summary>A recorded request: <c>METHOD path?query</c>, headers, blank line, body.</summary>
public sealed record CapturedRequest(
    string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? ContentType => Headers.TryGetValue("Content-Type", out var value) ? value : null;

    /// <summary>Path and query as they appeared on the request line (no leading slash in the files).</summary>
    public string Target => Query.Length == 0 ? Path : Path + "?" + Query;
}

/// <summary>A recorded response: <c>&lt;status&gt; &lt;reason&gt;</c>, blank line, body (headers were not recorded).</summary>
public sealed record CapturedResponse(int Status, string Reason, string Body);

/// <summary>One request/response pair, <c>NNN-&lt;id&gt;</c> within its cassette.</summary>
public sealed record CapturedExchange(int Index, string Id, CapturedRequest Request, CapturedResponse Response);

/// <summary>A model on a firmware version, as manifest.json names it (<c>P3245-LVE@11.11.192</c>).</summary>
public sealed record CapturedDevice(string Model, string Version)
{
    public static CapturedDevice Parse(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        return new CapturedDevice(text[..at], text[(at + 1)..]);
    }

    public override string ToString() => $"{Model}@{Version}";
}

/// <summary>
/// One cassette: <c>&lt;case&gt;/&lt;hash&gt;</c>, the devices that answered it identically, and its
/// exchanges in order.
/// </summary>
public sealed record CaptureCassette(
    string Case, string Hash, IReadOnlyList<CapturedDevice> Devices, IReadOnlyList<CapturedExchange> Exchanges)
{
    public string Key => $"{Case}/{Hash}";

    public override string ToString() => Key;
}
