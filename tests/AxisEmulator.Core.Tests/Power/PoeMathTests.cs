using AxisEmulator.Core.Power;

namespace AxisEmulator.Core.Tests.Power;

public class PoeMathTests
{
    [Theory]
    [InlineData(0, 15.4, 12.95)]
    [InlineData(1, 4.0, 3.84)]
    [InlineData(2, 7.0, 6.49)]
    [InlineData(3, 15.4, 12.95)]
    [InlineData(4, 30, 25.5)]
    [InlineData(5, 45, 40)]
    [InlineData(6, 60, 51)]
    [InlineData(7, 75, 62)]
    [InlineData(8, 90, 71.3)]
    public void Class_budgets_match_the_standard(int poeClass, double pse, double pd)
    {
        PoeMath.PseWatts(poeClass).Should().Be(pse);
        PoeMath.PdWatts(poeClass).Should().Be(pd);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(9)]
    public void Classes_outside_0_to_8_are_rejected(int poeClass) =>
        FluentActions.Invoking(() => PoeMath.PdWatts(poeClass)).Should().Throw<ArgumentOutOfRangeException>();

    [Theory]
    [InlineData(PoeStandard.Af, 3, 44, 57)]
    [InlineData(PoeStandard.At, 4, 50, 57)]
    [InlineData(PoeStandard.Bt, 6, 50, 57)]
    [InlineData(PoeStandard.Bt, 7, 52, 57)]
    [InlineData(PoeStandard.Bt, 8, 52, 57)]
    public void Pse_voltage_ranges(PoeStandard standard, int pseClass, double min, double max)
    {
        var range = PoeMath.PseVoltageRange(standard, pseClass);
        range.Min.Should().Be(min);
        range.Max.Should().Be(max);
    }

    [Fact]
    public void Default_pse_volts_are_48_for_af_and_53_for_at_and_bt()
    {
        PoeMath.DefaultPseVolts(PoeStandard.Af).Should().Be(48);
        PoeMath.DefaultPseVolts(PoeStandard.At).Should().Be(53);
        PoeMath.DefaultPseVolts(PoeStandard.Bt).Should().Be(53);
    }

    [Theory]
    [InlineData(0, 1, 37, 0.35, false)]
    [InlineData(3, 1, 37, 0.35, false)]
    [InlineData(4, 2, 42.5, 0.6, false)]
    [InlineData(5, 3, 42.5, 0.6, true)]
    [InlineData(6, 3, 42.5, 0.6, true)]
    [InlineData(7, 4, 41.1, 0.96, true)]
    [InlineData(8, 4, 41.1, 0.96, true)]
    public void Pd_limits_follow_the_granted_class(int grantedClass, int type, double minVolts, double maxAmps, bool fourPair)
    {
        PoeMath.PoeType(grantedClass).Should().Be(type);
        PoeMath.PdMinimumVolts(grantedClass).Should().Be(minVolts);
        PoeMath.MaxAmpsPerPairset(grantedClass).Should().Be(maxAmps);
        PoeMath.UsesFourPairs(grantedClass).Should().Be(fourPair);
    }

    [Theory]
    [InlineData(CableCategory.Cat3, 100, false, 20)]
    [InlineData(CableCategory.Cat5, 100, false, 12.5)]
    [InlineData(CableCategory.Cat5e, 100, false, 12.5)]
    [InlineData(CableCategory.Cat5e, 100, true, 6.25)]
    [InlineData(CableCategory.Cat6, 100, false, 7)]
    [InlineData(CableCategory.Cat6a, 50, false, 3.5)]
    [InlineData(CableCategory.Cat3, 0, false, 0)]
    public void Loop_resistance_scales_with_length_and_halves_over_four_pairs(
        CableCategory cable, double meters, bool fourPair, double ohms) =>
        PoeMath.LoopResistanceOhms(cable, meters, fourPair).Should().BeApproximately(ohms, 1e-12);

    [Fact]
    public void Solve_current_takes_the_smaller_root()
    {
        // 20 I² − 44 I + 12.95 = 0 → I = 0.35 or 1.85.
        PoeMath.SolveCurrent(44, 12.95, 20).Should().BeApproximately(0.35, 1e-9);
    }

    [Fact]
    public void Solve_current_without_cable_is_p_over_v() =>
        PoeMath.SolveCurrent(48, 12, 0).Should().BeApproximately(0.25, 1e-12);

    [Fact]
    public void Solve_current_gives_null_when_there_is_no_real_root()
    {
        // V² / 4R = 48² / 80 = 28.8 W is the most a 20 Ω loop can deliver from 48 V.
        PoeMath.SolveCurrent(48, 28.9, 20).Should().BeNull();
        PoeMath.SolveCurrent(48, 28.8, 20).Should().BeApproximately(1.2, 1e-6);
    }

    [Fact]
    public void Evaluate_gives_volts_at_the_pd_and_cable_loss()
    {
        var point = PoeMath.Evaluate(50, 25.5, 12.5);

        point.Should().NotBeNull();
        point!.Value.Amps.Should().BeApproximately(0.6, 1e-9);
        point.Value.VoltsAtDevice.Should().BeApproximately(42.5, 1e-9);
        point.Value.CableLossWatts.Should().BeApproximately(4.5, 1e-9);
    }

    [Fact]
    public void Max_loop_ohms_with_the_voltage_limit_binding_is_the_closed_form()
    {
        // (V − V_min)·V_min / P
        PoeMath.MaxLoopOhms(53, 20, 42.5, 0.6).Should().BeApproximately((53 - 42.5) * 42.5 / 20, 1e-9);
    }

    [Fact]
    public void Max_loop_ohms_with_the_current_limit_binding()
    {
        // I_lim = 0.3 A < P/V_min = 0.32 A → R = (V·I − P) / I² = (14.4 − 12) / 0.09.
        PoeMath.MaxLoopOhms(48, 12, 37.5, 0.3).Should().BeApproximately((48 * 0.3 - 12) / 0.09, 1e-9);
    }
}
