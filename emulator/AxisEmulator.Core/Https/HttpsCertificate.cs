using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AxisEmulator.Core.Https;

/// <summary>
/// The camera's self-signed HTTPS certificate as it is stored (PEM), with the device's configuration:
/// made once from the identity, kept across restarts and soft factory defaults, replaced only by a
/// hard factory default (which erases the stored configuration it lives in).
/// </summary>
public sealed record HttpsCertificate(string CertificatePem, string PrivateKeyPem)
{
    /// <summary>How long the self-signed certificate is valid from its making (simulated time).</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromDays(10 * 365);

    /// <summary>The address a factory-fresh unit falls back to (vapix-facts §4.5), named in the certificate.</summary>
    public const string FactoryAddress = "192.168.0.90";

    /// <summary>SHA-256 of the DER certificate, lower-case hex: what a client pins.</summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(PemEncoding.Find(CertificatePem) is var pem
        ? Convert.FromBase64String(CertificatePem[pem.Base64Data])
        : []));

    /// <summary>
    /// A new certificate for the unit <paramref name="serial"/> valid from <paramref name="notBefore"/>:
    /// ECDSA P-256 (the units' cipher list starts with ECDHE-ECDSA suites), subject
    /// <c>CN=axis-&lt;serial&gt;</c> (the unit's hostname), names for the hostname and its factory address.
    /// </summary>
    public static HttpsCertificate Create(string serial, DateTimeOffset notBefore)
    {
        ArgumentException.ThrowIfNullOrEmpty(serial);
        var hostname = "axis-" + serial.ToLowerInvariant();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedName($"CN={hostname}, O=Axis Communications AB, SERIALNUMBER={serial.ToUpperInvariant()}");
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(hostname);
        names.AddIpAddress(System.Net.IPAddress.Parse(FactoryAddress));
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));

        // Whole seconds: X.509 times carry no fraction, and the stored PEM must say what was asked.
        var from = DateTimeOffset.FromUnixTimeSeconds(notBefore.ToUnixTimeSeconds());
        using var certificate = request.CreateSelfSigned(from, from + Validity);
        return new HttpsCertificate(certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>The certificate with its private key, ready for a TLS server.</summary>
    public X509Certificate2 ToX509() => X509Certificate2.CreateFromPem(CertificatePem, PrivateKeyPem);
}
