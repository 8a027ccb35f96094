using AxisEmulator.Core.Power;
using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Core.Tests.Power;

public class PowerRailTests
{
    private const double Precision = 1e-6;

    // ---- The worked checks of hardware-facts.md §4.1 -------------------------------------------

    [Fact]
    public void Type_1_worked_check_44_V_over_20_ohm_gives_37_V_and_12_95_W()
    {
        var reading = PowerRail.Evaluate(
            new PoeSource(PoeStandard.Af, 3, 100, CableCategory.Cat3, PseVolts: 44), PowerSpecs.Class(3), 12.95);

        reading.Status.Should().Be(PowerStatus.Ok);
        reading.VoltsAtDevice.Should().BeApproximately(37, Precision);
        reading.Amps.Should().BeApproximately(0.35, Precision);
        reading.CableLossWatts.Should().BeApproximately(2.45, Precision);
        reading.Watts.Should().Be(12.95);
        reading.BudgetWatts.Should().Be(12.95);
        (reading.Watts + reading.CableLossWatts).Should().BeApproximately(PoeMath.PseWatts(3), Precision);
        reading.Explanation.Should().Be(
            "802.3af class-3 PSE at 44 V over 100 m of cat3 (20 Ω loop): 12.95 W at 37 V, 0.35 A, 2.45 W lost in the cable; class-3 budget 12.95 W (ok)");
    }

    [Fact]
    public void Type_2_worked_check_50_V_over_12_5_ohm_gives_42_5_V_and_25_5_W()
    {
        var reading = PowerRail.Evaluate(
            new PoeSource(PoeStandard.At, 4, 100, CableCategory.Cat5, PseVolts: 50), PowerSpecs.Class(4), 25.5);

        reading.Status.Should().Be(PowerStatus.Ok);
        reading.VoltsAtDevice.Should().BeApproximately(42.5, Precision);
        reading.Amps.Should().BeApproximately(0.6, Precision);
        reading.CableLossWatts.Should().BeApproximately(4.5, Precision);
        (reading.Watts + reading.CableLossWatts).Should().BeApproximately(PoeMath.PseWatts(4), Precision);
    }

    [Fact]
    public void Type_3_worked_check_two_pairsets_at_0_6_A_lose_9_W()
    {
        var reading = PowerRail.Evaluate(
            new PoeSource(PoeStandard.Bt, 6, 100, CableCategory.Cat5e, PseVolts: 50), PowerSpecs.Class(6), 51);

        reading.Status.Should().Be(PowerStatus.Ok);
        reading.Amps.Should().BeApproximately(1.2, Precision);
        reading.VoltsAtDevice.Should().BeApproximately(42.5, Precision);
        reading.CableLossWatts.Should().BeApproximately(9, Precision);
        (reading.Watts + reading.CableLossWatts).Should().BeApproximately(PoeMath.PseWatts(6), Precision);
        reading.Explanation.Should().Contain("(6.25 Ω loop, 4 pairs)");
    }

    [Fact]
    public void Type_4_worked_check_52_V_90_W_leaves_71_3_W_at_the_pd()
    {
        var reading = PowerRail.Evaluate(
            new PoeSource(PoeStandard.Bt, 8, 100, CableCategory.Cat5e, PseVolts: 52), PowerSpecs.Class(8), 71.3);

        reading.Status.Should().Be(PowerStatus.Ok);
        reading.Amps.Should().BeApproximately(1.73, 0.005);
        (reading.Amps / 2).Should().BeApproximately(0.865, 0.005);
        reading.CableLossWatts.Should().BeApproximately(18.7, 0.05);
        reading.VoltsAtDevice.Should().BeApproximately(41.2, 0.05).And.BeGreaterThanOrEqualTo(41.1);
        (reading.Watts + reading.CableLossWatts).Should().BeApproximately(PoeMath.PseWatts(8), 0.1);
    }

    // ---- Classification and budgets -------------------------------------------------------------

    [Fact]
    public void A_class_4_load_on_an_af_class_3_pse_is_an_overload()
    {
        var reading = PowerRail.Evaluate(new PoeSource(PoeStandard.Af, 3), PowerSpecs.Class(4), 25.5);

        reading.Status.Should().Be(PowerStatus.Overload);
        reading.IsPowered.Should().BeFalse();
        reading.BudgetWatts.Should().Be(12.95);
        reading.Degraded.Should().BeFalse();
        reading.Explanation.Should().Be(
            "class-4 load 25.5 W exceeds the class-3 PSE budget of 12.95 W: PSE cuts power (overload)");
    }

