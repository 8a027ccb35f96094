using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Core.Tests.Yaml;

/// <summary>A YAML file checked against a JSON Schema: the schema decides, the field layer words it, at the key's line.</summary>
public class YamlSchemaTests
{
    private const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "id": { "not": {}, "x-message": "cannot be set: it is the file name" },
            "name": { "type": "string" },
            "code": { "type": "string", "pattern": "^[A-F]{2}$", "x-message": "must be two letters A-F, got '{value}'" },
            "size": { "type": "object", "additionalProperties": false, "properties": {
              "watts": { "type": "number", "minimum": 0, "x-unit": "W" },
              "count": { "type": ["integer", "null"], "minimum": 1, "maximum": 4 } } },
            "tags": { "type": "array", "uniqueItems": true, "items": { "type": "string" } }
          },
          "$defs": { "complete": { "required": ["name", "size"], "properties": { "size": { "required": ["watts"] } } } }
        }
        """;

    private static readonly IReadOnlyDictionary<string, YamlSchema> Schemas =
        YamlSchema.Load(Schema, new Uri("https://tests.invalid/t.schema.json"), "/$defs/complete");

    [Fact]
    public void A_valid_file_has_no_failures() =>
        Check("name: x\ncode: AB\nsize: { watts: 3, count: ~ }\ntags: [a, b]\n").Should().BeEmpty();

    [Fact]
    public void Each_failure_is_worded_by_the_field_layer_at_its_line()
    {
        Check("""
            name: 12
            code: XYZ
            size:
              watts: -4
              count: 5
              colour: red
            tags: [a, b, a]
            id: x
            """).Should().Equal(
            "t.yaml:1: 'name' must be a string, got the number 12 (quote it: \"12\")",
            "t.yaml:2: 'code' must be two letters A-F, got 'XYZ'",
            "t.yaml:4: 'size.watts' must not be negative, got -4 W",
            "t.yaml:5: 'size.count' must be between 1 and 4, got 5",
            "t.yaml:6: unknown key 'colour' in 'size'; allowed: watts, count",
            "t.yaml:7: 'tags' lists 'a' twice",
            "t.yaml:8: 'id' cannot be set: it is the file name");
    }

    [Fact]
    public void A_mapping_of_the_wrong_type_is_reported_at_its_key()
    {
        Check("size:\n  - 1\n").Should().Equal("t.yaml:1: 'size' must be a mapping of keys, got a list");
    }

    [Fact]
    public void Unknown_top_level_keys_list_the_allowed_ones_without_the_forbidden()
    {
        Check("nmae: x\n").Should().Equal("t.yaml:1: unknown key 'nmae' at the top level; allowed: name, code, size, tags; did you mean 'name'?");
    }

    [Fact]
    public void A_subschema_reports_missing_keys_as_required_failures()
    {
        var failures = Schemas["/$defs/complete"].Evaluate(Json("size: {}\n"));

        failures.Select(f => (f.Keyword, f.Path, string.Join(",", f.Subschema["required"]!.AsArray()))).Should().Equal(
            ("required", "", "name,size"),
            ("required", "size", "watts"));
    }

    private static YamlJson Json(string yaml)
    {
        var errors = new List<FileError>();
        var root = YamlTreeReader.Read("t.yaml", yaml.ReplaceLineEndings("\n"), errors)!;
        errors.Should().BeEmpty();
        return YamlJson.From(root);
    }

    private static List<string> Check(string yaml) =>
        [.. Schemas[""].Evaluate(Json(yaml)).Select(f => YamlSchemaMessages.Describe(f)!.ToString())];
}
