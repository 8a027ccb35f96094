using System.Net;
using System.Text;

namespace AxisEmulator.Client.Tests.Support;

/// <summary>An HTTP handler that answers with canned responses and records what it was sent.</summary>
internal sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
{
    public List<Recorded> Requests { get; } = [];

    public static StubHandler Json(HttpStatusCode status, string json, string mediaType = "application/json") =>
        new(_ => Response(status, json, mediaType));

    public static HttpResponseMessage Response(HttpStatusCode status, string body, string mediaType) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    public AxisEmulatorClient Client(string baseAddress = "http://emulator.test:8080/", string? token = null, TimeProvider? wallClock = null) =>
        new(new HttpClient(this) { BaseAddress = new Uri(baseAddress) }, token, disposeHttpClient: true, wallClock);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new Recorded(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body));
        return respond(request);
    }

    public sealed record Recorded(HttpMethod Method, Uri Uri, string? Authorization, string? Body);
}
