using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Control.Scenarios;

/// <summary>Reads a scenario file into line-numbered <see cref="YNode"/>s with Core's shared YAML reader.</summary>
internal static class ScenarioYaml
{
    private static readonly YamlDocumentRules Rules = new()
    {
        EmptyMessage = "the file is empty; a scenario is a mapping with 'name' and 'steps'",
        FileKind = "a scenario file",
        AliasHint = "write the step out",
    };

    /// <summary>Parses <paramref name="text"/>; null (with errors added) when it is not usable YAML.</summary>
    public static YNode? Read(string file, string text, List<ScenarioError> errors)
    {
        var yamlErrors = new List<YamlError>();
        var root = YamlTreeReader.Read(file, text, yamlErrors, Rules);
        errors.AddRange(yamlErrors.Select(e => new ScenarioError(e.File, e.Line, e.Message)));
        return root;
    }
}
