using System.Net;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.Upnp;

/// <summary>
/// Serves <see cref="RootDescription"/> without authentication, as libupnp's web server does on a real
/// unit (SSDP clients fetch it before they have any credentials), to the address and port the client
/// came in on: port 80 of the camera's address in the lab. With <c>Network.UPnP.Enabled=no</c> there
/// is no UPnP server on the unit, so Apache's 404 answers instead.
/// </summary>
internal static class RootDescriptionRoute
{
    public const string ContentType = "text/xml";

    public static Task<Reply> HandleAsync(VapixExchange exchange)
    {
        var view = exchange.View;
        if (string.Equals(view.Tree["Network.UPnP.Enabled"], "no", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(ApachePages.NotFound());
        }

        var connection = exchange.Http.Connection;
        var address = connection.LocalIpAddress is { } local ? (local.IsIPv4MappedToIPv6 ? local.MapToIPv4() : local) : IPAddress.Loopback;
        // The port written out even when it is 80, as on a real unit (axis-discovery-ssdp reads it from presentationURL).
        var baseUrl = $"http://{address}:{(connection.LocalPort is > 0 and var port ? port : 80)}/";
        return Task.FromResult(Reply.Text(200, ContentType, RootDescription.Render(view.Identity, view.Tree["Network.UPnP.FriendlyName"], baseUrl)));
    }
}
