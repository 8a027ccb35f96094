using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AxisEmulator.Control.Tests.Api;

/// <summary>The HTTPS face in the control API: the endpoint, whether it is open, the certificate and its fingerprint.</summary>
public sealed class CertificateApiTests
{
    [Fact]
    public async Task A_ready_device_shows_its_https_endpoint_and_serves_the_certificate_the_api_gives()
    {
        await using var host = await ControlApiHost.StartAsync(withListeners: true);
        await host.CreateAsync("cam", powerOn: true);
        await host.AdvanceAsync(100);
        await host.Listeners!.SettledAsync("cam");

        var state = await host.StateAsync("cam");
        state.Bool("network.httpsListenerOpen").Should().BeTrue();
        var endpoint = new Uri(state.Str("network.httpsEndpoint"));
        endpoint.Scheme.Should().Be("https");
        var fingerprint = state.Str("network.certificateSha256");
        using var response = await host.Client.GetAsync("/api/v1/devices/cam/certificate");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/x-pem-file");
        using var certificate = X509Certificate2.CreateFromPem(await response.Content.ReadAsStringAsync());
        Convert.ToHexStringLower(SHA256.HashData(certificate.RawData)).Should().Be(fingerprint);

        using var pinned = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, served, _, _) => served is not null && Convert.ToHexStringLower(SHA256.HashData(served.GetRawCertData())) == fingerprint },
        });
        using var answer = await pinned.GetAsync(new Uri(endpoint, "/axis-cgi/pwdgrp.cgi?action=get"));
        answer.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the listener presented exactly that certificate and answered");
    }

    [Fact]
    public async Task The_certificate_of_an_unknown_device_is_404()
    {
        await using var host = await ControlApiHost.StartAsync();
        using var response = await host.Client.GetAsync("/api/v1/devices/nobody/certificate");
        await ControlApiHost.ExpectProblemAsync(response, 404);
    }
}
