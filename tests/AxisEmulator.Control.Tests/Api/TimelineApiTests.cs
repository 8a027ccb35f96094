using AxisEmulator.Core.Events;

namespace AxisEmulator.Control.Tests.Api;

public sealed class TimelineApiTests : IAsyncLifetime
{
    private ControlApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ControlApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_timeline_lists_entries_in_simulated_time_and_since_returns_only_newer_ones()
    {
        await _host.CreateAsync("cam", powerOn: true);
        var first = await _host.GetJsonAsync("/api/v1/devices/cam/timeline");
        first.Str("deviceId").Should().Be("cam");
        var entries = first.Get("entries")!.AsArray();
        entries.Should().NotBeEmpty();
        var power = entries[0]!;
        power.Num("sequence").Should().Be(1);
        power.Str("kind").Should().Be("power");
        power.Str("event").Should().Be("power-on");
        power.Str("time").Should().Be("2026-01-01T00:00:00+00:00");
        power.Str("message").Should().Contain("PoE 802.3af class 3");
        power.Str("deviceId").Should().Be("cam");
        var last = (long)first.Num("lastSequence");
        last.Should().Be((long)entries[^1]!.Num("sequence"));
        first.Num("firstSequence").Should().Be(1);

        await _host.AdvanceAsync(100);
        var next = await _host.GetJsonAsync($"/api/v1/devices/cam/timeline?since={last}");
        var newer = next.Get("entries")!.AsArray();
        newer.Should().NotBeEmpty();
        newer.Should().OnlyContain(e => e!.Num("sequence") > last);
        newer.Select(e => e!.Str("kind")).Should().Contain(["phase", "led", "network", "boot"]);
        var phase = newer.First(e => e!.Str("kind") == "phase")!;
        phase.Str("data.to").Should().NotBeNullOrEmpty();
        DateTimeOffset.Parse(phase.Str("time"), System.Globalization.CultureInfo.InvariantCulture).Should().BeAfter(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var nothing = await _host.GetJsonAsync($"/api/v1/devices/cam/timeline?since={(long)next.Num("lastSequence")}");
        nothing.Get("entries")!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Kind_narrows_the_timeline()
    {
        await _host.CreateAsync("cam", powerOn: true);
        await _host.AdvanceAsync(100);
        var leds = (await _host.GetJsonAsync("/api/v1/devices/cam/timeline?kind=led,phase")).Get("entries")!.AsArray();
        leds.Select(e => e!.Str("kind")).Distinct().Should().BeEquivalentTo(["led", "phase"]);
        leds.First(e => e!.Str("kind") == "led")!.Str("data.led").Should().Be("status");
    }

    [Fact]
    public async Task The_request_journal_lists_the_vapix_requests()
    {
        await _host.CreateAsync("cam", powerOn: true);
        var camera = _host.Device("cam");
        await _host.AdvanceAsync(100);
        camera.RecordHttp("GET", "/axis-cgi/systemready.cgi", null, 200, 1.5);
        await _host.AdvanceAsync(1);
        camera.RecordHttp("POST", "/axis-cgi/param.cgi", "root", 401);

        var journal = await _host.GetJsonAsync("/api/v1/devices/cam/requests");
        journal.Str("deviceId").Should().Be("cam");
        var requests = journal.Get("requests")!.AsArray();
        requests.Should().HaveCount(2);
        requests[0]!.Str("method").Should().Be("GET");
        requests[0]!.Str("path").Should().Be("/axis-cgi/systemready.cgi");
        requests[0]!.Num("status").Should().Be(200);
        requests[0]!.Num("ms").Should().Be(1.5);
        requests[0]!.Has("user").Should().BeFalse();
        requests[0]!.Str("time").Should().Be("2026-01-01T00:01:40+00:00");
        requests[1]!.Str("user").Should().Be("root");
        requests[1]!.Num("status").Should().Be(401);

        var since = (long)requests[0]!.Num("sequence");
        var later = (await _host.GetJsonAsync($"/api/v1/devices/cam/requests?since={since}")).Get("requests")!.AsArray();
        later.Should().ContainSingle().Which!.Str("method").Should().Be("POST");
    }

    [Fact]
    public async Task A_refused_request_says_why_in_the_journal_and_an_accepted_one_says_nothing()
    {
        await _host.CreateAsync("cam", powerOn: true);
        var camera = _host.Device("cam");
        camera.RecordHttp("GET", "/axis-cgi/param.cgi", null, 401, 0.5, RequestRefusal.StaleNonce);
        camera.RecordHttp("GET", "/axis-cgi/param.cgi", "root", 200, 0.5);

        var requests = (await _host.GetJsonAsync("/api/v1/devices/cam/requests")).Get("requests")!.AsArray();
        requests[0]!.Str("refusal").Should().Be("stale-nonce");
        requests[1]!.Has("refusal").Should().BeFalse();
        var timeline = (await _host.GetJsonAsync("/api/v1/devices/cam/timeline?kind=http")).Get("entries")!.AsArray();
        timeline[0]!.Str("data.refusal").Should().Be("stale-nonce");
        timeline[0]!.Str("message").Should().Be("GET /axis-cgi/param.cgi → 401", "the message is what it was; the reason is data");
    }

    [Theory]
    [InlineData("/api/v1/devices/cam/timeline?since=abc", "since must be a sequence number")]
    [InlineData("/api/v1/devices/cam/timeline?since=-1", "since must be a sequence number")]
    [InlineData("/api/v1/devices/cam/timeline?kind=led,smell", "kind 'smell' is not a timeline kind; allowed: power, button, led, phase, http, fault, config, boot, network")]
    [InlineData("/api/v1/devices/cam/requests?since=1.5", "since must be a sequence number")]
    public async Task Bad_query_parameters_are_400(string path, string message)
    {
        await _host.CreateAsync("cam");
        using var response = await _host.Client.GetAsync(path);
        (await ControlApiHost.ExpectProblemAsync(response, 400)).Str("detail").Should().Contain(message);
    }

    [Theory]
    [InlineData("/api/v1/devices/ghost/timeline")]
    [InlineData("/api/v1/devices/ghost/requests")]
    public async Task The_timeline_of_an_unknown_device_is_404(string path)
    {
        using var response = await _host.Client.GetAsync(path);
        await ControlApiHost.ExpectProblemAsync(response, 404);
    }
}
