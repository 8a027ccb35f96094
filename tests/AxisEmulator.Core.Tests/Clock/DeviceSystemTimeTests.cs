using AxisEmulator.Core.Config;
using AxisEmulator.Core.Tests.Support;
using FluentAssertions;
using Xunit;

namespace AxisEmulator.Core.Tests.Clock;

public sealed class DeviceSystemTimeTests
{
    private static readonly DateTimeOffset Set = new(2031, 5, 6, 7, 8, 9, TimeSpan.Zero);

    [Fact]
    public void The_device_clock_follows_simulated_time_until_set_and_keeps_running_from_the_set_time()
    {
        using var h = new DeviceHarness();
        h.BootToReady();
        h.Camera.SystemTime.UtcNow.Should().Be(h.Clock.GetUtcNow());

        h.Camera.SystemTime.Set(Set);
        h.Advance(90);

        h.Camera.SystemTime.UtcNow.Should().Be(Set.AddSeconds(90));
        h.Entries(@event: "config-changed").Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_set_clock_survives_a_power_cycle_and_a_soft_factory_default_but_not_a_hard_one()
    {
        var store = new InMemoryDeviceStateStore();
        TimeSpan offset;
        using (var h = new DeviceHarness(store: store))
        {
            h.BootToReady();
            h.Camera.SystemTime.Set(Set);
            h.Camera.SystemTime.SetTimeZone("Europe/Stockholm");
            await h.Camera.FlushConfigAsync();
            offset = h.Camera.SystemTime.Offset;
        }

        using var again = new DeviceHarness(store: store);
        offset.Should().NotBe(TimeSpan.Zero);
        again.Camera.SystemTime.Offset.Should().Be(offset);
        again.Camera.SystemTime.TimeZone.Should().Be("Europe/Stockholm");

        again.BootToReady();
        again.Camera.FactoryDefault(FactoryDefaultMode.Soft).Should().BeTrue();
        again.Camera.SystemTime.Offset.Should().Be(offset, "a soft factory default keeps the system time");
        again.Camera.SystemTime.TimeZone.Should().Be("Europe/Stockholm");

        again.Advance(120);
        again.Camera.FactoryDefault(FactoryDefaultMode.Hard).Should().BeTrue();
        again.Camera.SystemTime.Offset.Should().Be(TimeSpan.Zero);
        again.Camera.SystemTime.TimeZone.Should().Be("UTC");
    }
}
