using System.Text;

namespace AxisEmulator.Vapix.Server;

/// <summary>
/// What the server sends for one request: status, content type, body bytes, extra headers, and an
/// optional action to run on the device once the response has gone out (restart, factory default).
/// </summary>
internal sealed class Reply
{
    private Reply(int status, string contentType, byte[] body)
    {
        Status = status;
        ContentType = contentType;
        Body = body;
    }

    public int Status { get; }

    public string ContentType { get; }

    public byte[] Body { get; }

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    /// <summary>Runs after the response is complete (the client has its answer before the device goes down).</summary>
    public Action? After { get; private set; }

    public static Reply From(VapixResponse response) => Text(response.StatusCode, response.ContentType, response.Body);

    /// <summary>
    /// Like <see cref="From"/>, for a body that is itself cached (a param.cgi listing, rendered once
    /// per parameter tree): its bytes are encoded once too, and live as long as the text does.
    /// </summary>
    public static Reply FromCached(VapixResponse response) =>
        new(response.StatusCode, response.ContentType, EncodedBodies.GetValue(response.Body, static body => Encoding.UTF8.GetBytes(body)));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, byte[]> EncodedBodies = [];

    public static Reply Text(int status, string contentType, string body) => new(status, contentType, Encoding.UTF8.GetBytes(body));

    public static Reply Bytes(int status, string contentType, byte[] body) => new(status, contentType, body);

    /// <summary>A 200 whose body is written as it is produced (a multipart stream), until <paramref name="write"/> returns.</summary>
    public static Reply Streaming(string contentType, Func<Stream, CancellationToken, Task> write) => new(200, contentType, []) { Streamer = write };

    /// <summary>Writes a body produced over time; null when <see cref="Body"/> is the whole answer.</summary>
    public Func<Stream, CancellationToken, Task>? Streamer { get; private init; }

    /// <summary>The handler took the connection over (a WebSocket): its 101 has gone out, nothing is left to write.</summary>
    public static Reply Upgraded { get; } = new(101, "", []);

    public bool IsUpgraded => ReferenceEquals(this, Upgraded);

    public Reply WithHeader(string name, string value)
    {
        Headers.Add(new(name, value));
        return this;
    }

    public Reply Then(Action action)
    {
        After = action;
        return this;
    }
}

/// <summary>
/// The error pages of the device's Apache httpd (2.4 wording), for what never reaches a CGI: unknown
/// paths, bad requests, refused methods, oversized bodies, a server still starting, failed logins.
/// </summary>
internal static class ApachePages
{
    public const string ContentType = "text/html; charset=iso-8859-1";

    public static Reply BadRequest() => Page(400, "Bad Request", "<p>Your browser sent a request that this server could not understand.<br />\n</p>\n");

    /// <summary>Apache's answer to a header line over LimitRequestFieldSize.</summary>
    public static Reply HeaderFieldTooLong() => Page(400, "Bad Request", "<p>Your browser sent a request that this server could not understand.<br />\nSize of a request header field exceeds server limit.<br />\n</p>\n");

    public static Reply Unauthorized() => Page(
        401,
        "Unauthorized",
        "<p>This server could not verify that you\nare authorized to access the document\nrequested.  Either you supplied the wrong\ncredentials (e.g., bad password), or your\nbrowser doesn't understand how to supply\nthe credentials required.</p>\n");

    public static Reply NotFound() => Page(404, "Not Found", "<p>The requested URL was not found on this server.</p>\n");

    public static Reply MethodNotAllowed(string method, string allow) =>
        Page(405, "Method Not Allowed", $"<p>The requested method {Escape(method)} is not allowed for this URL.</p>\n").WithHeader("Allow", allow);

    public static Reply PayloadTooLarge(string method) => Page(
        413,
        "Request Entity Too Large",
        $"The requested resource does not allow request data with {Escape(method)} requests, or the amount of data provided in\nthe request exceeds the capacity limit.\n");

    public static Reply ServiceUnavailable() => Page(
        503,
        "Service Unavailable",
        "<p>The server is temporarily unable to service your\nrequest due to maintenance downtime or capacity\nproblems. Please try again later.</p>\n");

    private static Reply Page(int status, string title, string content) => Reply.Text(
        status,
        ContentType,
        "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n" +
        "<html><head>\n" +
        $"<title>{status} {title}</title>\n" +
        "</head><body>\n" +
        $"<h1>{title}</h1>\n" +
        content +
        "</body></html>\n");

    private static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text);
}
