namespace AxisEmulator.Vapix.Text;

/// <summary>
/// The <c>text/html</c> answers of the legacy maintenance CGIs (vapix-facts §5): a page whose head
/// refreshes to the device's message page. The device answers first and then goes down. Clients
/// (FF axis-maintenance) check the media type and look for <c>restartMessage</c> /
/// <c>factoryMessage</c> / <c>factoryMessage2</c> in the head; the layout follows their fixtures.
/// </summary>
public static class MaintenancePages
{
    /// <summary><c>/axis-cgi/restart.cgi</c>.</summary>
    public static VapixResponse Restart(string? serverAddress = null) => Refresh("restartMessage.shtml", serverAddress);

    /// <summary><c>/axis-cgi/factorydefault.cgi</c>: soft reset, network settings kept.</summary>
    public static VapixResponse FactoryDefault(string? serverAddress = null) => Refresh("factoryMessage.shtml", serverAddress);

    /// <summary><c>/axis-cgi/hardfactorydefault.cgi</c>: everything reset, IP included.</summary>
    public static VapixResponse HardFactoryDefault(string? serverAddress = null) => Refresh("factoryMessage2.shtml", serverAddress);

    /// <summary>A refusal in the same CGIs' style (<c>Error: ...</c> in the body, nothing in the head).</summary>
    public static VapixResponse Error(string message) =>
        VapixResponse.Ok(VapixContentTypes.Html, $"<html><head></head><body>Error: {message}</body></html>\n");

    /// <param name="page">Message page under <c>/admin/</c>.</param>
    /// <param name="serverAddress">The device address the client used (<c>?server=</c>); omitted when unknown.</param>
    private static VapixResponse Refresh(string page, string? serverAddress)
    {
        var url = string.IsNullOrEmpty(serverAddress) ? $"/admin/{page}" : $"/admin/{page}?server={serverAddress}";
        var body =
            "<html>\n" +
            "    <head>\n" +
            $"        <meta http-equiv=\"refresh\" content=\"0;URL={url}\">\n" +
            "    </head>\n" +
            "    <body>\n" +
            "    </body>\n" +
            "</html>\n";
        return VapixResponse.Ok(VapixContentTypes.Html, body);
    }
}
