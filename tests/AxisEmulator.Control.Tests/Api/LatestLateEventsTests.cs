using AxisEmulator.Control.Api;
using AxisEmulator.Core.Clock;

namespace AxisEmulator.Control.Tests.Api;

public class LatestLateEventsTests
{
    [Fact]
    public void Keeps_the_ten_latest_by_name_latest_first()
    {
        using var clock = new SimulationClock();
        var latest = new LatestLateEvents();
        for (var i = 1; i <= 25; i++)
        {
            var scheduled = clock.Schedule(TimeSpan.FromSeconds(i), new EventName($"cam-{i}", "boot: ready"), () => { });
            latest.Offer(scheduled, TimeSpan.FromMilliseconds((i * 7) % 25));
        }

        var kept = latest.Snapshot();
        kept.Should().HaveCount(LatestLateEvents.Capacity);
        kept.Select(e => e.LateMs).Should().BeInDescendingOrder().And.Equal(24, 23, 22, 21, 20, 19, 18, 17, 16, 15);
        kept[0].Name.Should().Be("cam-7 boot: ready", "7 × 7 = 49 ≡ 24 (mod 25)");
        kept[0].Due.Should().Be(SimulationClock.DefaultEpoch.AddSeconds(7));
    }
}
