using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AxisEmulator.Control.Api;

/// <summary>A device's HTTPS certificate, for clients that pin or trust it.</summary>
public static class CertificateApi
{
    /// <summary>The media type of a PEM certificate (RFC 7468 text).</summary>
    public const string PemMediaType = "application/x-pem-file";

    public static RouteGroupBuilder MapCertificateApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/devices/{id}/certificate", GetCertificate)
            .WithTags("Devices")
            .WithName("GetDeviceCertificate")
            .WithSummary("A device's HTTPS certificate (PEM)")
            .WithDescription("The self-signed certificate the device serves HTTPS with (made from its identity the first time it is needed, kept in its stored configuration, replaced only by a hard factory default). network.certificateSha256 in the device's state is its SHA-256 fingerprint.")
            .Produces<string>(StatusCodes.Status200OK, PemMediaType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static Results<ContentHttpResult, ProblemHttpResult> GetCertificate(string id, ControlPlane control) =>
        control.TryGetDevice(id, out var camera)
            ? TypedResults.Text(camera.HttpsCertificate.CertificatePem, PemMediaType)
            : control.UnknownDevice(id);
}
