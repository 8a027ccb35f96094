using System.Text.Json.Nodes;
using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Core.Profiles;

/// <summary>
/// <c>hardware-profiles/hardware-profile.schema.json</c>, embedded in this assembly: the one
/// description of a profile's shape. Each file is checked against it, the merged profile against its
/// <c>#/$defs/complete</c>; the keys, mappings and units the loader needs are read from it too.
/// </summary>
internal static class HardwareProfileSchema
{
    /// <summary>The embedded resource (the csproj embeds the shipped file under this name).</summary>
    public const string ResourceName = "hardware-profile.schema.json";

    private const string CompletePointer = "/$defs/complete";

    private static readonly Uri Id = new("https://axis-emulator.invalid/hardware-profile.schema.json");

    private static readonly Lazy<IReadOnlyDictionary<string, YamlSchema>> Schemas = new(() => YamlSchema.Load(Text(), Id, CompletePointer));

    private static readonly Lazy<Dictionary<string, JsonObject>> Keys = new(() => Walk(File, (JsonObject)File.Document, "", []));

    private static readonly Lazy<IReadOnlyList<string>> PathList = new(() => [.. Keys.Value.Keys]);

    /// <summary>One file of <c>hardware-profiles/</c> (no key required).</summary>
    public static YamlSchema File => Schemas.Value[""];

    /// <summary>The keys a profile must set once its <c>extends</c> chain is merged.</summary>
    public static YamlSchema Complete => Schemas.Value[CompletePointer];

    /// <summary>Every dotted key a file may set (mappings included, forbidden keys not), in schema order.</summary>
    public static IReadOnlyList<string> Paths => PathList.Value;

    public static bool IsKey(string path) => Keys.Value.ContainsKey(path);

    /// <summary>True for keys whose value is a mapping (<c>power.loads</c>): setting a part of it does not set it.</summary>
    public static bool IsMapping(string path) =>
        Keys.Value.TryGetValue(path, out var schema) && schema["type"]?.ToJsonString().Contains("\"object\"", StringComparison.Ordinal) == true;

    /// <summary>The unit of a number key for messages (<c>x-unit</c>: W, s, V…), empty when none.</summary>
    public static string UnitOf(string path) =>
        Keys.Value.TryGetValue(path, out var schema) ? schema["x-unit"]?.GetValue<string>() ?? "" : "";

    private static string Text()
    {
        using var stream = typeof(HardwareProfileSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing from {typeof(HardwareProfileSchema).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Dictionary<string, JsonObject> Walk(YamlSchema schema, JsonObject node, string prefix, Dictionary<string, JsonObject> keys)
    {
        foreach (var key in YamlSchemaMessages.AllowedKeys(node))
        {
            var path = prefix.Length == 0 ? key : prefix + "." + key;
            var child = (JsonObject)node["properties"]![key]!;
            if (child["$ref"]?.GetValue<string>() is { } reference && schema.Resolve(reference.TrimStart('#')) is JsonObject target)
            {
                child = target;
            }

            keys[path] = child;
            Walk(schema, child, path, keys);
        }

        return keys;
    }
}
