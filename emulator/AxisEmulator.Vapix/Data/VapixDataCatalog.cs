using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Parameters;

namespace AxisEmulator.Vapix.Data;

/// <summary>
/// Per-model VAPIX data extracted from real-device captures, read from <c>hardware-profiles/vapix/</c>:
/// <list type="bullet">
/// <item><c>&lt;Model&gt;/params.txt</c>: a full <c>param.cgi?action=list</c> as captured (the whole tree);</item>
/// <item><c>&lt;Model&gt;/params-overlay.txt</c>: single captured values laid over a generated tree;</item>
/// <item><c>&lt;Model&gt;/apis-&lt;version&gt;.json</c>: the captured <c>getApiList</c> entries;</item>
/// <item><c>_templates/&lt;family&gt;.txt</c>: trees derived from captures for models without one;</item>
/// <item><c>_default/apis-&lt;os&gt;[-video].json</c>: APIs every captured device of that AXIS OS lists.</item>
/// </list>
/// Files are read once and cached; a missing file is simply "no data".
/// </summary>
public sealed class VapixDataCatalog
{
    public const string DirectoryName = "vapix";
    public const string DefaultsFolder = "_default";

    private readonly ConcurrentDictionary<string, string?> _files = new(StringComparer.Ordinal);

    /// <param name="directory">The <c>hardware-profiles/vapix</c> directory.</param>
    public VapixDataCatalog(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>Catalog below a <c>hardware-profiles</c> directory.</summary>
    public static VapixDataCatalog InHardwareProfiles(string hardwareProfilesDirectory) =>
        new(Path.Combine(hardwareProfilesDirectory, DirectoryName));

    public ParameterTree? CapturedParameters(string model) => ReadTree(model, "params.txt");

    public ParameterTree? ParameterOverlay(string model) => ReadTree(model, "params-overlay.txt");

    /// <summary>A family template (<c>_templates/&lt;name&gt;.txt</c>); it ships with the profiles, so a missing one is a broken install.</summary>
    public ParameterTree ParameterTemplate(string name) =>
        ReadTree(Parameters.ParameterTemplate.Folder, name + ".txt")
        ?? throw new FileNotFoundException($"Parameter template '{name}' is missing from {Directory}", name);

    /// <summary>
    /// The captured API list for the model: the exact version, else the newest capture of the same
    /// major.minor (12.9.57 stands for 12.9.x); null when the model was never captured on that line.
    /// </summary>
    public JsonArray? CapturedApiList(string model, string firmwareVersion)
    {
        var exact = ReadJsonArray(model, $"apis-{firmwareVersion}.json");
        if (exact is not null)
        {
            return exact;
        }

        var line = MajorMinor(firmwareVersion);
        var modelDirectory = Path.Combine(Directory, model);
        if (!System.IO.Directory.Exists(modelDirectory))
        {
            return null;
        }

        var sameLine = System.IO.Directory.GetFiles(modelDirectory, "apis-*.json")
            .Select(path => Path.GetFileNameWithoutExtension(path)["apis-".Length..])
            .Where(version => MajorMinor(version) == line)
            .OrderByDescending(version => Version.TryParse(version, out var v) ? v : new Version())
            .FirstOrDefault();
        return sameLine is null ? null : ReadJsonArray(model, $"apis-{sameLine}.json");
    }

    /// <summary>The fallback API list for a personality: video devices list the camera APIs too.</summary>
    public JsonArray DefaultApiList(FirmwarePersonality personality, bool hasVideo)
    {
        var name = $"apis-{personality.ToString().ToLowerInvariant()}";
        return (hasVideo ? ReadJsonArray(DefaultsFolder, name + "-video.json") : null)
            ?? ReadJsonArray(DefaultsFolder, name + ".json")
            ?? [];
    }

    private static string MajorMinor(string version) => string.Join('.', version.Split('.').Take(2));

    private ParameterTree? ReadTree(string folder, string file) =>
        Read(folder, file) is { } text ? ParameterTree.FromLines(text.Split('\n')) : null;

    /// <summary>A fresh copy each time: callers may attach the entries to their own JSON documents.</summary>
    private JsonArray? ReadJsonArray(string folder, string file) =>
        Read(folder, file) is { } text ? JsonNode.Parse(text) as JsonArray : null;

    private string? Read(string folder, string file) =>
        _files.GetOrAdd(Path.Combine(folder, file), relative =>
        {
            var path = Path.Combine(Directory, relative);
            return File.Exists(path) ? File.ReadAllText(path) : null;
        });
}
