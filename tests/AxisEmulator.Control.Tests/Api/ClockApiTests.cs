namespace AxisEmulator.Control.Tests.Api;

public sealed class ClockApiTests : IAsyncLifetime
{
    private ControlApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ControlApiHost.StartAsync(seed: 42);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_clock_shows_mode_seed_and_simulated_now()
    {
        var clock = await _host.GetJsonAsync("/api/v1/clock");
        clock.Str("mode").Should().Be("manual");
        clock.Num("scale").Should().Be(0);
        clock.Num("seed").Should().Be(42);
        clock.Str("now").Should().Be("2026-01-01T00:00:00+00:00");
        clock.Num("elapsedSeconds").Should().Be(0);
        clock.Num("pendingEvents").Should().Be(0);
        clock.Has("nextEventDue").Should().BeFalse();
    }

    [Fact]
    public async Task Advance_moves_manual_time_and_runs_due_events()
    {
        await _host.CreateAsync("cam", powerOn: true);
        var result = await _host.AdvanceAsync(20);
        result.Num("advancedSeconds").Should().Be(20);
        result.Num("eventsRun").Should().BeGreaterThan(0);
        result.Bool("idle").Should().BeFalse("the boot is still going");
        result.Str("clock.now").Should().Be("2026-01-01T00:00:20+00:00");
        result.Num("clock.elapsedSeconds").Should().Be(20);
        result.Num("clock.pendingEvents").Should().BeGreaterThan(0);
        result.Has("clock.nextEventDue").Should().BeTrue();
    }

    [Fact]
    public async Task Advance_until_idle_runs_the_boot_to_the_end()
    {
        await _host.CreateAsync("cam", powerOn: true);
        var result = await _host.SendJsonAsync(HttpMethod.Post, "/api/v1/clock/advance", """{"untilIdle":true,"maxSeconds":600}""", 200);
        result.Bool("idle").Should().BeTrue();
        result.Num("clock.pendingEvents").Should().Be(0);
        (await _host.StateAsync("cam")).Str("phase").Should().Be("ready");
    }

    [Fact]
    public async Task Advance_until_idle_stops_at_the_bound_in_a_boot_loop()
    {
        await _host.CreateAsync("far", "Q1656-LE");
        await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/far/power", """{"on":true,"source":{"kind":"poe","standard":"802.3at","pseClass":4,"cableMeters":250,"cableCategory":"cat3","pseVolts":50}}""", 200);
        var result = await _host.SendJsonAsync(HttpMethod.Post, "/api/v1/clock/advance", """{"untilIdle":true}""", 200);
        result.Bool("idle").Should().BeFalse();
        result.Num("advancedSeconds").Should().BeLessThanOrEqualTo(3600);
    }

    [Fact]
    public async Task Put_switches_modes_and_advance_is_409_outside_manual()
    {
        var scaled = await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/clock", """{"mode":"scaled","scale":10}""", 200);
        scaled.Str("mode").Should().Be("scaled");
        scaled.Num("scale").Should().Be(10);

        var problem = await _host.ExpectProblemAsync(HttpMethod.Post, "/api/v1/clock/advance", """{"seconds":5}""", 409);
        problem.Str("detail").Should().Contain("scaled mode").And.Contain("only manual time can be advanced").And.Contain("\"mode\":\"manual\"");

        var realtime = await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/clock", """{"mode":"realtime"}""", 200);
        realtime.Str("mode").Should().Be("realtime");
        realtime.Num("scale").Should().Be(1);

        var manual = await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/clock", """{"mode":"manual"}""", 200);
        manual.Str("mode").Should().Be("manual");
        await _host.AdvanceAsync(1);
    }

    [Theory]
    [InlineData("""{}""", "$.mode is required: one of realtime, scaled, manual")]
    [InlineData("""{"mode":"fast"}""", "$.mode must be one of: realtime, scaled, manual")]
    [InlineData("""{"mode":"scaled"}""", "$.scale is required for mode scaled")]
    [InlineData("""{"mode":"scaled","scale":0}""", "$.scale must be greater than 0 and at most 1000000")]
    [InlineData("""{"mode":"scaled","scale":2000000}""", "$.scale must be greater than 0 and at most 1000000")]
    [InlineData("""{"mode":"manual","scale":3}""", "$.scale applies only to mode scaled")]
    [InlineData("""{"mode":2}""", "$.mode must be one of: realtime, scaled, manual")]
    public async Task Invalid_clock_settings_are_400(string body, string message)
    {
        var problem = await _host.ExpectProblemAsync(HttpMethod.Put, "/api/v1/clock", body, 400);
        problem.Str("detail").Should().Contain(message);
        (await _host.GetJsonAsync("/api/v1/clock")).Str("mode").Should().Be("manual");
    }

    [Theory]
    [InlineData("""{}""", "Give seconds or untilIdle: true")]
    [InlineData("""{"seconds":-5}""", "$.seconds must be 0 or more and at most 604800 (a week); time only moves forward (got -5)")]
    [InlineData("""{"seconds":1e9}""", "$.seconds must be 0 or more and at most 604800")]
    [InlineData("""{"seconds":5,"untilIdle":true}""", "Give either seconds or untilIdle, not both")]
    [InlineData("""{"seconds":5,"maxSeconds":10}""", "$.maxSeconds applies only with untilIdle: true")]
    [InlineData("""{"untilIdle":true,"maxSeconds":0}""", "$.maxSeconds must be greater than 0")]
    [InlineData("""{"untilIdle":false}""", "Give seconds or untilIdle: true")]
    [InlineData("""{"seconds":"ten"}""", "$.seconds must be a number")]
    [InlineData("", "needs a JSON body")]
    public async Task Invalid_advances_are_400(string body, string message)
    {
        var problem = await _host.ExpectProblemAsync(HttpMethod.Post, "/api/v1/clock/advance", body, 400);
        problem.Str("detail").Should().Contain(message);
        (await _host.GetJsonAsync("/api/v1/clock")).Num("elapsedSeconds").Should().Be(0);
    }
}
