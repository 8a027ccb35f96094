using System.Globalization;
using System.Text.Json.Nodes;
using AxisEmulator.Core.Config;
using AxisEmulator.Vapix.Parameters;

namespace AxisEmulator.Vapix.ViewAreas;

/// <summary>
/// One view area of the device: on a fixed camera, the whole view of one image source. [E] the ids
/// (1000000 + camera, as the popular Python client's fixture numbers them), the 64×64 minimum and
/// the 1-pixel grid are modelled; the canvas is the source's largest resolution.
/// </summary>
public sealed record ViewArea(int Id, int Source, int CanvasWidth, int CanvasHeight)
{
    public const int FirstId = 1000001;
    public const int MinSize = 64;

    /// <summary>Camera number as the image CGIs take it (source + 1).</summary>
    public int Camera => Source + 1;

    public ViewAreaGeometry FullCanvas => new(Id, 0, CanvasWidth, 0, CanvasHeight);

    /// <summary>One view area per image source of the tree (<c>ImageSource.NbrOfSources</c>, default 1); none without a resolution.</summary>
    public static IReadOnlyList<ViewArea> AllIn(ParameterTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (LargestResolution(tree["Properties.Image.Resolution"]) is not var (width, height))
        {
            return [];
        }

        var sources = int.TryParse(tree["ImageSource.NbrOfSources"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        return [.. Enumerable.Range(0, sources).Select(source => new ViewArea(FirstId + source, source, width, height))];
    }

    /// <summary>The list entry: the stored rectangle, else the full canvas.</summary>
    public JsonObject ToJson(ViewAreaGeometry? stored)
    {
        var geometry = stored ?? FullCanvas;
        return new JsonObject
        {
            ["id"] = Id,
            ["source"] = Source,
            ["camera"] = Camera,
            ["configurable"] = true,
            ["canvasSize"] = Size(CanvasWidth, CanvasHeight),
            ["rectangularGeometry"] = new JsonObject
            {
                ["horizontalOffset"] = geometry.HorizontalOffset,
                ["horizontalSize"] = geometry.HorizontalSize,
                ["verticalOffset"] = geometry.VerticalOffset,
                ["verticalSize"] = geometry.VerticalSize,
            },
            ["minSize"] = Size(MinSize, MinSize),
            ["maxSize"] = Size(CanvasWidth, CanvasHeight),
            ["grid"] = new JsonObject { ["horizontalOffset"] = 0, ["horizontalSize"] = 1, ["verticalOffset"] = 0, ["verticalSize"] = 1 },
        };
    }

    private static JsonObject Size(int horizontal, int vertical) => new() { ["horizontal"] = horizontal, ["vertical"] = vertical };

    private static (int Width, int Height)? LargestResolution(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Parse)
            .Where(size => size is not null)
            .OrderByDescending(size => (long)size!.Value.Width * size.Value.Height)
            .FirstOrDefault();

    private static (int Width, int Height)? Parse(string resolution)
    {
        var parts = resolution.Split('x', 'X');
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w > 0
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h > 0
            ? (w, h)
            : null;
    }
}
