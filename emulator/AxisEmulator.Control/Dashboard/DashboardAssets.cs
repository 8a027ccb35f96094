using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace AxisEmulator.Control.Dashboard;

/// <summary>One static file of the dashboard: its bytes, media type and entity tag.</summary>
public sealed record DashboardAsset(string Path, byte[] Content, string ContentType, string ETag);

/// <summary>
/// The dashboard's static files (HTML, CSS, JavaScript modules), compiled into this assembly as
/// embedded resources named <c>Dashboard/&lt;path&gt;</c> from <c>Dashboard/wwwroot/</c>: nothing to copy next
/// to the executable, nothing fetched from a CDN, works offline.
/// </summary>
public static class DashboardAssets
{
    /// <summary>Resource-name prefix of the embedded files.</summary>
    public const string ResourcePrefix = "Dashboard/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".txt"] = "text/plain; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly Lazy<FrozenDictionary<string, DashboardAsset>> All = new(() => Load(typeof(DashboardAssets).Assembly));

    /// <summary>Every asset by its path relative to the dashboard root (<c>index.html</c>, <c>js/app.js</c>).</summary>
    public static IReadOnlyDictionary<string, DashboardAsset> Files => All.Value;

    public static bool TryGet(string path, out DashboardAsset asset)
    {
        ArgumentNullException.ThrowIfNull(path);
        return All.Value.TryGetValue(path.TrimStart('/'), out asset!);
    }

    internal static FrozenDictionary<string, DashboardAsset> Load(Assembly assembly)
    {
        var assets = new Dictionary<string, DashboardAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            // Resource names keep the directory separator of the machine that built them.
            var path = name[ResourcePrefix.Length..].Replace('\\', '/');
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var hash = Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 12));
            assets[path] = new DashboardAsset(path, content, ContentTypeOf(path), $"\"{hash}\"");
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    internal static string ContentTypeOf(string path) =>
        ContentTypes.TryGetValue(System.IO.Path.GetExtension(path), out var type) ? type : "application/octet-stream";
}
