using System.Globalization;
using AxisEmulator.Vapix.Forms;
using AxisEmulator.Vapix.Parameters;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.Media;

/// <summary>
/// The image arguments of jpg/image.cgi and mjpg/video.cgi (VAPIX video streaming, "image request
/// arguments"): <c>resolution</c> from <c>Properties.Image.Resolution</c>, <c>camera</c> 1..NbrOfSources,
/// <c>compression</c> 0..100; unset arguments take the view area's configured appearance.
/// </summary>
internal sealed record ImageRequest(int Width, int Height, int Camera, int Compression)
{
    /// <summary>JPEG quality: Axis compression is the inverse (higher compression, lower quality).</summary>
    public int Quality => Math.Clamp(100 - Compression, 1, 100);

    public string Resolution => FormattableString.Invariant($"{Width}x{Height}");

    /// <summary>The request, or the device's answer to an argument it cannot honour.</summary>
    public static (ImageRequest? Request, Reply? Refusal) Parse(FormFields args, ParameterTree tree)
    {
        var sources = Number(tree["ImageSource.NbrOfSources"]) ?? 1;
        var cameraText = args["camera"];
        var camera = cameraText is null ? 1 : Number(cameraText) ?? 0;
        if (camera < 1 || camera > sources)
        {
            return (null, NotAvailable($"Camera {cameraText}"));
        }

        var supported = (tree["Properties.Image.Resolution"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var configured = tree[FormattableString.Invariant($"Image.I{camera - 1}.Appearance.Resolution")];
        var resolution = args["resolution"] ?? (supported.Contains(configured) ? configured : supported.FirstOrDefault());
        if (resolution is null || !supported.Contains(resolution, StringComparer.OrdinalIgnoreCase) || Size(resolution) is not var (width, height))
        {
            return (null, NotAvailable($"Resolution {resolution}"));
        }

        var compressionText = args["compression"] ?? tree[FormattableString.Invariant($"Image.I{camera - 1}.Appearance.Compression")] ?? "30";
        if (Number(compressionText) is not { } compression || compression > 100)
        {
            return (null, NotAvailable($"Compression {compressionText}"));
        }

        return (new ImageRequest(width, height, camera, compression), null);
    }

    /// <summary>
    /// The documented failure answer: a body text with the reason in an HTML comment
    /// (VAPIX video streaming, image resolution response: <c>&lt;!--Camera 1 not available.--&gt;</c>).
    /// </summary>
    public static Reply NotAvailable(string what) => Reply.Text(200, VapixContentTypes.Text, $"<!--{what} not available.-->\n");

    internal static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static (int Width, int Height)? Size(string resolution)
    {
        var x = resolution.IndexOfAny(['x', 'X']);
        return x > 0 && Number(resolution[..x]) is { } width and > 0 && Number(resolution[(x + 1)..]) is { } height and > 0
            ? (width, height)
            : null;
    }
}
