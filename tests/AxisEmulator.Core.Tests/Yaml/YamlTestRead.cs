using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Core.Tests.Yaml;

/// <summary>Reads a snippet as <c>t.yaml</c> and collects what the field layer reports.</summary>
internal sealed class YamlTestRead
{
    public YamlTestRead(string yaml)
    {
        Root = YamlTreeReader.Read("t.yaml", yaml.ReplaceLineEndings("\n"), Errors) as YMapping
            ?? throw new InvalidOperationException("the snippet must be a mapping: " + string.Join("; ", Errors));
        Errors.Should().BeEmpty();
    }

    public YMapping Root { get; }

    public List<FileError> Errors { get; } = [];

    /// <summary>The top-level mapping, keys not checked.</summary>
    public YamlFields Fields => YamlFields.Of(Root, "", Errors)!;

    /// <summary>The value of a top-level key.</summary>
    public YNode this[string key] => Root.Get(key) ?? throw new KeyNotFoundException(key);

    public IEnumerable<string> Messages => Errors.Select(e => e.ToString());
}
