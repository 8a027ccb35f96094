using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Core.Tests.Yaml;

public class NumberRangeTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(8, true)]
    [InlineData(-0.001, false)]
    [InlineData(8.5, false)]
    public void Between_includes_both_ends(double value, bool inside) =>
        NumberRange.Between(0, 8).Contains(value).Should().Be(inside);

    [Fact]
    public void Greater_than_excludes_its_lower_end()
    {
        NumberRange.GreaterThan(0).Contains(0).Should().BeFalse();
        NumberRange.GreaterThan(0).Contains(double.Epsilon).Should().BeTrue();
    }

    [Fact]
    public void The_unit_follows_the_upper_bound_or_else_the_value()
    {
        NumberRange.Between(0, 8).Problem("12").Should().Be("must be between 0 and 8, got 12");
        NumberRange.Between(0, 250, "m").Problem("-1").Should().Be("must be between 0 and 250 m, got -1");
        NumberRange.GreaterThan(0, 1000, "V").Problem("0").Should().Be("must be greater than 0 and at most 1000 V, got 0");
        NumberRange.AtLeast(0, "W").Problem("-4").Should().Be("must not be negative, got -4 W");
        NumberRange.AtLeast(1).Problem("0").Should().Be("must be at least 1, got 0");
        NumberRange.GreaterThan(0, unit: "s").Problem("0").Should().Be("must be greater than 0, got 0 s");
        NumberRange.AtLeastAtMost(0, 1).Problem("1.5").Should().Be("must be at least 0 and at most 1, got 1.5");
    }

    [Fact]
    public void Bounds_are_written_with_at_most_three_decimals() =>
        NumberRange.Between(0.5, 12.9504).Problem("13").Should().Be("must be between 0.5 and 12.95, got 13");
}
