using System.Text;
using AxisEmulator.Client;
using AxisEmulator.Contracts;
using AxisEmulator.Testing;

namespace AxisEmulator.Client.Tests.Examples;

/// <summary>
/// Example to copy: the real emulator executable as a child process (<c>AxisEmulator serve --clock
/// manual --ephemeral</c> on a free loopback port), driven over HTTP exactly as a tool under test, or
/// a CI job against a container, would drive it. The fixture finds AxisEmulator.dll in the host
/// project's build output; this test project builds the host through a ProjectReference with
/// ReferenceOutputAssembly="false".
/// </summary>
public class ProcessEmulatorExample(ProcessEmulatorFixture emulator) : IClassFixture<ProcessEmulatorFixture>
{
    [Fact]
    public async Task The_served_camera_boots_in_manual_time_and_answers_VAPIX_on_its_own_port()
    {
        var client = emulator.Client;
        (await client.GetHealthAsync()).IsHealthy.Should().BeTrue();
        (await client.GetClockAsync()).Mode.Should().Be(ClockMode.Manual);

        // serve starts cam-1 on PoE; in manual time it waits in its boot loader until the test moves the clock.
        var camera = client.Device("cam-1");
        var ready = await camera.Should().ReachPhase(DevicePhase.Ready, within: TimeSpan.FromMinutes(2));
        ready.Which.Should().HaveStatusLed(LedColor.Green, LedPattern.Steady).And.BeInSetupMode().And.BeListening();

        // Its VAPIX listener is open on loopback: the control API answers only once the sockets agree with the devices.
        var network = (await camera.GetStateAsync()).Network;
        network.ListenerOpen.Should().BeTrue();
        var endpoint = new Uri(network.Endpoint!);
        using var http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(10) };
        using var body = new StringContent("""{"apiVersion":"1.0","method":"systemready"}""", Encoding.UTF8, "application/json");
        using var answer = await http.PostAsync("axis-cgi/systemready.cgi", body);
        answer.IsSuccessStatusCode.Should().BeTrue();
        (await answer.Content.ReadAsStringAsync()).Should().Contain("\"systemready\": \"yes\"").And.Contain("\"needsetup\": \"yes\"");

        // The device journals the request just after answering it.
        (await camera.WaitForRequestAsync(r => r.Path == "/axis-cgi/systemready.cgi")).Status.Should().Be(200);
    }
}
