using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Core.Tests.Yaml;

/// <summary>One value read by type, by the YAML 1.2 core schema, with its <c>file:line: message</c> when wrong.</summary>
public class YamlValuesTests
{
    private enum Color
    {
        Green,
        DarkRed,
    }

    private static readonly WireNames<Color> Colors = WireNames.Of<Color>(c => c == Color.DarkRed ? "dark-red" : "green");

    [Theory]
    [InlineData("v: hello", "hello")]
    [InlineData("v: \"12\"", "12")]
    [InlineData("v: 'true'", "true")]
    public void A_string_is_quoted_or_does_not_look_like_anything_else(string yaml, string expected)
    {
        var read = new YamlTestRead(yaml);

        YamlValues.String(read["v"], "v", read.Errors).Should().Be(expected);
        read.Errors.Should().BeEmpty();
    }

    [Theory]
    [InlineData("v: 12.10", "t.yaml:1: 'v' must be a string, got the number 12.10 (quote it: \"12.10\")")]
    [InlineData("v: true", "t.yaml:1: 'v' must be a string, got the boolean true (quote it: \"true\")")]
    [InlineData("v: ~", "t.yaml:1: 'v' must be a string, got null")]
    [InlineData("v: [a]", "t.yaml:1: 'v' must be a string, got a list")]
    public void A_plain_number_boolean_or_null_is_not_a_string(string yaml, string expected)
    {
        var read = new YamlTestRead(yaml);

        YamlValues.String(read["v"], "v", read.Errors).Should().BeNull();
        read.Messages.Should().Equal(expected);
    }

    [Fact]
    public void A_string_check_says_what_is_wrong()
    {
        var read = new YamlTestRead("\n\nv: lob by");

        YamlValues.String(read["v"], "groups[0].idPrefix", read.Errors, s => s.Contains(' ', StringComparison.Ordinal) ? "no spaces" : null).Should().BeNull();
        read.Messages.Should().Equal("t.yaml:3: 'groups[0].idPrefix': no spaces");
    }

    [Fact]
    public void Text_takes_any_scalar_as_written_but_not_an_empty_one()
    {
        var read = new YamlTestRead("a: 12345\nb: ''\nc: {}");

        YamlValues.Text(read["a"], "a", read.Errors).Should().Be("12345");
        YamlValues.Text(read["b"], "b", read.Errors).Should().BeNull();
        YamlValues.Text(read["c"], "c", read.Errors).Should().BeNull();
        read.Messages.Should().Equal("t.yaml:2: 'b' must be a text, got the string ''", "t.yaml:3: 'c' must be a text, got a mapping");
    }

    [Fact]
    public void Booleans_are_plain_true_or_false()
    {
        var read = new YamlTestRead("a: True\nb: yes\nc: 'false'");

        YamlValues.Boolean(read["a"], "a", read.Errors).Should().BeTrue();
        YamlValues.Boolean(read["b"], "b", read.Errors).Should().BeNull();
        YamlValues.Boolean(read["c"], "c", read.Errors).Should().BeNull();
        read.Messages.Should().Equal("t.yaml:2: 'b' must be true or false, got 'yes'", "t.yaml:3: 'c' must be true or false, got the string 'false'");
    }

    [Theory]
    [InlineData("v: 7", 7)]
    [InlineData("v: -3", -3)]
    [InlineData("v: +2", 2)]
    public void Integers_are_plain_whole_decimals(string yaml, int expected)
    {
        var read = new YamlTestRead(yaml);

        YamlValues.Integer(read["v"], "v", NumberRange.Any, read.Errors).Should().Be(expected);
        read.Errors.Should().BeEmpty();
    }

    [Theory]
    [InlineData("v: 2.5", "'v' must be a whole number, got 2.5")]
    [InlineData("v: many", "'v' must be a whole number, got 'many'")]
    [InlineData("v: \"3\"", "'v' must be a whole number, got the string '3'")]
    [InlineData("v: 0x10", "'v' must be a finite decimal number, got 0x10")]
    [InlineData("v: 3000000000", "'v' must be a 32-bit whole number, got 3000000000")]
    public void What_is_not_an_integer(string yaml, string expected)
    {
        var read = new YamlTestRead(yaml);

        YamlValues.Integer(read["v"], "v", NumberRange.Any, read.Errors).Should().BeNull();
        read.Messages.Should().Equal("t.yaml:1: " + expected);
    }

    [Theory]
    [InlineData("v: .inf")]
    [InlineData("v: .nan")]
    [InlineData("v: 1e400")]
    public void Numbers_must_be_finite_decimals(string yaml)
    {
        var read = new YamlTestRead(yaml);

        YamlValues.Number(read["v"], "v", NumberRange.Any, read.Errors).Should().BeNull();
        read.Errors.Should().ContainSingle().Which.Message.Should().StartWith("'v' must be a finite decimal number, got ");
    }

    [Fact]
    public void Numbers_outside_their_range_say_the_range()
    {
        var read = new YamlTestRead("a: 300\nb: 0\nc: 1.5");

        YamlValues.Number(read["a"], "power.cableMeters", NumberRange.Between(0, 250, "m"), read.Errors).Should().BeNull();
        YamlValues.Number(read["b"], "power.volts", NumberRange.GreaterThan(0, 100, "V"), read.Errors).Should().BeNull();
        YamlValues.Number(read["c"], "chaos.brickedFraction", NumberRange.AtLeastAtMost(0, 1), read.Errors).Should().BeNull();
        read.Messages.Should().Equal(
            "t.yaml:1: 'power.cableMeters' must be between 0 and 250 m, got 300",
            "t.yaml:2: 'power.volts' must be greater than 0 and at most 100 V, got 0",
            "t.yaml:3: 'chaos.brickedFraction' must be at least 0 and at most 1, got 1.5");
    }

    [Fact]
    public void Enums_are_read_by_wire_name_with_a_suggestion()
    {
        var read = new YamlTestRead("a: dark-red\nb: darkred\nc: 5");

        YamlValues.OneOf(read["a"], "a", Colors, read.Errors).Should().Be(Color.DarkRed);
        YamlValues.OneOf(read["b"], "b", Colors, read.Errors).Should().BeNull();
        YamlValues.OneOf(read["c"], "c", Colors, read.Errors).Should().BeNull();
        read.Messages.Should().Equal(
            "t.yaml:2: 'b' must be one of green, dark-red; got 'darkred'; did you mean 'dark-red'?",
            "t.yaml:3: 'c' must be one of green, dark-red; got the number 5");
    }

    [Fact]
    public void Mappings_and_lists_say_what_was_expected()
    {
        var read = new YamlTestRead("a: 1\nb: x\nc: {}");

        YamlValues.Mapping(read["a"], "a", read.Errors).Should().BeNull();
        YamlValues.Mapping(read["b"], "b", read.Errors, "{ hold: 22s }").Should().BeNull();
        YamlValues.Sequence(read["c"], "c", read.Errors, "a list such as [vapix]").Should().BeNull();
        read.Messages.Should().Equal(
            "t.yaml:1: 'a' must be a mapping of keys, got the number 1",
            "t.yaml:2: 'b' must be a mapping such as { hold: 22s }, got 'x'",
            "t.yaml:3: 'c' must be a list such as [vapix], got a mapping");
    }
}
