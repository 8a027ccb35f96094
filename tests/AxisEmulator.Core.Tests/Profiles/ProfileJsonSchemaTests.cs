using System.Globalization;
using System.Reflection;
using System.Text.Json;
using AxisEmulator.Core.Profiles;
using Json.Schema;

namespace AxisEmulator.Core.Tests.Profiles;

public class ProfileJsonSchemaTests
{
    private static readonly Lazy<JsonSchema> LazySchema = new(() => JsonSchema.FromText(File.ReadAllText(RepoPaths.SchemaFile)));

    public static TheoryData<string> AllYamlFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.ProfilesDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void The_schema_is_draft_2020_12()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepoPaths.SchemaFile));
        document.RootElement.GetProperty("$schema").GetString().Should().Be("https://json-schema.org/draft/2020-12/schema");
    }

    [Theory]
    [MemberData(nameof(AllYamlFiles))]
    public void Every_shipped_yaml_file_validates_against_the_schema(string fileName)
    {
        var instance = YamlToJson.Convert(File.ReadAllText(Path.Combine(RepoPaths.ProfilesDirectory, fileName)));

        var result = Evaluate(instance);

        result.IsValid.Should().BeTrue(Describe(result));
    }

    [Theory]
    [InlineData("colour: red\n")]
    [InlineData("power:\n  poeClass: 9\n")]
    [InlineData("power:\n  loads:\n    peak: -1\n")]
    [InlineData("identity:\n  serialOui: \"B8A44\"\n")]
    [InlineData("firmware:\n  version: 12.10\n")]
    [InlineData("firmware:\n  version: \"eleven\"\n")]
    [InlineData("firmware:\n  personality: os12\n")]
    [InlineData("formFactor: miniDome\n")]
    [InlineData("reset:\n  lateRelease: ignore\n")]
    [InlineData("reset:\n  holdMin: 3\n")]
    [InlineData("hasVideo: \"false\"\n")]
    [InlineData("id: \"X\"\n")]
    public void The_schema_rejects_what_the_loader_rejects(string yaml)
    {
        Evaluate(YamlToJson.Convert(yaml)).IsValid.Should().BeFalse();
    }

    [Fact]
    public void The_schema_accepts_a_partial_file_and_nulls_where_allowed()
    {
        var yaml = "extends: _base\npower:\n  poeClass: null\n  dc: {min: 4.75, max: 5.25}\n  loads: {bootLoader: 1, kernel: 2, running: 3, peak: 5, degraded: null}\n";

        Evaluate(YamlToJson.Convert(yaml)).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Every_key_a_file_may_set_binds_to_a_record_property()
    {
        foreach (var path in HardwareProfileSchema.Paths.Where(p => p != "extends"))
        {
            PropertyAt(path).Should().NotBeNull($"the schema lets a file set '{path}', so HardwareProfile must hold it");
        }
    }

    [Fact]
    public void Every_record_property_a_file_may_set_is_in_the_schema()
    {
        var computed = new[] { "id", "sourceFile", "firmware.personality" };
        var settable = RecordPaths(typeof(HardwareProfile), "").Except(computed).ToList();

        settable.Should().NotBeEmpty();
        settable.Should().OnlyContain(p => HardwareProfileSchema.IsKey(p), "every value of a profile comes from its files");
    }

    [Fact]
    public void The_schema_names_every_value_of_the_records_enums_in_kebab_case()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepoPaths.SchemaFile));
        var properties = document.RootElement.GetProperty("properties");

        EnumOf(properties.GetProperty("formFactor")).Should().Equal(Kebab<FormFactor>());
        EnumOf(properties.GetProperty("reset").GetProperty("properties").GetProperty("lateRelease")).Should().Equal(Kebab<LateReleaseBehavior>());
    }

    [Fact]
    public void The_loader_uses_the_schema_file_that_ships_with_the_profiles()
    {
        using var embedded = typeof(HardwareProfile).Assembly.GetManifestResourceStream(HardwareProfileSchema.ResourceName)!;
        using var reader = new StreamReader(embedded);

        reader.ReadToEnd().Should().Be(File.ReadAllText(RepoPaths.SchemaFile));
    }

    private static PropertyInfo? PropertyAt(string dottedPath)
    {
        var type = typeof(HardwareProfile);
        PropertyInfo? property = null;
        foreach (var part in dottedPath.Split('.'))
        {
            property = type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return null;
            }

            type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        }

        return property;
    }

    private static IEnumerable<string> RecordPaths(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null))
        {
            if (property.Name == "EqualityContract")
            {
                continue;
            }

            var path = prefix + char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            yield return path;
            var inner = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (inner.Namespace == typeof(HardwareProfile).Namespace && inner.IsClass)
            {
                foreach (var nested in RecordPaths(inner, path + "."))
                {
                    yield return nested;
                }
            }
        }
    }

    private static List<string> EnumOf(JsonElement schema) => [.. schema.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!)];

    private static List<string> Kebab<TEnum>()
        where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()))];

    private static EvaluationResults Evaluate(JsonElement instance) =>
        LazySchema.Value.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Describe(EvaluationResults result)
    {
        var lines = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => string.Create(CultureInfo.InvariantCulture, $"{d.InstanceLocation}: {e.Key}: {e.Value}")));
        return string.Join("; ", lines);
    }
}
