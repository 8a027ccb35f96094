using System.Globalization;
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
    public void The_schema_and_the_loader_describe_the_same_keys_types_and_limits()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepoPaths.SchemaFile));
        var root = document.RootElement;

        Compare(root, root, ProfileSchema.Root);
    }

    private static void Compare(JsonElement root, JsonElement schema, FieldSpec spec)
    {
        var where = spec.Path.Length == 0 ? "(root)" : spec.Path;
        schema = Resolve(root, schema);
        if (spec.Kind == FieldKind.Mapping)
        {
            Types(schema).Should().Contain("object", where);
            schema.GetProperty("additionalProperties").GetBoolean().Should().BeFalse(where);
            var properties = schema.GetProperty("properties");
            properties.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(spec.Children.Select(c => c.Name), where);
            foreach (var child in spec.Children)
            {
                Compare(root, properties.GetProperty(child.Name), child);
            }
        }
        else
        {
            var expected = spec.Kind switch
            {
                FieldKind.String => "string",
                FieldKind.Number => "number",
                FieldKind.Integer => "integer",
                FieldKind.Boolean => "boolean",
                FieldKind.StringList => "array",
                _ => null,
            };
            if (expected is null)
            {
                schema.GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Should().Equal(spec.EnumValues, where);
            }
            else
            {
                Types(schema).Should().Contain(expected, where);
            }
        }

        Types(schema).Contains("null").Should().Be(spec.Nullable, $"{where} nullability");
        if (spec.Minimum is { } minimum)
        {
            var keyword = spec.ExclusiveMinimum ? "exclusiveMinimum" : "minimum";
            schema.TryGetProperty(keyword, out var value).Should().BeTrue($"{where} has {keyword}");
            value.GetDouble().Should().Be(minimum, where);
        }

        if (spec.Maximum is { } maximum)
        {
            schema.GetProperty("maximum").GetDouble().Should().Be(maximum, where);
        }
    }

    private static JsonElement Resolve(JsonElement root, JsonElement schema)
    {
        if (!schema.TryGetProperty("$ref", out var reference))
        {
            return schema;
        }

        var name = reference.GetString()!.Replace("#/$defs/", "", StringComparison.Ordinal);
        return root.GetProperty("$defs").GetProperty(name);
    }

    private static List<string> Types(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return [];
        }

        return type.ValueKind == JsonValueKind.Array
            ? [.. type.EnumerateArray().Select(t => t.GetString()!)]
            : [type.GetString()!];
    }

    private static EvaluationResults Evaluate(JsonElement instance) =>
        LazySchema.Value.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Describe(EvaluationResults result)
    {
        var lines = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => string.Create(CultureInfo.InvariantCulture, $"{d.InstanceLocation}: {e.Key}: {e.Value}")));
        return string.Join("; ", lines);
    }
}
