using System.Text.Json.Nodes;
using AxisEmulator.Control.Events;
using Microsoft.Extensions.DependencyInjection;

namespace AxisEmulator.Control.Tests.Api;

public sealed class EventsApiTests : IAsyncLifetime
{
    private ControlApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ControlApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_stream_delivers_timeline_entries_of_devices_added_after_it_opened()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var stream = await SseStream.OpenAsync(_host.Client, "/api/v1/events", timeout.Token);
        stream.ContentType.Should().Be("text/event-stream");

        await _host.CreateAsync("late", powerOn: true);
        var events = await stream.ReadAsync(3, timeout.Token);

        events[0].Event.Should().Be("power");
        events[0].Id.Should().Be("late:1");
        var data = JsonNode.Parse(events[0].Data)!;
        data.Str("deviceId").Should().Be("late");
        data.Num("sequence").Should().Be(1);
        data.Str("kind").Should().Be("power");
        data.Str("event").Should().Be("power-on");
        data.Str("time").Should().Be("2026-01-01T00:00:00+00:00");
        events.Select(e => e.Id).Should().Equal("late:1", "late:2", "late:3");
    }

    [Fact]
    public async Task The_stream_follows_simulated_time_as_it_is_advanced()
    {
        await _host.CreateAsync("cam", powerOn: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var stream = await SseStream.OpenAsync(_host.Client, "/api/v1/events?kind=phase", timeout.Token);

        await _host.AdvanceAsync(100);
        var events = await stream.ReadAsync(3, timeout.Token);
        events.Should().OnlyContain(e => e.Event == "phase");
        events.Select(e => JsonNode.Parse(e.Data)!.Str("data.to")).Should().Equal("booting", "network-up", "ready");
    }

    [Fact]
    public async Task The_device_filter_narrows_the_stream()
    {
        await _host.CreateAsync("a");
        await _host.CreateAsync("b");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var stream = await SseStream.OpenAsync(_host.Client, "/api/v1/events?device=b", timeout.Token);

        await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/a/power", """{"on":true}""", 200);
        await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/b/power", """{"on":true}""", 200);
        var events = await stream.ReadAsync(2, timeout.Token);
        events.Should().OnlyContain(e => e.Id.StartsWith("b:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_kind_filter_is_400()
    {
        using var response = await _host.Client.GetAsync("/api/v1/events?kind=noise");
        (await ControlApiHost.ExpectProblemAsync(response, 400)).Str("detail").Should().Contain("kind 'noise'");
    }

    [Fact]
    public async Task A_slow_reader_loses_the_oldest_entries_not_the_device()
    {
        var hub = _host.App.Services.GetRequiredService<TimelineEventHub>();
        using var subscription = hub.Subscribe(4);
        await _host.CreateAsync("cam", powerOn: true);
        await _host.AdvanceAsync(100);

        subscription.Dropped.Should().BeGreaterThan(0);
        var kept = new List<long>();
        while (subscription.Reader.TryRead(out var entry))
        {
            kept.Add(entry.Sequence);
        }

        kept.Should().HaveCount(4);
        kept[^1].Should().Be(_host.Device("cam").Timeline.LastSequence, "the newest entries are kept");
    }

    [Fact]
    public async Task Closing_the_stream_unsubscribes()
    {
        var hub = _host.App.Services.GetRequiredService<TimelineEventHub>();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        using (await SseStream.OpenAsync(_host.Client, "/api/v1/events", timeout.Token))
        {
            hub.SubscriberCount.Should().Be(1);
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (hub.SubscriberCount > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        hub.SubscriberCount.Should().Be(0);
    }
}

/// <summary>A minimal server-sent-events reader over HttpClient.</summary>
public sealed class SseStream : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public string? ContentType => _response.Content.Headers.ContentType?.MediaType;

    public static async Task<SseStream> OpenAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return new SseStream(response, new StreamReader(stream));
    }

    /// <summary>Reads the next <paramref name="count"/> events (comments skipped).</summary>
    public async Task<IReadOnlyList<SseEvent>> ReadAsync(int count, CancellationToken cancellationToken)
    {
        var events = new List<SseEvent>();
        string? id = null, name = null, data = null;
        while (events.Count < count)
        {
            var line = await _reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("the event stream ended");
            if (line.Length == 0)
            {
                if (data is not null)
                {
                    events.Add(new SseEvent(id ?? "", name ?? "message", data));
                }

                id = name = data = null;
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = data is null ? line[6..] : data + "\n" + line[6..];
            }
        }

        return events;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}

public sealed record SseEvent(string Id, string Event, string Data);
