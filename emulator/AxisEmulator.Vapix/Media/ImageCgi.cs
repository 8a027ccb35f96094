using System.Globalization;
using AxisEmulator.Core.Devices;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.Media;

/// <summary>
/// <c>/axis-cgi/jpg/image.cgi</c> (API id <c>media-cgi</c>): one JPEG of the test card, viewer access.
/// Products without video have no such CGI, so they answer Apache's 404.
/// </summary>
internal static class ImageCgi
{
    public const string ContentType = "image/jpeg";

    public static async Task<Reply> HandleAsync(VapixExchange exchange)
    {
        var (request, refusal) = await PrepareAsync(exchange);
        return request is null ? refusal! : Reply.Bytes(200, ContentType, Frame(exchange.Camera, request));
    }

    /// <summary>The checks every image CGI makes, in the device's order: is there a camera, who asks, what is asked.</summary>
    public static async Task<(ImageRequest? Request, Reply? Refusal)> PrepareAsync(VapixExchange exchange)
    {
        if (!exchange.Camera.Profile.HasVideo)
        {
            return (null, ApachePages.NotFound());
        }

        var args = await exchange.FormAsync();
        if (exchange.Authorize(AccessLevel.Viewer, json: false) is { } refusal)
        {
            return (null, refusal);
        }

        return ImageRequest.Parse(args, exchange.View.Tree);
    }

    /// <summary>A frame as the device sees it now: its own clock and boot phase drawn on the card.</summary>
    public static byte[] Frame(Device camera, ImageRequest request)
    {
        var now = camera.SystemTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        var overlay = $"{now}  {camera.Phase.ToKebab()}  camera {request.Camera.ToString(CultureInfo.InvariantCulture)}";
        return TestCard.For(camera).Render(request.Width, request.Height, request.Quality, overlay);
    }
}
