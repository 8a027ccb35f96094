using AxisEmulator.Core.Events;
using AxisEmulator.Core.Events.Notifications;
using AxisEmulator.Vapix.Tests.Server;

namespace AxisEmulator.Vapix.Tests.EventService;

/// <summary>
/// <see cref="EventTopics.Published"/> against the device's two other faces: every topic the stream
/// can publish is declared by GetEventInstances with the same items, and every topic claimed as
/// published really comes out of the device's typed events, with exactly the items listed.
/// </summary>
public class DeclaredAsPublishedTests
{
    [Theory]
    [InlineData("P3265-LVE")]
    [InlineData("D2210-VE")]
    [InlineData("M1075-L")]
    public async Task Every_published_topic_is_declared_in_GetEventInstances_with_its_items(string profile)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync(profile);
        using var client = h.Client(camera);

        using var response = await client.PostAsync("/vapix/services", GetEventInstancesTests.Soap(GetEventInstancesTests.Request));
        var declared = GetEventInstancesTests.ReadTopics(await response.Content.ReadAsStringAsync());

        foreach (var published in EventTopics.Published)
        {
            declared.Should().ContainKey(published.Topic);
            declared[published.Topic].Where(i => i.StartsWith("data ", StringComparison.Ordinal)).Select(i => i.Split(' ')[1])
                .Should().Equal(published.Data, $"{published.Topic} carries the data items it is declared with");
        }
    }

    [Fact]
    public async Task Every_topic_claimed_as_published_comes_from_the_typed_events_with_the_listed_items()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        camera.AdoptLease("192.168.0.150").Should().BeTrue();
        camera.Restart().Should().BeTrue();
        await h.RunUntilIdleAsync(camera);

        var seen = camera.Timeline.Since(0).SelectMany(e => EventNotifications.From(e, camera.SystemTime.Offset)).ToList();

        seen.Select(n => n.Topic).Distinct().Should().BeEquivalentTo(EventTopics.Published.Select(p => p.Topic));
        foreach (var notification in seen)
        {
            notification.Data.Keys.Should().Equal(EventTopics.Find(notification.Topic)!.Data);
        }

        camera.Timeline.Since(0).Select(e => e.Event).Should().Contain(e => e is AddressReleased);
    }
}
