using System.Text;

namespace AxisEmulator.Control.Tests.Api;

public sealed class ListenerEndpointTests
{
    [Fact]
    public async Task A_ready_device_shows_its_real_loopback_endpoint()
    {
        await using var host = await ControlApiHost.StartAsync(withListeners: true);
        await host.CreateAsync("cam", powerOn: true);
        (await host.StateAsync("cam")).Bool("network.listenerOpen").Should().BeFalse();

        await host.AdvanceAsync(100);
        await host.Listeners!.SettledAsync("cam");
        var state = await host.StateAsync("cam");
        state.Bool("network.listenerOpen").Should().BeTrue();
        var endpoint = new Uri(state.Str("network.endpoint"));
        endpoint.Host.Should().Be("127.0.0.1");

        using var http = new HttpClient();
        using var answer = await http.PostAsync(
            new Uri(endpoint, "/axis-cgi/systemready.cgi"),
            new StringContent("""{"apiVersion":"1.0","method":"systemready"}""", Encoding.UTF8, "application/json"));
        ((int)answer.StatusCode).Should().Be(200, "the endpoint is the device's own VAPIX server");
        (await answer.Content.ReadAsStringAsync()).Should().Contain("\"systemready\"");
    }
}
