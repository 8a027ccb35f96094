using AxisEmulator.Core.Events;
using Microsoft.Extensions.Time.Testing;

namespace AxisEmulator.Core.Tests.Events;

/// <summary>
/// A VAPIX request entry keeps only its typed record and is written out on demand; readers see the
/// same message and figures as for any other entry.
/// </summary>
public class RequestEntryTests
{
    private static DeviceTimeline NewTimeline() => new("cam-1", new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddHours(1)));

    [Fact]
    public void Reads_like_any_entry_message_figures_and_typed_record()
    {
        var entry = NewTimeline().Append(new VapixRequestAnswered("GET", "/axis-cgi/param.cgi", "root", 200, 1.5));

        entry.Kind.Should().Be(TimelineKind.Http);
        entry.Name.Should().Be("request");
        entry.Time.Should().Be(DateTimeOffset.UnixEpoch.AddHours(1));
        entry.Message.Should().Be("GET /axis-cgi/param.cgi → 200 (root)");
        entry.Data.Should().Equal(new Dictionary<string, object?> { ["method"] = "GET", ["path"] = "/axis-cgi/param.cgi", ["user"] = "root", ["status"] = 200, ["ms"] = 1.5 });
        entry.Get<int>("status").Should().Be(200);
        entry.Event.Should().Be(new VapixRequestAnswered("GET", "/axis-cgi/param.cgi", "root", 200, 1.5));
    }

    [Fact]
    public void An_anonymous_unmeasured_request_leaves_out_the_user_and_the_time()
    {
        var entry = NewTimeline().Append(new VapixRequestAnswered("POST", "/axis-cgi/systemready.cgi", null, 503, null));

        entry.Message.Should().Be("POST /axis-cgi/systemready.cgi → 503");
        entry.Data!.Keys.Should().Equal("method", "path", "status");
    }

    [Fact]
    public void Equal_when_a_reader_sees_the_same_and_sequence_numbers_follow_the_other_entries()
    {
        var timeline = NewTimeline();
        timeline.Append(new ConfigChanged("admin created"));
        var entry = timeline.Append(new VapixRequestAnswered("GET", "/", null, 404, 0.5));

        entry.Sequence.Should().Be(2);
        timeline.Since(0).Select(e => e.Sequence).Should().Equal(1, 2);
        var copy = entry with { };
        copy.Should().Be(entry);
        copy.GetHashCode().Should().Be(entry.GetHashCode());
        (entry with { Sequence = 3 }).Should().NotBe(entry);
        new TimelineEntry(2, entry.Time, "cam-1", new VapixRequestAnswered("GET", "/", null, 404, 0.5)).Should().Be(entry);
    }
}
