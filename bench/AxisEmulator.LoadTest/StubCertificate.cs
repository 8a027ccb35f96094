using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AxisEmulator.LoadTest;

/// <summary>The bare TLS server's self-signed certificate: ECDSA P-256 like the devices', kept in the stub directory as PEM.</summary>
internal static class StubCertificate
{
    /// <summary>Makes one and stores it in <paramref name="directory"/>; returns its SHA-256 (DER, lower-case hex) for the client to pin.</summary>
    public static string Create(string directory)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=bare-kestrel", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(directory, "stub.cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "stub.key.pem"), key.ExportPkcs8PrivateKeyPem());
        return Sha256(certificate);
    }

    public static X509Certificate2 Load(string directory) =>
        X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(directory, "stub.cert.pem")), File.ReadAllText(Path.Combine(directory, "stub.key.pem")));

    public static string Sha256(X509Certificate2 certificate) => Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));
}
