using System.IO.Pipelines;
using System.Net.ServerSentEvents;
using System.Text;
using AxisEmulator.Contracts;
using Microsoft.Extensions.Time.Testing;

namespace AxisEmulator.Client.Tests;

/// <summary>
/// The event stream as the HTML standard reads it (the runtime's <see cref="SseParser"/>, which the
/// client reads with), and as timeline entries.
/// </summary>
public class ServerSentEventParsingTests
{
    /// <summary>What the emulator writes: a comment, a retry, then one event per timeline entry (the built-in formatter's field order: event, data, id).</summary>
    private const string EmulatorStream =
        ": axis-emulator timeline events\nretry: 2000\n\n" +
        "event: phase\ndata: {\"deviceId\":\"cam-1\",\"sequence\":7,\"time\":\"2026-01-01T00:00:35Z\",\"kind\":\"phase\",\"event\":\"phase-changed\",\"message\":\"booting → network-up\",\"data\":{\"from\":\"booting\",\"to\":\"network-up\"}}\nid: cam-1:7\n\n" +
        "event: boot\ndata: {\"deviceId\":\"cam-1\",\"sequence\":8,\"time\":\"2026-01-01T00:01:27.05Z\",\"kind\":\"boot\",\"event\":\"reset-release\",\"message\":\"held 17.1 s\",\"data\":{\"heldSeconds\":17.05,\"outcome\":\"factory-reset\",\"flag\":true}}\nid: cam-1:8\n\n" +
        ": 3 entries dropped (reader too slow); GET /api/v1/devices/{id}/timeline?since= fills the gap\n\n" +
        "event: led\ndata: {\"deviceId\":\"cam-2\",\"sequence\":1,\"time\":\"2026-01-01T00:00:00Z\",\"kind\":\"led\",\"event\":\"led-changed\",\"message\":\"status: off → steady amber\",\"data\":null}\nid: cam-2:1\n\n";

    [Fact]
    public async Task Events_have_their_type_id_and_data_and_comments_are_skipped()
    {
        var events = await ReadAllAsync(EmulatorStream);

        events.Select(e => (e.EventType, e.Id)).Should().Equal(("phase", "cam-1:7"), ("boot", "cam-1:8"), ("led", "cam-2:1"));
        events[0].Data.Should().StartWith("{\"deviceId\":\"cam-1\",\"sequence\":7");
    }

