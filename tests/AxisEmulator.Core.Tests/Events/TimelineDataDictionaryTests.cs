using System.Text.Json;
using AxisEmulator.Core.Events;

namespace AxisEmulator.Core.Tests.Events;

public class TimelineDataDictionaryTests
{
    [Fact]
    public void Keeps_the_non_null_figures_in_order_and_a_repeated_key_takes_its_last_value()
    {
        var data = new TimelineDataDictionary(("method", "GET"), ("user", null), ("status", 200), ("ms", 1.5), ("status", 401));

        data.Keys.Should().Equal("method", "status", "ms");
        data.Count.Should().Be(3);
        data["status"].Should().Be(401);
        data.ContainsKey("user").Should().BeFalse("a null figure is left out");
        data.TryGetValue("ms", out var ms).Should().BeTrue();
        ms.Should().Be(1.5);
        data.TryGetValue("missing", out _).Should().BeFalse();
        var read = () => data["missing"];
        read.Should().Throw<KeyNotFoundException>().WithMessage("no figure 'missing'");
    }

    [Fact]
    public void Serializes_as_a_json_object_like_any_dictionary()
    {
        IReadOnlyDictionary<string, object?> data = new TimelineDataDictionary(("path", "/axis-cgi/param.cgi"), ("status", 200));

        JsonSerializer.Serialize(data).Should().Be("""{"path":"/axis-cgi/param.cgi","status":200}""");
        new TimelineEntry(1, DateTimeOffset.UnixEpoch, "cam-1", new VapixRequestAnswered("GET", "/axis-cgi/param.cgi", null, 200, null)).Get<int>("status").Should().Be(200);
    }
}
