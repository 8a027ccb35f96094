using System.Net;
using AxisEmulator.Vapix.Hosting;
using AxisEmulator.Vapix.Server;
using AxisEmulator.Vapix.Tests.Server;
using Microsoft.AspNetCore.Http;

namespace AxisEmulator.Vapix.Tests.Hosting;

/// <summary>
/// Where device listeners bind: loopback unless a bind address is given explicitly. These tests stay
/// on loopback (nothing here binds 0.0.0.0); a wildcard address is only constructed, never opened.
/// </summary>
public class ListenerBindAddressTests
{
    private static readonly RequestDelegate Nothing = _ => Task.CompletedTask;

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.168.0.90")]
    [InlineData("::")]
    public void By_default_a_non_loopback_address_is_refused(string address)
    {
        var create = () => new DeviceListener(IPAddress.Parse(address), 0, Nothing, wall: TimeProvider.System);

        create.Should().Throw<ArgumentException>()
            .WithMessage($"Device listeners bind loopback only; {IPAddress.Parse(address)} is not a loopback address.*");
    }

    [Theory]
    [InlineData("0.0.0.0", "http://127.0.0.1:8081/")]
    [InlineData("::", "http://[::1]:8081/")]
    [InlineData("192.168.0.90", "http://192.168.0.90:8081/")]
    public void An_explicit_address_is_accepted_and_a_wildcard_is_reported_as_loopback(string address, string endpoint)
    {
        var listener = new DeviceListener(IPAddress.Parse(address), 8081, Nothing, allowNonLoopback: true, wall: TimeProvider.System);

        listener.Address.Should().Be(IPAddress.Parse(address));
        listener.Endpoint.Should().Be(new Uri(endpoint));
        listener.IsOpen.Should().BeFalse();
    }

    [Fact]
    public async Task An_explicit_loopback_bind_address_serves_vapix_end_to_end()
    {
        await using var h = new ServerHarness();
        await using var bound = new DeviceListenerSet(
            h.Emulator,
            camera => VapixServer.For(camera, h.Services),
            new ListenerLayout { BasePort = 0, BindAddress = IPAddress.Loopback });
        var camera = await h.ReadyDeviceAsync();
        await bound.SettledAsync(camera.Id);

        bound.IsOpen(camera.Id).Should().BeTrue();
        var endpoint = bound.EndpointOf(camera.Id);
        endpoint.Should().NotBeNull();
        endpoint!.Host.Should().Be("127.0.0.1");
        endpoint.Should().NotBe(h.Endpoint(camera), "the explicit layout opens its own listener");

        using var client = new HttpClient(new HttpClientHandler { UseProxy = false }) { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.PostAsync(new Uri("/axis-cgi/systemready.cgi", UriKind.Relative), ServerHarness.Json("""{"apiVersion":"1","method":"systemready"}"""));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"systemready\": \"yes\"");
    }
}
