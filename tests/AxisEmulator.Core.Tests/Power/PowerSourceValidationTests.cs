using AxisEmulator.Core.Power;

namespace AxisEmulator.Core.Tests.Power;

public class PowerSourceValidationTests
{
    [Theory]
    [InlineData(PoeStandard.Af, 0)]
    [InlineData(PoeStandard.Af, 3)]
    [InlineData(PoeStandard.At, 4)]
    [InlineData(PoeStandard.Bt, 8)]
    public void Valid_poe_sources_have_no_errors(PoeStandard standard, int pseClass) =>
        new PoeSource(standard, pseClass).Validate().Should().BeEmpty();

    [Fact]
    public void An_af_pse_cannot_supply_class_4() =>
        new PoeSource(PoeStandard.Af, 4).Validate().Should().Equal(
            "802.3af PSEs supply class 0–3; class 4 needs 802.3at or 802.3bt");

    [Fact]
    public void An_at_pse_cannot_supply_class_5() =>
        new PoeSource(PoeStandard.At, 5).Validate().Should().Equal(
            "802.3at PSEs supply class 0–4; class 5 needs 802.3bt");

    [Theory]
    [InlineData(-1)]
    [InlineData(9)]
    public void Pse_class_must_be_0_to_8(int pseClass) =>
        new PoeSource(PoeStandard.Bt, pseClass).Validate().Should().Equal($"PSE class {pseClass} is outside 0–8");

    [Fact]
    public void Cable_length_may_not_be_negative() =>
        new PoeSource(PoeStandard.At, 4, CableMeters: -3).Validate().Should().Equal("cable length -3 m is negative");

    [Fact]
    public void Cable_length_may_not_exceed_250_m() =>
        new PoeSource(PoeStandard.At, 4, CableMeters: 300.5).Validate().Should().Equal(
            "cable length 300.5 m exceeds the 250 m the model covers (802.3 specifies 100 m)");

    [Fact]
    public void Cable_length_must_be_finite() =>
        new PoeSource(PoeStandard.At, 4, CableMeters: double.NaN).Validate().Should().Equal(
            "cable length must be a finite number of metres");

    [Theory]
    [InlineData(PoeStandard.Af, 3, 43.5, "PSE voltage 43.5 V is outside the 44–57 V range of an 802.3af PSE")]
    [InlineData(PoeStandard.At, 4, 48, "PSE voltage 48 V is outside the 50–57 V range of an 802.3at PSE")]
    [InlineData(PoeStandard.Bt, 6, 58, "PSE voltage 58 V is outside the 50–57 V range of an 802.3bt PSE")]
    [InlineData(PoeStandard.Bt, 8, 51, "PSE voltage 51 V is outside the 52–57 V range of an 802.3bt class-8 PSE")]
    public void Pse_voltage_must_be_in_the_standard_range(PoeStandard standard, int pseClass, double volts, string message) =>
        new PoeSource(standard, pseClass, PseVolts: volts).Validate().Should().Equal(message);

    [Fact]
    public void Pse_voltage_at_the_edges_is_valid()
    {
        new PoeSource(PoeStandard.Af, 3, PseVolts: 44).Validate().Should().BeEmpty();
        new PoeSource(PoeStandard.Bt, 7, PseVolts: 57).Validate().Should().BeEmpty();
    }

    [Fact]
    public void Several_problems_are_all_reported() =>
        new PoeSource(PoeStandard.Af, 4, CableMeters: -1, PseVolts: 60).Validate().Should().Equal(
            "802.3af PSEs supply class 0–3; class 4 needs 802.3at or 802.3bt",
            "cable length -1 m is negative");

    [Fact]
    public void Passive_and_dc_sources_need_positive_figures()
    {
        new PassiveSource(24).Validate().Should().BeEmpty();
        new PassiveSource(0).Validate().Should().Equal("passive injector voltage must be a positive number of volts (got 0)");
        new DcSource(12).Validate().Should().BeEmpty();
        new DcSource(-12, 0).Validate().Should().Equal(
            "DC adapter voltage must be a positive number of volts (got -12)",
            "DC adapter current must be a positive number of amps (got 0)");
    }

    [Fact]
    public void Evaluate_refuses_an_invalid_source() =>
        FluentActions.Invoking(() => PowerRail.Evaluate(new PoeSource(PoeStandard.Af, 4), PowerSpecs.Class(3), 5))
            .Should().Throw<ArgumentException>()
            .WithMessage("invalid power source: 802.3af PSEs supply class 0–3; class 4 needs 802.3at or 802.3bt");
}