    [Fact]
    public void A_class_4_unit_without_degraded_mode_boots_on_class_3_until_its_running_load_overloads()
    {
        var spec = PowerSpecs.Class(4);
        var source = new PoeSource(PoeStandard.Af, 3);

        var bootLoader = PowerRail.Evaluate(source, spec, spec.Loads.BootLoader);
        bootLoader.Status.Should().Be(PowerStatus.Ok);
        bootLoader.Explanation.Should().Contain("class-4 PD granted class 3, budget 12.95 W (ok)");

        PowerRail.Evaluate(source, spec, spec.Loads.Running).Status.Should().Be(PowerStatus.Overload);
    }

    [Fact]
    public void The_same_class_4_load_runs_degraded_when_the_profile_allows_it()
    {
        var reading = PowerRail.Evaluate(
            new PoeSource(PoeStandard.Af, 3), PowerSpecs.Class(4, canRunDegraded: true, degraded: 11), 25.5);

        reading.Status.Should().Be(PowerStatus.Degraded);
        reading.IsPowered.Should().BeTrue();
        reading.Degraded.Should().BeTrue();
        reading.Watts.Should().Be(11);
        reading.BudgetWatts.Should().Be(12.95);
        reading.VoltsAtDevice.Should().BeApproximately(48 - (reading.Amps * 0.00125 * 100), Precision);
        reading.Explanation.Should().StartWith("802.3af class-3 PSE at 48 V over 1 m of cat5e (0.13 Ω loop): class-4 PD granted class 3 (budget 12.95 W) runs degraded")
            .And.EndWith("(degraded)");
    }

    [Fact]
    public void Degraded_mode_caps_the_load_but_keeps_lighter_phases_as_they_are()
    {
        var spec = PowerSpecs.Class(4, canRunDegraded: true, degraded: 11);
        var source = new PoeSource(PoeStandard.Af, 3);

        var bootLoader = PowerRail.Evaluate(source, spec, 4);
        bootLoader.Status.Should().Be(PowerStatus.Degraded);
        bootLoader.Watts.Should().Be(4);
    }

    [Fact]
    public void Degraded_mode_without_a_degraded_load_uses_the_running_load()
    {
        var reading = PowerRail.Evaluate(new PoeSource(PoeStandard.Af, 3), PowerSpecs.Class(4, canRunDegraded: true), 25.5);

        reading.Status.Should().Be(PowerStatus.Overload);
        reading.Watts.Should().Be(14);
        reading.Explanation.Should().Be(
            "class-4 PD on a class-3 PSE: even the degraded load 14 W exceeds the class-3 PSE budget of 12.95 W: PSE cuts power (overload)");
    }

    [Fact]
    public void A_degraded_load_that_still_does_not_fit_is_an_overload()
    {
        var reading = PowerRail.Evaluate(
            new PoeSource(PoeStandard.Af, 1), PowerSpecs.Class(4, canRunDegraded: true, degraded: 11), 25.5);

        reading.Status.Should().Be(PowerStatus.Overload);
        reading.BudgetWatts.Should().Be(3.84);
    }

    [Fact]
    public void A_load_above_its_own_class_is_an_overload_even_with_degraded_mode()
    {
        var reading = PowerRail.Evaluate(new PoeSource(PoeStandard.At, 4), PowerSpecs.Class(4, canRunDegraded: true), 30);

        reading.Status.Should().Be(PowerStatus.Overload);
        reading.Explanation.Should().Be(
            "class-4 load 30 W exceeds the class-4 PSE budget of 25.5 W: PSE cuts power (overload)");
    }

    [Fact]
    public void A_higher_class_pse_grants_only_what_the_pd_asks_for()
    {
        var reading = PowerRail.Evaluate(new PoeSource(PoeStandard.Bt, 8, 100), PowerSpecs.Class(3), 10);

        reading.Status.Should().Be(PowerStatus.Ok);
        reading.BudgetWatts.Should().Be(12.95);
        reading.Explanation.Should().Contain("(12.5 Ω loop)"); // two pairs: class 3 is not a 4-pair class
    }

