using AxisEmulator.Core.Power;
using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Core.Tests.Power;

/// <summary>The reading names the minimum it judged the volts against, so no one else has to work it out.</summary>
public class MinimumVoltsTests
{
    [Theory]
    [InlineData(PoeStandard.Af, 3, 3, 37)]
    [InlineData(PoeStandard.At, 4, 3, 37)] // a Type 1 PD stays Type 1 on a PoE+ switch
    [InlineData(PoeStandard.At, 4, 4, 42.5)]
    [InlineData(PoeStandard.Bt, 6, 6, 42.5)]
    [InlineData(PoeStandard.Bt, 8, 8, 41.1)]
    [InlineData(PoeStandard.Af, 3, 4, 37)] // a class-4 PD granted class 3 runs as Type 1
    public void A_poe_reading_names_the_granted_types_pd_minimum(PoeStandard standard, int pseClass, int pdClass, double minimum)
    {
        var reading = PowerRail.Evaluate(new PoeSource(standard, pseClass, 10), PowerSpecs.Class(pdClass, canRunDegraded: true), 4);
        reading.MinimumVolts.Should().Be(minimum);
    }

    [Fact]
    public void An_undervoltage_reading_is_below_the_minimum_it_names()
    {
        var reading = PowerRail.Evaluate(new PoeSource(PoeStandard.At, 4, 250, CableCategory.Cat3), PowerSpecs.Class(4), 25.5);
        reading.Status.Should().Be(PowerStatus.Undervoltage);
        reading.MinimumVolts.Should().Be(42.5);
        reading.VoltsAtDevice.Should().BeLessThan(42.5);
    }

    [Fact]
    public void Passive_and_dc_readings_name_their_own_minimum_and_no_power_names_none()
    {
        PowerRail.Evaluate(new PassiveSource(48), PowerSpecs.Class(3), 4).MinimumVolts.Should().Be(37);
        PowerRail.Evaluate(new DcSource(12, 2), PowerSpecs.DcOnly(8, 28), 4).MinimumVolts.Should().Be(8);
        PowerRail.Evaluate(new DcSource(5, 2), PowerSpecs.DcOnly(8, 28), 4).MinimumVolts.Should().BeNull();
        PowerRail.Evaluate(null, PowerSpecs.Class(3), 4).MinimumVolts.Should().BeNull();
    }
}
