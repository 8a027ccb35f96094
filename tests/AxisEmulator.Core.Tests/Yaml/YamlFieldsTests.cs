using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Core.Tests.Yaml;

/// <summary>The keys of one mapping: unknown keys, required keys, nested paths and the lines messages go to.</summary>
public class YamlFieldsTests
{
    [Fact]
    public void Unknown_keys_list_the_allowed_ones_and_suggest_the_closest()
    {
        var read = new YamlTestRead("count: 1\ncnt: 2\nzzz: 3");

        YamlFields.Of(read.Root, "groups[0]", ["profile", "count"], read.Errors).Should().NotBeNull();

        read.Messages.Should().Equal(
            "t.yaml:2: unknown key 'cnt' in 'groups[0]'; allowed: profile, count; did you mean 'count'?",
            "t.yaml:3: unknown key 'zzz' in 'groups[0]'; allowed: profile, count");
    }

    [Fact]
    public void Keys_checked_later_can_say_where_they_are()
    {
        var read = new YamlTestRead("kind: dc\npseClass: 3");
        var power = YamlFields.Of(read.Root, "power", read.Errors)!;

        power.AllowOnly(["kind", "volts"], "in a dc 'power' source").Should().BeFalse();

        read.Messages.Should().Equal("t.yaml:2: unknown key 'pseClass' in a dc 'power' source; allowed: kind, volts");
    }

    [Fact]
    public void Nested_fields_carry_their_path_and_report_at_the_key_that_holds_them()
    {
        var read = new YamlTestRead("""
            name: x
            power:
              kind: poe
              pseClass: 9
            """);
        var power = read.Fields.Fields("power", ["kind", "pseClass", "volts"])!;

        power.Path.Should().Be("power");
        power.KeyLine.Should().Be(2, "the block mapping itself starts on line 3");
        power.Integer("pseClass", NumberRange.Between(0, 8)).Should().BeNull();
        power.Require("volts", "e.g. volts: 24").Should().BeFalse();
        power.Require("kind", "e.g. kind: poe").Should().BeTrue();

        read.Messages.Should().Equal(
            "t.yaml:4: 'power.pseClass' must be between 0 and 8, got 9",
            "t.yaml:2: missing required key 'power.volts' (e.g. volts: 24)");
    }

    [Fact]
    public void Absent_keys_read_as_null_without_an_error()
    {
        var fields = new YamlTestRead("a: 1").Fields;

        fields.Text("b").Should().BeNull();
        fields.Number("b", NumberRange.Any).Should().BeNull();
        fields.Fields("b").Should().BeNull();
        fields.Has("b").Should().BeFalse();
        fields.LineOf("b").Should().Be(1);
    }

    [Fact]
    public void A_mapping_expected_where_a_scalar_stands_is_reported_at_its_key()
    {
        var read = new YamlTestRead("a: 1\nidentity: B8A44F");

        read.Fields.Fields("identity", ["serialOui"]).Should().BeNull();

        read.Messages.Should().Equal("t.yaml:2: 'identity' must be a mapping of keys, got 'B8A44F'");
    }
}
