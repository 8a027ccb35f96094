using AxisEmulator.Core.Power;

namespace AxisEmulator.Core.Tests.Power;

public class MaxCableMetersTests
{
    [Fact]
    public void Poe_plus_limit_matches_the_closed_form_and_evaluate_flips_just_beyond_it()
    {
        var spec = PowerSpecs.Class(4);
        const double load = 20;

        // R_max = (V_pse − V_min)·V_min / P on a 2-pair Cat5e loop of 0.125 Ω/m, from the default 53 V.
        var expected = (53 - 42.5) * 42.5 / load / 0.125;
        var meters = PowerRail.MaxCableMeters(PoeStandard.At, 4, CableCategory.Cat5e, spec, load);

        expected.Should().BeApproximately(178.5, 1e-9);
        meters.Should().BeApproximately(expected, 0.01).And.BeLessThanOrEqualTo(expected);
        Status(PoeStandard.At, 4, meters, CableCategory.Cat5e, spec, load).Should().Be(PowerStatus.Ok);
        Status(PoeStandard.At, 4, meters + 0.01, CableCategory.Cat5e, spec, load).Should().Be(PowerStatus.Undervoltage);
    }

    [Fact]
    public void Type_1_worst_case_reaches_exactly_100_m_of_cat3()
    {
        var spec = PowerSpecs.Class(3);
        var meters = PowerRail.MaxCableMeters(PoeStandard.Af, 3, CableCategory.Cat3, spec, 12.95, pseVolts: 44);

        meters.Should().Be(100);
        Status(PoeStandard.Af, 3, 100.01, CableCategory.Cat3, spec, 12.95, 44).Should().Be(PowerStatus.Undervoltage);
    }

    [Fact]
    public void Type_4_limit_uses_four_pairs()
    {
        var spec = PowerSpecs.Class(8);
        var expected = (52 - 41.1) * 41.1 / 71.3 / 0.0625;
        var meters = PowerRail.MaxCableMeters(PoeStandard.Bt, 8, CableCategory.Cat5e, spec, 71.3, pseVolts: 52);

        meters.Should().BeApproximately(expected, 0.01).And.BeGreaterThan(100);
        Status(PoeStandard.Bt, 8, meters, CableCategory.Cat5e, spec, 71.3, 52).Should().Be(PowerStatus.Ok);
        Status(PoeStandard.Bt, 8, meters + 0.01, CableCategory.Cat5e, spec, 71.3, 52).Should().Be(PowerStatus.Undervoltage);
    }

    [Fact]
    public void Degraded_units_use_the_degraded_load()
    {
        var spec = PowerSpecs.Class(4, canRunDegraded: true, degraded: 11);
        var expected = (48 - 37) * 37 / 11.0 / 0.2;
        var meters = PowerRail.MaxCableMeters(PoeStandard.Af, 3, CableCategory.Cat3, spec, 25.5);

        meters.Should().BeApproximately(expected, 0.01);
        Status(PoeStandard.Af, 3, meters, CableCategory.Cat3, spec, 25.5).Should().Be(PowerStatus.Degraded);
        Status(PoeStandard.Af, 3, meters + 0.01, CableCategory.Cat3, spec, 25.5).Should().Be(PowerStatus.Undervoltage);
    }

    [Fact]
    public void Light_loads_are_capped_at_250_m() =>
        PowerRail.MaxCableMeters(PoeStandard.At, 4, CableCategory.Cat6, PowerSpecs.Class(4), 2).Should().Be(250);

    [Fact]
    public void Zero_when_the_load_never_fits_the_budget_or_there_is_no_poe_input()
    {
        PowerRail.MaxCableMeters(PoeStandard.Af, 3, CableCategory.Cat5e, PowerSpecs.Class(4), 25.5).Should().Be(0);
        PowerRail.MaxCableMeters(PoeStandard.At, 4, CableCategory.Cat5e, PowerSpecs.DcOnly(10.8, 13.2), 5).Should().Be(0);
    }

    [Fact]
    public void Invalid_pse_figures_are_rejected() =>
        FluentActions.Invoking(() => PowerRail.MaxCableMeters(PoeStandard.At, 4, CableCategory.Cat5e, PowerSpecs.Class(4), 10, pseVolts: 45))
            .Should().Throw<ArgumentException>().WithMessage("*PSE voltage 45 V is outside the 50–57 V range of an 802.3at PSE");

    private static PowerStatus Status(
        PoeStandard standard, int pseClass, double meters, CableCategory cable, AxisEmulator.Core.Profiles.PowerSpec spec, double load, double? volts = null) =>
        PowerRail.Evaluate(new PoeSource(standard, pseClass, meters, cable, volts), spec, load).Status;
}