    [Fact]
    public async Task The_retry_field_sets_the_reconnection_time()
    {
        var parser = SseParser.Create(Utf8(EmulatorStream));

        await using (var events = parser.EnumerateAsync().GetAsyncEnumerator())
        {
            await events.MoveNextAsync();
        }

        parser.ReconnectionInterval.Should().Be(TimeSpan.FromSeconds(2));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public async Task Lines_may_end_with_LF_CRLF_or_CR_and_data_lines_join_with_LF(string newline)
    {
        var text = string.Join(newline, "event: note", "data: first", "data:second", "data:  third", "", "");

        var events = await ReadAllAsync(text);

        events.Should().ContainSingle().Which.Should().Be(new Sse("note", "first\nsecond\n third", null));
    }

    [Fact]
    public async Task An_event_without_data_is_not_dispatched_and_the_last_id_carries_over()
    {
        var events = await ReadAllAsync("id: 1\n\ndata: a\n\nevent: x\ndata: b\nid\n\ndata: c\n\n");

        events.Should().Equal(
            new Sse("message", "a", "1"),
            new Sse("x", "b", ""),
            new Sse("message", "c", ""));
    }

    [Fact]
    public async Task The_runtime_parser_keeps_the_event_type_of_an_event_without_data()
    {
        // The HTML standard resets the event type when a block without data ends; the runtime's parser
        // (System.Net.ServerSentEvents 10.0) keeps it for the next event. The emulator never writes such
        // a block (its greeting has no event field); this pins the difference, should the runtime change.
        var events = await ReadAllAsync("event: ping\n\ndata: a\n\n");

        events.Should().ContainSingle().Which.EventType.Should().Be("ping");
    }

    [Fact]
    public async Task An_unfinished_event_at_the_end_of_the_stream_is_dropped()
    {
        var events = await ReadAllAsync("data: complete\n\ndata: cut off");

        events.Should().ContainSingle().Which.Data.Should().Be("complete");
    }

    [Fact]
    public async Task Unknown_fields_and_a_bad_retry_are_ignored()
    {
        var parser = SseParser.Create(Utf8("retry: soon\nfoo: bar\ndata\n\n"));

        var events = await ReadAllAsync(parser);

        events.Should().ContainSingle().Which.Should().Be(new Sse("message", "", null));
        parser.ReconnectionInterval.Should().Be(Timeout.InfiniteTimeSpan, "no retry was given");
    }

    [Fact]
    public async Task A_stream_that_trickles_in_one_byte_at_a_time_reads_the_same()
    {
        var whole = await ReadAllAsync(EmulatorStream);

        var trickled = await ReadAllAsync(SseParser.Create(new TrickleStream(Encoding.UTF8.GetBytes(EmulatorStream))));

        trickled.Should().Equal(whole);
    }

    [Fact]
    public async Task Each_event_becomes_a_timeline_entry_with_its_figures()
    {
        await using var stream = new TimelineEventStream(Utf8(EmulatorStream));

        var entries = new List<TimelineEntry>();
        await foreach (var entry in stream)
        {
            entries.Add(entry);
        }

        entries.Select(e => e.Event).Should().Equal("phase-changed", "reset-release", "led-changed");
        entries[0].Kind.Should().Be(TimelineKind.Phase);
        entries[0].PhaseEntered.Should().Be(DevicePhase.NetworkUp);
        entries[0].Time.Should().Be(new DateTimeOffset(2026, 1, 1, 0, 0, 35, TimeSpan.Zero));
        entries[1].GetNumber("heldSeconds").Should().Be(17.05);
        entries[1].GetString("outcome").Should().Be("factory-reset");
        entries[1].GetBoolean("flag").Should().BeTrue();
        entries[1].GetString("missing").Should().BeNull();
        entries[2].DeviceId.Should().Be("cam-2");
        entries[2].Data.Should().BeNull();
        stream.Received.Should().Equal(entries);
        stream.Ended.Should().BeTrue();
    }

    [Fact]
    public async Task Data_that_is_not_a_timeline_entry_names_the_event()
    {
        await using var stream = new TimelineEventStream(Utf8("id: cam-1:9\nevent: led\ndata: {not json\n\n"));

        var act = () => stream.ReadAsync();

        (await act.Should().ThrowAsync<AxisEmulatorApiException>()).Which.Message
            .Should().Contain("Event 'led' (id cam-1:9) of the event stream is not a timeline entry").And.Contain("{not json");
    }

    [Fact]
    public async Task Reading_until_a_match_returns_the_entries_up_to_it()
    {
        await using var stream = new TimelineEventStream(Utf8(EmulatorStream));

        var read = await stream.ReadUntilAsync(e => e.Event == "reset-release", TimeSpan.FromSeconds(5));

        read.Select(e => e.Sequence).Should().Equal(7, 8);
        (await stream.ReadAsync())!.DeviceId.Should().Be("cam-2", "reading goes on where it stopped");
    }

    [Fact]
    public async Task Reading_until_a_match_fails_when_the_stream_ends_first()
    {
        await using var stream = new TimelineEventStream(Utf8(EmulatorStream));

        var act = () => stream.ReadUntilAsync(e => e.Event == "factory-reset", TimeSpan.FromSeconds(5));

        (await act.Should().ThrowAsync<TimeoutException>()).Which.Message
            .Should().Contain("ended before an event matched `e => e.Event == \"factory-reset\"`").And.Contain("read 3").And.Contain("cam-1 boot/reset-release");
    }

    [Fact]
    public async Task Reading_until_a_match_gives_up_after_its_wall_time_timeout()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(EmulatorStream));
        var wall = new FakeTimeProvider();
        await using var stream = new TimelineEventStream(pipe.Reader.AsStream(), wall);

        var reading = stream.ReadUntilAsync(e => e.Event == "factory-reset", TimeSpan.FromMilliseconds(200));
        wall.Advance(TimeSpan.FromMilliseconds(199));
        reading.IsCompleted.Should().BeFalse("the deadline is 200 ms of the stream's wall clock");
        wall.Advance(TimeSpan.FromMilliseconds(1));

        var act = () => reading;
        (await act.Should().ThrowAsync<TimeoutException>()).Which.Message.Should().Contain("No event matched").And.Contain("within 0.2 s of wall time; read 3");
        await pipe.Writer.CompleteAsync();
    }

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private static Task<List<Sse>> ReadAllAsync(string text) => ReadAllAsync(SseParser.Create(Utf8(text)));

    /// <summary>Each event with its type and the last event id (which carries over, as EventSource's lastEventId does; null before any).</summary>
    private static async Task<List<Sse>> ReadAllAsync(SseParser<string> parser)
    {
        var events = new List<Sse>();
        string? lastId = null;
        await foreach (var item in parser.EnumerateAsync())
        {
            lastId = item.EventId ?? lastId;
            events.Add(new Sse(item.EventType, item.Data, lastId));
        }

        return events;
    }

    private sealed record Sse(string EventType, string Data, string? Id);

    /// <summary>A stream that hands out one byte per read, as a slow network might.</summary>
    private sealed class TrickleStream(byte[] bytes) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => bytes.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= bytes.Length || count == 0)
            {
                return 0;
            }

            buffer[offset] = bytes[_position++];
            return 1;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
