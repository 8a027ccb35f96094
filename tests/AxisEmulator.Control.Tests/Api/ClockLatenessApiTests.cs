using AxisEmulator.Core.Clock;

namespace AxisEmulator.Control.Tests.Api;

public sealed class ClockLatenessApiTests : IAsyncLifetime
{
    private ControlApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ControlApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_scaled_clock_event_is_counted_with_its_lateness()
    {
        (await _host.GetJsonAsync("/api/v1/clock/lateness")).Num("count").Should().Be(0);
        await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/clock", """{"mode":"scaled","scale":1000}""", 200);

        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Emulator.Clock.Schedule(TimeSpan.FromSeconds(2), () => ran.TrySetResult()); // 2 ms of wall time at 1000×
        await ran.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var lateness = await _host.GetJsonAsync("/api/v1/clock/lateness");
        lateness.Str("mode").Should().Be("scaled");
        lateness.Num("count").Should().Be(1);
        lateness.Num("p50Ms").Should().BeGreaterThanOrEqualTo(0).And.BeLessThan(10_000);
        lateness.Num("p99Ms").Should().Be(lateness.Num("p50Ms"), "one event is every percentile");
        lateness.Num("maxMs").Should().BeGreaterThanOrEqualTo(lateness.Num("p99Ms"));
        lateness.Str("since").Should().Be("2026-01-01T00:00:00+00:00");
    }

    [Fact]
    public async Task Delete_starts_a_new_window_and_manual_events_are_not_counted()
    {
        await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/clock", """{"mode":"scaled","scale":1000}""", 200);
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Emulator.Clock.Schedule(TimeSpan.FromSeconds(1), () => ran.TrySetResult());
        await ran.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/clock", """{"mode":"manual"}""", 200);

        using (var reset = await _host.Client.DeleteAsync("/api/v1/clock/lateness"))
        {
            ((int)reset.StatusCode).Should().Be(204);
        }

        await _host.CreateAsync("cam", powerOn: true);
        await _host.SendJsonAsync(HttpMethod.Post, "/api/v1/clock/advance", """{"untilIdle":true,"maxSeconds":600}""", 200);
        var lateness = await _host.GetJsonAsync("/api/v1/clock/lateness");
        lateness.Num("count").Should().Be(0, "manual time runs events exactly when due");
        lateness.Num("p99Ms").Should().Be(0);
        lateness.Str("since").Should().NotBe("2026-01-01T00:00:00+00:00", "the window restarted at the reset");
    }

    [Fact]
    public async Task The_latest_events_of_the_window_are_listed_by_name()
    {
        await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/clock", """{"mode":"scaled","scale":1000}""", 200);
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Emulator.Clock.Schedule(TimeSpan.FromSeconds(1), new EventName("cam-9", "test: one second"), () => ran.TrySetResult());
        await ran.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var latest = (await _host.GetJsonAsync("/api/v1/clock/lateness"))["latest"]!.AsArray();
        latest.Should().ContainSingle();
        latest[0]!.Str("name").Should().Be("cam-9 test: one second");
        DateTimeOffset.Parse(latest[0]!.Str("due"), System.Globalization.CultureInfo.InvariantCulture).Should().BeOnOrAfter(SimulationClock.DefaultEpoch.AddSeconds(1));
        latest[0]!.Num("lateMs").Should().BeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task The_endpoint_is_not_part_of_the_public_contract()
    {
        var document = await _host.Client.GetStringAsync("/openapi/v1.json");
        document.Should().NotContain("/clock/lateness");
    }
}
