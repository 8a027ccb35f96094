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
    public async Task Https_enabled_no_over_param_cgi_shows_in_the_state_once_settled_and_yes_brings_it_back_on_the_same_endpoint()
    {
        await using var host = await ControlApiHost.StartAsync(withListeners: true);
        await host.CreateAsync("cam", powerOn: true);
        await host.AdvanceAsync(100);
        await host.Listeners!.SettledAsync("cam");
        var before = await host.StateAsync("cam");
        var http = new Uri(before.Str("network.endpoint"));
        var https = before.Str("network.httpsEndpoint");
        using var vapix = new HttpClient(new SocketsHttpHandler { Credentials = new NetworkCredential("root", "pass") }) { BaseAddress = http };
        (await vapix.GetStringAsync("/axis-cgi/pwdgrp.cgi?action=add&user=root&pwd=pass&grp=root&sgrp=admin:operator:viewer:ptz")).Should().Contain("Created account root.");

        (await vapix.GetStringAsync("/axis-cgi/param.cgi?action=update&HTTPS.Enabled=no")).Should().Be("OK");
        await host.Listeners.SettledAsync("cam");

        var off = await host.StateAsync("cam");
        off.Bool("network.httpsListenerOpen").Should().BeFalse();
        off.Bool("network.listenerOpen").Should().BeTrue();
        off.Str("network.httpsEndpoint").Should().Be(https, "the port stays the device's while HTTPS is off");
        (await vapix.GetStringAsync("/axis-cgi/param.cgi?action=update&HTTPS.Enabled=yes")).Should().Be("OK");
        await host.Listeners.SettledAsync("cam");
        var on = await host.StateAsync("cam");
        on.Bool("network.httpsListenerOpen").Should().BeTrue();
        on.Str("network.httpsEndpoint").Should().Be(https);
    }

    [Fact]
    public async Task The_certificate_of_an_unknown_device_is_404()
    {
        await using var host = await ControlApiHost.StartAsync();
        using var response = await host.Client.GetAsync("/api/v1/devices/nobody/certificate");
        await ControlApiHost.ExpectProblemAsync(response, 404);
    }
}
