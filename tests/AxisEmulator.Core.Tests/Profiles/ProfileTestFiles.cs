using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AxisEmulator.Core.Tests.Profiles;

/// <summary>Where the repository's files are, found by walking up from the test binaries to the repository root.</summary>
internal static class RepoPaths
{
    /// <summary>The repository root: the first parent holding <c>hardware-profiles/</c> and <c>AxisEmulator.sln</c>.</summary>
    public static string RepoRoot { get; } = FindUp(d => File.Exists(Path.Combine(d, "AxisEmulator.sln")) && Directory.Exists(Path.Combine(d, "hardware-profiles")))
        ?? throw new DirectoryNotFoundException("repository root (AxisEmulator.sln + hardware-profiles/) not found above " + AppContext.BaseDirectory);

    public static string ProfilesDirectory => Path.Combine(RepoRoot, "hardware-profiles");

    public static string SchemaFile => Path.Combine(ProfilesDirectory, "hardware-profile.schema.json");

    /// <summary><c>tests/fixtures/vapix-captures</c>: the repository's own copy of the real-device captures.</summary>
    public static string CapturesDirectory => Path.Combine(RepoRoot, "tests", "fixtures", "vapix-captures");

    private static string? FindUp(Func<string, bool> match)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (match(dir.FullName))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

/// <summary>A temporary directory of profile files, deleted at the end of the test.</summary>
internal sealed class TempProfileDirectory : IDisposable
{
    public TempProfileDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "axis-profiles-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes <c>{id}.yaml</c> and returns its path.</summary>
    public string Write(string id, string yaml)
    {
        var file = System.IO.Path.Combine(Path, id + ".yaml");
        File.WriteAllText(file, yaml.ReplaceLineEndings("\n"));
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}

/// <summary>YAML → JSON by the YAML 1.2 core schema: plain scalars become null/bool/number where they look like one, quoted scalars stay strings.</summary>
internal static partial class YamlToJson
{
    public static JsonElement Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var node = ToJson(stream.Documents[0].RootNode);
        return JsonSerializer.SerializeToElement(node);
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (value is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }

        if (value is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }

        if (IntegerPattern().IsMatch(value))
        {
            return JsonValue.Create(long.Parse(value, CultureInfo.InvariantCulture));
        }

        if (FloatPattern().IsMatch(value))
        {
            return JsonValue.Create(double.Parse(value, CultureInfo.InvariantCulture));
        }

        return JsonValue.Create(value);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
