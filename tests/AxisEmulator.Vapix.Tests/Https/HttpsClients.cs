using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using AxisEmulator.Core.Devices;
using AxisEmulator.Vapix.Tests.Server;

namespace AxisEmulator.Vapix.Tests.Https;

/// <summary>Clients of a device's HTTPS listener that trust exactly its certificate (pinned by SHA-256).</summary>
internal static class HttpsClients
{
    /// <summary>A protected read (admin): the 401 carries the policy's challenge.</summary>
    public const string ProtectedTarget = "/axis-cgi/pwdgrp.cgi?action=get";

    public static Uri HttpsEndpoint(this ServerHarness harness, Device camera) =>
        harness.Listeners.HttpsEndpointOf(camera.Id) ?? throw new InvalidOperationException($"{camera.Id} has not served HTTPS yet");

    /// <summary>An HTTP/2 client (falls back to 1.1 only if the server refuses h2) pinned to the device's stored certificate.</summary>
    public static HttpClient Pinned(ServerHarness harness, Device camera, NetworkCredential? credentials = null)
    {
        var pinned = camera.Config.HttpsCertificate?.Sha256 ?? throw new InvalidOperationException($"{camera.Id} has no certificate yet");
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            Credentials = credentials,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && Convert.ToHexStringLower(SHA256.HashData(certificate.GetRawCertData())) == pinned,
            },
        };
        return new HttpClient(handler)
        {
            BaseAddress = harness.HttpsEndpoint(camera),
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }
}
