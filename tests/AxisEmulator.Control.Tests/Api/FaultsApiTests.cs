namespace AxisEmulator.Control.Tests.Api;

public sealed class FaultsApiTests : IAsyncLifetime
{
    private ControlApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ControlApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_mushy_button_shows_its_parameters_and_drops_out_while_held()
    {
        await _host.CreateAsync("cam");
        var state = await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/cam/faults", """{"button":{"condition":"mushy","dropoutsPerSecond":0.5,"dropoutMs":120}}""", 200);
        state.Str("button.condition").Should().Be("mushy");
        state.Num("button.dropoutsPerSecond").Should().Be(0.5);
        state.Num("button.dropoutMs").Should().Be(120);

        await _host.SendJsonAsync(HttpMethod.Post, "/api/v1/devices/cam/button", """{"action":"hold","seconds":60}""", 202);
        await _host.AdvanceAsync(61);
        var buttonEvents = (await _host.GetJsonAsync("/api/v1/devices/cam/timeline?kind=button")).Get("entries")!.AsArray();
        buttonEvents.Select(e => e!.Str("event")).Should().Contain("dropout");
    }

    [Fact]
    public async Task Mushy_parameters_default_when_left_out_and_healthy_clears_them()
    {
        await _host.CreateAsync("cam");
        var mushy = await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/cam/faults", """{"button":{"condition":"mushy"}}""", 200);
        mushy.Num("button.dropoutsPerSecond").Should().Be(0.5);
        mushy.Num("button.dropoutMs").Should().Be(120);

        var healthy = await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/cam/faults", """{"button":{"condition":"healthy"}}""", 200);
        healthy.Str("button.condition").Should().Be("healthy");
        healthy.Has("button.dropoutsPerSecond").Should().BeFalse();
    }

    [Fact]
    public async Task A_bricked_unit_shows_no_light_and_never_listens_until_repaired()
    {
        await _host.CreateAsync("cam", powerOn: true);
        await _host.AdvanceAsync(100);
        var bricked = await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/cam/faults", """{"bricked":true}""", 200);
        bricked.Bool("bricked").Should().BeTrue();
        bricked.Str("phase").Should().Be("bricked");
        bricked.Str("leds.status.pattern").Should().Be("off");
        bricked.Bool("network.listening").Should().BeFalse();

        var repaired = await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/cam/faults", """{"bricked":false}""", 200);
        repaired.Bool("bricked").Should().BeFalse();
        await _host.AdvanceAsync(100);
        (await _host.StateAsync("cam")).Str("phase").Should().Be("ready");
    }

    [Fact]
    public async Task A_lost_network_link_closes_the_listener_and_alternates_the_status_led()
    {
        await _host.CreateAsync("cam", powerOn: true);
        await _host.AdvanceAsync(100);
        var down = await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/cam/faults", """{"networkLink":false}""", 200);
        down.Bool("network.linkUp").Should().BeFalse();
        down.Bool("network.listening").Should().BeFalse();
        down.Str("leds.status.pattern").Should().Be("alternating");
        down.Str("leds.status.color").Should().Be("amber");
        down.Str("leds.status.alternateColor").Should().Be("red");
        down.Num("leds.status.hz").Should().Be(2);

        var up = await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/cam/faults", """{"networkLink":true}""", 200);
        up.Bool("network.listening").Should().BeTrue();
        up.Has("leds.status.alternateColor").Should().BeFalse();
    }

    [Fact]
    public async Task Every_part_at_once()
    {
        await _host.CreateAsync("cam");
        var state = await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/cam/faults", """{"button":{"condition":"stuck"},"bricked":true,"networkLink":false}""", 200);
        state.Str("button.condition").Should().Be("stuck");
        state.Bool("bricked").Should().BeTrue();
        state.Bool("network.linkUp").Should().BeFalse();
    }

    [Theory]
    [InlineData("""{}""", "Give at least one of button, bricked, networkLink")]
    [InlineData("""{"button":{}}""", "$.button.condition is required: one of healthy, mushy, stuck, broken")]
    [InlineData("""{"button":{"condition":"sticky"}}""", "$.button.condition must be one of: healthy, mushy, stuck, broken")]
    [InlineData("""{"button":{"condition":"mushy","dropoutsPerSecond":0}}""", "$.button.dropoutsPerSecond must be greater than 0 and at most 100")]
    [InlineData("""{"button":{"condition":"mushy","dropoutsPerSecond":500}}""", "$.button.dropoutsPerSecond must be greater than 0 and at most 100")]
    [InlineData("""{"button":{"condition":"mushy","dropoutMs":-5}}""", "$.button.dropoutMs must be greater than 0 and at most 60000")]
    [InlineData("""{"button":{"condition":"stuck","dropoutMs":100}}""", "apply only to condition mushy (got stuck)")]
    [InlineData("""{"bricked":"yes"}""", "$.bricked must be true or false")]
    [InlineData("""{"networkLink":1}""", "$.networkLink must be true or false")]
    [InlineData("""{"bricked":true,"button":{"condition":"mushy","dropoutMs":0}}""", "$.button.dropoutMs must be greater than 0")]
    [InlineData("""{"power":false}""", "unknown property 'power'; allowed: button, bricked, networkLink")]
    public async Task Invalid_faults_are_400_and_change_nothing(string body, string message)
    {
        await _host.CreateAsync("cam");
        var problem = await _host.ExpectProblemAsync(HttpMethod.Put, "/api/v1/devices/cam/faults", body, 400);
        problem.Str("detail").Should().Contain(message);
        var state = await _host.StateAsync("cam");
        state.Bool("bricked").Should().BeFalse();
        state.Str("button.condition").Should().Be("healthy");
    }

    [Fact]
    public async Task Faults_of_an_unknown_device_are_404()
    {
        await _host.ExpectProblemAsync(HttpMethod.Put, "/api/v1/devices/ghost/faults", """{"bricked":true}""", 404);
    }
}
