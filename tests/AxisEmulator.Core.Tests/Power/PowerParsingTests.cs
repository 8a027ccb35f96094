using AxisEmulator.Core.Power;

namespace AxisEmulator.Core.Tests.Power;

public class PowerParsingTests
{
    [Theory]
    [InlineData("802.3af", PoeStandard.Af)]
    [InlineData("af", PoeStandard.Af)]
    [InlineData("AF", PoeStandard.Af)]
    [InlineData("802.3AT", PoeStandard.At)]
    [InlineData(" at ", PoeStandard.At)]
    [InlineData("802.3bt", PoeStandard.Bt)]
    public void Poe_standards_parse(string text, PoeStandard expected) =>
        PoeStandards.Parse(text).Should().Be(expected);

    [Theory]
    [InlineData("")]
    [InlineData("802.3")]
    [InlineData("802.3ax")]
    [InlineData("poe+")]
    public void Unknown_poe_standards_are_rejected(string text)
    {
        PoeStandards.TryParse(text, out _).Should().BeFalse();
        FluentActions.Invoking(() => PoeStandards.Parse(text)).Should().Throw<FormatException>()
            .WithMessage("*expected 802.3af, 802.3at or 802.3bt");
    }

    [Fact]
    public void Poe_standards_round_trip_through_their_wire_names()
    {
        PoeStandard.Af.ToWireString().Should().Be("802.3af");
        PoeStandard.At.ToWireString().Should().Be("802.3at");
        PoeStandard.Bt.ToWireString().Should().Be("802.3bt");
        foreach (var standard in PoeStandards.All)
        {
            PoeStandards.Parse(standard.ToWireString()).Should().Be(standard);
        }
    }

    [Fact]
    public void Max_class_per_standard()
    {
        PoeStandard.Af.MaxClass().Should().Be(3);
        PoeStandard.At.MaxClass().Should().Be(4);
        PoeStandard.Bt.MaxClass().Should().Be(8);
    }

    [Theory]
    [InlineData("cat3", CableCategory.Cat3)]
    [InlineData("cat5", CableCategory.Cat5)]
    [InlineData("cat5e", CableCategory.Cat5e)]
    [InlineData("Cat5e", CableCategory.Cat5e)]
    [InlineData("cat-6", CableCategory.Cat6)]
    [InlineData("CAT 6A", CableCategory.Cat6a)]
    public void Cable_categories_parse(string text, CableCategory expected) =>
        CableCategories.Parse(text).Should().Be(expected);

    [Fact]
    public void Cable_categories_round_trip_and_reject_unknown_names()
    {
        foreach (var cable in CableCategories.All)
        {
            CableCategories.Parse(cable.ToWireString()).Should().Be(cable);
        }

        CableCategory.Cat6a.ToWireString().Should().Be("cat6a");
        FluentActions.Invoking(() => CableCategories.Parse("cat7")).Should().Throw<FormatException>()
            .WithMessage("unknown cable category 'cat7': expected cat3, cat5, cat5e, cat6, cat6a");
    }

    [Fact]
    public void Power_statuses_have_kebab_wire_names()
    {
        PowerStatus.Ok.ToWireString().Should().Be("ok");
        PowerStatus.Undervoltage.ToWireString().Should().Be("undervoltage");
        PowerStatus.NoPower.ToWireString().Should().Be("no-power");
    }
}