    [Fact]
    public void Class_0_counts_as_a_full_15_4_W_class_when_comparing_grants()
    {
        PowerRail.Evaluate(new PoeSource(PoeStandard.Af, 0), PowerSpecs.Class(3), 12).Status.Should().Be(PowerStatus.Ok);
        PowerRail.Evaluate(new PoeSource(PoeStandard.Af, 1), PowerSpecs.Class(0), 12).Status.Should().Be(PowerStatus.Overload);
    }

    // ---- Cable physics --------------------------------------------------------------------------

    [Fact]
    public void A_long_cat3_run_browns_out_the_pd()
    {
        var reading = PowerRail.Evaluate(
            new PoeSource(PoeStandard.Af, 3, 150, CableCategory.Cat3, PseVolts: 44), PowerSpecs.Class(3), 12.95);

        reading.Status.Should().Be(PowerStatus.Undervoltage);
        reading.VoltsAtDevice.Should().BeLessThan(37);
        reading.Explanation.Should().StartWith("802.3af class-3 PSE at 44 V over 150 m of cat3 (30 Ω loop): 12.95 W leaves ")
            .And.EndWith("V at the device, below the 37 V a Type 1 (802.3af) PD needs: the PD drops out (undervoltage)");
    }

    [Fact]
    public void No_operating_point_is_an_undervoltage()
    {
        // 250 m of Cat3 is 50 Ω; from 44 V at most 44² / 200 = 9.68 W can arrive.
        var reading = PowerRail.Evaluate(
            new PoeSource(PoeStandard.Af, 3, 250, CableCategory.Cat3, PseVolts: 44), PowerSpecs.Class(3), 12);

        reading.Status.Should().Be(PowerStatus.Undervoltage);
        reading.VoltsAtDevice.Should().Be(0);
        reading.Amps.Should().Be(0);
        reading.Explanation.Should().Contain("no operating point for a 12 W load");
    }

    [Fact]
    public void A_class_3_pd_on_a_poe_plus_switch_keeps_the_type_1_minimum_of_37_V()
    {
        var reading = PowerRail.Evaluate(
            new PoeSource(PoeStandard.At, 4, 150, CableCategory.Cat3, PseVolts: 50), PowerSpecs.Class(3), 12.95);

        reading.Status.Should().Be(PowerStatus.Ok);
        reading.VoltsAtDevice.Should().BeInRange(37, 42.5);
    }

    [Fact]
    public void Cat6_loses_less_than_cat5e_over_the_same_run()
    {
        var cat5e = PowerRail.Evaluate(new PoeSource(PoeStandard.At, 4, 100, CableCategory.Cat5e), PowerSpecs.Class(4), 20);
        var cat6 = PowerRail.Evaluate(new PoeSource(PoeStandard.At, 4, 100, CableCategory.Cat6), PowerSpecs.Class(4), 20);

        cat6.CableLossWatts.Should().BeLessThan(cat5e.CableLossWatts);
        cat6.VoltsAtDevice.Should().BeGreaterThan(cat5e.VoltsAtDevice);
    }

    // ---- No PoE, passive, DC ----------------------------------------------------------------------

    [Fact]
    public void No_source_is_no_power()
    {
        var reading = PowerRail.Evaluate(null, PowerSpecs.Class(3), 5);

        reading.Should().Be(new PowerReading(PowerStatus.NoPower, 0, 0, 0, 0, 0, false, "no power source connected"));
    }

    [Fact]
    public void A_device_without_poe_input_gets_nothing_from_a_pse()
    {
        var reading = PowerRail.Evaluate(new PoeSource(PoeStandard.At, 4), PowerSpecs.DcOnly(4.75, 5.25), 5);

        reading.Status.Should().Be(PowerStatus.NoPower);
        reading.VoltsAtDevice.Should().Be(0);
        reading.Explanation.Should().Be("802.3at PSE: the device has no PoE input (DC only); nothing lights");
    }

    [Fact]
    public void A_24_V_passive_injector_never_powers_a_standard_pd()
    {
        var reading = PowerRail.Evaluate(new PassiveSource(24), PowerSpecs.Class(3), 5);

        reading.Status.Should().Be(PowerStatus.NoPower);
        reading.VoltsAtDevice.Should().Be(0);
        reading.Explanation.Should().Be("24 V passive injector: below the 37 V a PoE PD needs to turn on; nothing lights");
    }

