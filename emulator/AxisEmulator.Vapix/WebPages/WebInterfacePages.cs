using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.WebPages;

/// <summary>
/// What the device's web server answers a browser: <c>/</c> (Apache's DirectoryIndex, so
/// <c>/index.html</c> too) is a page that sends the browser on to the web interface at
/// <c>/camera/index.html</c> with a meta refresh, anonymously — as an AXIS M2036-LE answers it
/// (quoted in Greenbone's "Axis Devices Detection (HTTP)" check, which follows that refresh and
/// expects a 200 page titled AXIS). [E] the web interface itself is a stub page titled AXIS; the
/// setup-mode page a factory-fresh device redirects to has no source yet, so setup mode answers
/// the same.
/// </summary>
internal static class WebInterfacePages
{
    public const string Root = "/";
    public const string Index = "/index.html";
    public const string WebInterface = "/camera/index.html";

    public const string RedirectPage = "<html><head><meta http-equiv=\"refresh\" content=\"0; URL=/camera/index.html\" /></head></html>\n";

    public static Task<Reply> RedirectAsync(VapixExchange exchange) =>
        Task.FromResult(Reply.Text(200, VapixContentTypes.Html, RedirectPage));

    public static Task<Reply> WebInterfaceAsync(VapixExchange exchange) =>
        Task.FromResult(Reply.Text(200, VapixContentTypes.Html, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\" /><title>AXIS</title></head>"
            + $"<body><noscript>AXIS {System.Net.WebUtility.HtmlEncode(exchange.View.Identity.Model)}</noscript></body></html>\n"));
}
