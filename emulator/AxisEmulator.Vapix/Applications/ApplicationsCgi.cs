using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.Applications;

/// <summary>
/// The ACAP application CGIs of a factory-fresh device, which has no applications installed:
/// <c>applications/list.cgi</c> answers an empty <c>&lt;reply result="ok"&gt;</c> (the XML the axis
/// library parses, vapix-facts K610 fixtures), <c>applications/config.cgi</c> an error for any
/// package. [E] the error text and type number are modelled.
/// </summary>
internal static class ApplicationsCgi
{
    private const string Xml = "text/xml";

    public static async Task<Reply> ListAsync(VapixExchange exchange)
    {
        await exchange.FormAsync();
        return exchange.Authorize(AccessLevel.Viewer, json: false) ?? Reply.Text(200, Xml, "<reply result=\"ok\">\n</reply>\n");
    }

    public static async Task<Reply> ConfigAsync(VapixExchange exchange)
    {
        var args = await exchange.FormAsync();
        if (exchange.Authorize(AccessLevel.Admin, json: false) is { } refusal)
        {
            return refusal;
        }

        var action = args["action"];
        var package = args["name"] ?? args["package"];
        var error = action is not ("get" or "set") ? "Invalid action"
            : string.IsNullOrEmpty(package) ? "Missing parameter: name"
            : "No such application";
        return Reply.Text(200, Xml, $"<reply result=\"error\">\n <error type=\"{(error == "No such application" ? 6 : 1)}\" message=\"{error}\" />\n</reply>\n");
    }
}