    [Fact]
    public void A_48_V_passive_injector_powers_the_pd_without_a_budget()
    {
        var reading = PowerRail.Evaluate(new PassiveSource(48), PowerSpecs.Class(4), 24);

        reading.Status.Should().Be(PowerStatus.Ok);
        reading.VoltsAtDevice.Should().Be(48);
        reading.Watts.Should().Be(24);
        reading.Amps.Should().Be(0.5);
        reading.BudgetWatts.Should().Be(0);
        reading.CableLossWatts.Should().Be(0);
    }

    [Fact]
    public void A_passive_injector_above_57_V_is_modelled_as_no_power()
    {
        var reading = PowerRail.Evaluate(new PassiveSource(60), PowerSpecs.Class(3), 5);

        reading.Status.Should().Be(PowerStatus.NoPower);
        reading.Explanation.Should().Contain("it would damage the device");
    }

    [Fact]
    public void A_passive_injector_on_a_dc_only_device_is_no_power() =>
        PowerRail.Evaluate(new PassiveSource(48), PowerSpecs.DcOnly(10.8, 13.2), 5).Status.Should().Be(PowerStatus.NoPower);

    [Fact]
    public void A_dc_adapter_in_range_powers_the_device_with_a_volts_times_amps_budget()
    {
        var reading = PowerRail.Evaluate(new DcSource(12, 1), PowerSpecs.DcOnly(10.8, 13.2), 6);

        reading.Status.Should().Be(PowerStatus.Ok);
        reading.VoltsAtDevice.Should().Be(12);
        reading.BudgetWatts.Should().Be(12);
        reading.Amps.Should().Be(0.5);
        reading.Explanation.Should().Be("12 V 1 A DC adapter: 6 W at 12 V, 0.5 A; budget 12 W (ok)");
    }

    [Fact]
    public void A_dc_adapter_too_weak_for_the_load_is_an_overload()
    {
        var reading = PowerRail.Evaluate(new DcSource(5, 1), PowerSpecs.DcOnly(4.75, 5.25), 7.5);

        reading.Status.Should().Be(PowerStatus.Overload);
        reading.Explanation.Should().Be("5 V 1 A DC adapter: 7.5 W load exceeds its 5 W: the adapter cuts out (overload)");
    }

    [Fact]
    public void A_12_V_adapter_on_a_5_V_device_would_damage_it_and_is_modelled_as_no_power()
    {
        var reading = PowerRail.Evaluate(new DcSource(12), PowerSpecs.DcOnly(4.75, 5.25), 5);

        reading.Status.Should().Be(PowerStatus.NoPower);
        reading.Explanation.Should().Be(
            "12 V DC adapter on a 4.75–5.25 V DC input: it would damage the device (modelled as no power)");
    }

    [Fact]
    public void A_5_V_adapter_on_a_12_V_device_does_not_start_it()
    {
        var reading = PowerRail.Evaluate(new DcSource(5), PowerSpecs.DcOnly(10.8, 13.2), 5);

        reading.Status.Should().Be(PowerStatus.NoPower);
        reading.Explanation.Should().Be("5 V DC adapter: below the 10.8–13.2 V DC input range; the device does not start");
    }

    [Fact]
    public void A_dc_adapter_on_a_poe_only_device_is_no_power()
    {
        var reading = PowerRail.Evaluate(new DcSource(12), PowerSpecs.Class(3), 5);

        reading.Status.Should().Be(PowerStatus.NoPower);
        reading.Explanation.Should().Be("12 V DC adapter: the device has no DC input; nothing lights");
    }

    [Fact]
    public void Negative_loads_are_rejected() =>
        FluentActions.Invoking(() => PowerRail.Evaluate(null, PowerSpecs.Class(3), -1))
            .Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void Evaluation_is_deterministic()
    {
        var source = new PoeSource(PoeStandard.At, 4, 87.3, CableCategory.Cat5e);
        PowerRail.Evaluate(source, PowerSpecs.Class(4), 19.7).Should().Be(PowerRail.Evaluate(source, PowerSpecs.Class(4), 19.7));
    }
}
