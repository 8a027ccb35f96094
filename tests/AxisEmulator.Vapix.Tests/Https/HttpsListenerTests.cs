using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Vapix.Tests.Server;

namespace AxisEmulator.Vapix.Tests.Https;

/// <summary>
/// Every camera's HTTPS listener beside its HTTP one: its own self-signed certificate, HTTP/2 by
/// ALPN, the same boot phases as HTTP, and <c>HTTPS.Enabled</c> acting on it.
/// </summary>
public sealed class HttpsListenerTests
{
    [Fact]
    public async Task HttpClient_negotiates_http2_with_the_device_certificate_and_gets_a_basic_challenge()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var anonymous = HttpsClients.Pinned(h, camera);

        using var refused = await anonymous.GetAsync(HttpsClients.ProtectedTarget);

        refused.Version.Should().Be(HttpVersion.Version20, "units speak HTTP/2 over TLS (vapix-facts §1.1)");
        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        refused.Headers.WwwAuthenticate.Should().ContainSingle().Which.ToString().Should().Be($"Basic realm=\"AXIS_{camera.Serial}\"", "the 12.11 capture over HTTPS (401-https-headers.txt)");
        using var admin = HttpsClients.Pinned(h, camera, new NetworkCredential(ServerHarness.AdminUser, ServerHarness.AdminPassword));
        using var answered = await admin.GetAsync(HttpsClients.ProtectedTarget);
        answered.StatusCode.Should().Be(HttpStatusCode.OK);
        answered.Version.Should().Be(HttpVersion.Version20);
    }

    [Fact]
    public async Task The_certificate_names_the_unit_and_is_valid_from_simulated_time()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();

        using var certificate = X509Certificate2.CreateFromPem(camera.Config.HttpsCertificate!.CertificatePem);

        certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false).Should().Be("axis-" + camera.Serial.ToLowerInvariant());
        certificate.Subject.Should().Be(certificate.Issuer, "self-signed");
        certificate.GetKeyAlgorithm().Should().Be("1.2.840.10045.2.1", "ECDSA, as the units' ECDHE-ECDSA cipher list suggests");
        certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames().Should().Equal("axis-" + camera.Serial.ToLowerInvariant());
        new DateTimeOffset(certificate.NotBefore.ToUniversalTime()).Should().BeCloseTo(h.Clock.GetUtcNow(), TimeSpan.FromHours(2), "made as the unit first booted, in simulated time");
    }

    [Fact]
    public async Task Https_is_refused_while_the_device_reboots_on_the_same_port_and_comes_back()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        var endpoint = h.HttpsEndpoint(camera);
        h.Listeners.IsHttpsOpen(camera.Id).Should().BeTrue();

        camera.Restart().Should().BeTrue();
        await h.AdvanceUntilAsync(camera, DevicePhase.Booting);

        h.Listeners.IsHttpsOpen(camera.Id).Should().BeFalse("HTTPS follows the same boot phases as HTTP");
        await ShouldRefuseAsync(endpoint);
        await h.AdvanceUntilAsync(camera, DevicePhase.Ready);
        h.HttpsEndpoint(camera).Should().Be(endpoint);
        using var client = HttpsClients.Pinned(h, camera);
        (await client.GetAsync("/axis-cgi/systemready.cgi")).StatusCode.Should().NotBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Https_enabled_no_closes_the_listener_and_yes_reopens_it()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        var endpoint = h.HttpsEndpoint(camera);
        using var admin = h.Client(camera);

        (await admin.GetStringAsync("/axis-cgi/param.cgi?action=update&HTTPS.Enabled=no")).Should().Be("OK");
        await h.Listeners.SettledAsync(camera.Id);

        h.Listeners.IsHttpsOpen(camera.Id).Should().BeFalse();
        h.Listeners.IsOpen(camera.Id).Should().BeTrue("plain HTTP stays");
        await ShouldRefuseAsync(endpoint);
        (await admin.GetStringAsync("/axis-cgi/param.cgi?action=update&HTTPS.Enabled=yes")).Should().Be("OK");
        await h.Listeners.SettledAsync(camera.Id);
        h.Listeners.IsHttpsOpen(camera.Id).Should().BeTrue();
    }

    [Fact]
    public async Task The_certificate_survives_a_restart_of_the_emulator_and_a_soft_default_but_not_a_hard_one()
    {
        var directory = Path.Combine(Path.GetTempPath(), "axis-emulator-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string id, serial, first;
            await using (var before = new ServerHarness(store: new FileDeviceStateStore(directory)))
            {
                var camera = await before.ReadyDeviceAsync();
                (id, serial, first) = (camera.Id, camera.Serial, camera.Config.HttpsCertificate!.Sha256);
                await camera.FlushConfigAsync();
            }

            await using var after = new ServerHarness(store: new FileDeviceStateStore(directory));
            var again = after.Add("P3245-LVE", serial, id);
            await after.PowerOnAsync(again);
            again.Config.HttpsCertificate!.Sha256.Should().Be(first, "kept in the state directory");
            (await ServedSha256Async(after, again)).Should().Be(first);

            again.FactoryDefault(FactoryDefaultMode.Soft).Should().BeTrue();
            await after.RunUntilIdleAsync(again);
            again.Config.HttpsCertificate!.Sha256.Should().Be(first, "only a hard factory default replaces it");

            again.FactoryDefault(FactoryDefaultMode.Hard).Should().BeTrue();
            await after.RunUntilIdleAsync(again);
            var replaced = again.Config.HttpsCertificate!.Sha256;
            replaced.Should().NotBe(first);
            (await ServedSha256Async(after, again)).Should().Be(replaced, "the listener serves the new one");
            await again.FlushConfigAsync();
            new FileDeviceStateStore(directory).Load(id)!.HttpsCertificate!.Sha256.Should().Be(replaced);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The SHA-256 of the certificate the listener presents.</summary>
    private static async Task<string> ServedSha256Async(ServerHarness h, Device camera)
    {
        string? served = null;
        var endpoint = h.HttpsEndpoint(camera);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(endpoint.Host, endpoint.Port);
        await using var tls = new System.Net.Security.SslStream(tcp.GetStream(), false, (_, certificate, _, _) =>
        {
            // Records what is presented; accepted only if it is self-signed by the unit it claims to be.
            served = certificate is null ? null : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(certificate.GetRawCertData()));
            return certificate?.Subject == certificate?.Issuer && certificate?.Subject.Contains(camera.Serial.ToLowerInvariant(), StringComparison.Ordinal) == true;
        });
        await tls.AuthenticateAsClientAsync("axis-" + camera.Serial.ToLowerInvariant());
        return served!;
    }

    private static async Task ShouldRefuseAsync(Uri endpoint)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var connect = async () => await socket.ConnectAsync(endpoint.Host, endpoint.Port);
        (await connect.Should().ThrowAsync<SocketException>()).Which.SocketErrorCode.Should().Be(SocketError.ConnectionRefused);
    }
}
