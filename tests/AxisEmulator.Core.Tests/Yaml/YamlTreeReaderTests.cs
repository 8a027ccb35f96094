using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Core.Tests.Yaml;

/// <summary>The one YAML reader: lines on every node, and what it refuses instead of merging silently.</summary>
public class YamlTreeReaderTests
{
    private static readonly YamlDocumentRules Rules = new() { EmptyMessage = "empty!", FileKind = "a test file", AliasHint = "write it out" };

    [Fact]
    public void Every_node_knows_its_file_and_line()
    {
        var errors = new List<FileError>();
        var root = (YMapping)YamlTreeReader.Read("t.yaml", "a: 1\nb:\n  - x\n  - { c: 'q' }\n", errors)!;

        errors.Should().BeEmpty();
        root.KeyOf("b")!.Line.Should().Be(2);
        var list = (YSequence)root.Get("b")!;
        list.Items.Select(i => i.Line).Should().Equal(3, 4);
        var quoted = (YScalar)((YMapping)list.Items[1]).Get("c")!;
        quoted.Plain.Should().BeFalse();
        quoted.File.Should().Be("t.yaml");
    }

    public static TheoryData<string, string> Refused() => new()
    {
        { "", "t.yaml:1: empty!" },
        { "a: 1\na: 2\n", "t.yaml:2: duplicate key 'a' (first set at line 1)" },
        { "a: &x 1\nb: *x\n", "t.yaml:2: YAML aliases (*x) are not supported; write it out" },
        { "a: !!int 1\n", "t.yaml:1: YAML tag 'tag:yaml.org,2002:int' is not supported; write the value without a tag" },
        { "a: 1\n---\nb: 2\n", "t.yaml:2: a test file holds one YAML document; remove the second '---'" },
        { "a: [1, 2\n", "t.yaml:" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refuses_what_it_would_otherwise_merge_or_guess(string yaml, string expected)
    {
        var errors = new List<FileError>();

        YamlTreeReader.Read("t.yaml", yaml, errors, Rules);

        errors.Should().ContainSingle().Which.ToString().Should().StartWith(expected);
    }

    [Fact]
    public void Errors_read_as_file_line_message()
    {
        new FileError("hardware-profiles/X.yaml", 12, "boom").ToString().Should().Be("hardware-profiles/X.yaml:12: boom");
    }
}
