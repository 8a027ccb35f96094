using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography;
using System.Text;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Fleet;

namespace AxisEmulator.Control.Scenarios;

/// <summary>
/// Sends a scenario's <c>vapix</c> steps over real HTTP (or HTTPS, the certificate pinned) to the device's listener, the way a
/// provisioning tool would: Digest (or Basic, whatever the device offers) through
/// <see cref="NetworkCredential"/>, a fresh connection per request (a camera that rebooted has
/// dropped the old ones). A closed listener surfaces as the socket error a tool would see.
/// </summary>
public sealed class HttpScenarioVapixClient : IScenarioVapixClient
{
    /// <summary>Wall-clock limit of one request (and of the device's follow-up); simulated time stands still meanwhile.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly IDeviceEndpoints _endpoints;
    private readonly TimeProvider _wall;

    /// <summary>A client of the devices behind <paramref name="endpoints"/> (the host's listeners), timed by <paramref name="wall"/> (the simulation clock's <c>Wall</c>).</summary>
    public HttpScenarioVapixClient(IDeviceEndpoints endpoints, TimeProvider wall)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(wall);
        _endpoints = endpoints;
        _wall = wall;
    }

    public async Task<ScenarioVapixResponse> SendAsync(Device device, ScenarioVapixRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(request);

        // The listener follows the device asynchronously: let it catch up with the last clock advance.
        await _endpoints.SettledAsync(device.Id).WaitAsync(RequestTimeout, _wall, cancellationToken);
        var https = request.Scheme == ScenarioVapixRequest.Https;
        var open = https ? _endpoints.IsHttpsOpen(device.Id) : _endpoints.IsOpen(device.Id);
        if (!open || (https ? _endpoints.HttpsEndpointOf(device.Id) : _endpoints.EndpointOf(device.Id)) is not { } endpoint)
        {
            throw new HttpRequestException($"connection refused: {device.Id} is {device.Phase.ToKebab()} and its {request.Scheme.ToUpperInvariant()} listener is closed");
        }

        using var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PreAuthenticate = false,
            ConnectTimeout = request.ConnectTimeout ?? RequestTimeout,
            Credentials = request.User is null ? null : new NetworkCredential(request.User, request.Password ?? ""),
        };
        if (https)
        {
            handler.SslOptions = Pinned(device);
        }

        using var http = new HttpClient(handler) { Timeout = RequestTimeout };
        var target = new Uri(endpoint, request.Path);
        if (target.Authority != endpoint.Authority || target.Scheme != endpoint.Scheme)
        {
            // The parser refuses such paths; this keeps any other caller on the device's own listener too.
            throw new ArgumentException($"'{request.Path}' leads to {target.GetLeftPart(UriPartial.Authority)}, not to {device.Id}'s listener {endpoint.GetLeftPart(UriPartial.Authority)}");
        }

        using var message = new HttpRequestMessage(new HttpMethod(request.Method), target);
        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType ?? DefaultContentType(request.Body));
        }

        using var response = await http.SendAsync(message, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var contentType = response.Content.Headers.ContentType?.ToString();

        // What the device does after answering (a restart, a factory default) has happened by the
        // time a real client could look again; so has the listener's reaction to it.
        await _endpoints.SettledAsync(device.Id).WaitAsync(RequestTimeout, _wall, cancellationToken);
        return new ScenarioVapixResponse((int)response.StatusCode, contentType, body);
    }

    /// <summary>
    /// Trusts exactly the device's own self-signed certificate: the SHA-256 its state reports
    /// (<c>network.certificateSha256</c>), as a tool that pinned it would; anything else fails the handshake.
    /// </summary>
    private static SslClientAuthenticationOptions Pinned(Device device)
    {
        var pinned = device.Snapshot().CertificateSha256;
        return new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                pinned is not null && certificate is not null && Convert.ToHexStringLower(SHA256.HashData(certificate.GetRawCertData())) == pinned,
        };
    }

    private static string DefaultContentType(string body) =>
        body.TrimStart().StartsWith('{') ? "application/json" : "application/x-www-form-urlencoded";
}
