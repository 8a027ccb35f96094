using System.Text.Json.Nodes;
using AxisEmulator.Core.Config;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Json;

namespace AxisEmulator.Vapix.ViewAreas;

/// <summary>
/// The View area API (id <c>view-area</c> 1.0 in every captured list): <c>viewarea/info.cgi</c>
/// (list, getSupportedVersions for viewers) and <c>viewarea/configure.cgi</c> (setGeometry,
/// resetGeometry, getSupportedVersions for administrators), as the vendor documentation gives them.
/// Errors are the 1100/21xx family of the newer device APIs; setGeometry and resetGeometry answer the
/// changed view area in a <c>viewAreas</c> list as <c>list</c> does.
/// </summary>
public static class ViewAreaApi
{
    public const string InfoPath = "/axis-cgi/viewarea/info.cgi";
    public const string ConfigurePath = "/axis-cgi/viewarea/configure.cgi";

    public static JsonApiSpec InfoSpec { get; } = SpecWith(new Dictionary<string, AccessLevel>(StringComparer.Ordinal)
    {
        ["list"] = AccessLevel.Viewer,
        [JsonApiSpec.GetSupportedVersions] = AccessLevel.Viewer,
    });

    public static JsonApiSpec ConfigureSpec { get; } = SpecWith(new Dictionary<string, AccessLevel>(StringComparer.Ordinal)
    {
        ["setGeometry"] = AccessLevel.Admin,
        ["resetGeometry"] = AccessLevel.Admin,
        [JsonApiSpec.GetSupportedVersions] = AccessLevel.Admin,
    });

    public static JsonObject List(IReadOnlyList<ViewArea> areas, IReadOnlyList<ViewAreaGeometry> stored)
    {
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(stored);
        return Listing(areas.Select(area => area.ToJson(stored.FirstOrDefault(g => g.Id == area.Id))));
    }

    /// <summary>
    /// setGeometry: <c>viewArea.id</c> of a known area and a <c>rectangularGeometry</c> inside its
    /// canvas, no smaller than the minimum size. Returns the stored geometries after the change.
    /// </summary>
    public static (ViewAreaGeometry Geometry, IReadOnlyList<ViewAreaGeometry> Stored) SetGeometry(
        DeviceJsonParams read, IReadOnlyList<ViewArea> areas, IReadOnlyList<ViewAreaGeometry> stored)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(stored);
        var viewArea = read.Object("viewArea");
        var area = Find(viewArea, areas);
        var rectangle = viewArea.Object("rectangularGeometry");
        var horizontalSize = rectangle.Int("horizontalSize", ViewArea.MinSize, area.CanvasWidth);
        var verticalSize = rectangle.Int("verticalSize", ViewArea.MinSize, area.CanvasHeight);
        var horizontalOffset = rectangle.Int("horizontalOffset", 0, area.CanvasWidth - horizontalSize);
        var verticalOffset = rectangle.Int("verticalOffset", 0, area.CanvasHeight - verticalSize);
        var geometry = new ViewAreaGeometry(area.Id, horizontalOffset, horizontalSize, verticalOffset, verticalSize);
        return (geometry, [.. stored.Where(g => g.Id != area.Id), geometry]);
    }

    /// <summary>resetGeometry: back to the full canvas; returns the area and the stored geometries without it.</summary>
    public static (ViewArea Area, IReadOnlyList<ViewAreaGeometry> Stored) ResetGeometry(
        DeviceJsonParams read, IReadOnlyList<ViewArea> areas, IReadOnlyList<ViewAreaGeometry> stored)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(stored);
        var area = Find(read.Object("viewArea"), areas);
        return (area, [.. stored.Where(g => g.Id != area.Id)]);
    }

    public static JsonObject Listing(IEnumerable<JsonObject> entries) => new() { ["viewAreas"] = new JsonArray([.. entries]) };

    private static ViewArea Find(DeviceJsonParams viewArea, IReadOnlyList<ViewArea> areas)
    {
        var id = viewArea.Int("id", 0, int.MaxValue);
        return areas.FirstOrDefault(a => a.Id == id) ?? throw viewArea.Invalid("id");
    }

    private static JsonApiSpec SpecWith(IReadOnlyDictionary<string, AccessLevel> methods) => new()
    {
        Id = "view-area",
        Layout = JsonLayout.Spaced,
        TrailingNewline = false,
        MethodEcho = MethodEcho.AfterContext,
        Errors = DeviceJsonErrors.Set,
        Versions = JsonApiSpec.OnEveryPersonality(new ApiVersion(1, 0)),
        Methods = methods,
    };
}
