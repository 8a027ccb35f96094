using System.Text;
using AxisEmulator.Client;
using AxisEmulator.Client.Assertions;
using AxisEmulator.Client.Testing;

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

        // Its VAPIX listener opens on loopback (socket work trails the simulated event by a moment).
        var endpoint = await ListenerEndpointAsync(camera);
        using var http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(10) };
        using var body = new StringContent("""{"apiVersion":"1.0","method":"systemready"}""", Encoding.UTF8, "application/json");
        using var answer = await http.PostAsync("axis-cgi/systemready.cgi", body);
        answer.IsSuccessStatusCode.Should().BeTrue();
        (await answer.Content.ReadAsStringAsync()).Should().Contain("\"systemready\": \"yes\"").And.Contain("\"needsetup\": \"yes\"");

        // The device journals the request just after answering it.
        (await camera.WaitForRequestAsync(r => r.Path == "/axis-cgi/systemready.cgi")).Status.Should().Be(200);
    }

    /// <summary>Polls the device state (at most 50 times, 100 ms apart) until its real listener is open.</summary>
    private static async Task<Uri> ListenerEndpointAsync(EmulatedDevice camera)
    {
        DeviceState? state = null;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            state = await camera.GetStateAsync();
            if (state.Network is { ListenerOpen: true, Endpoint: { } endpoint })
            {
                return new Uri(endpoint);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException($"The listener of {camera.Id} did not open: {state?.Describe()}, endpoint {state?.Network.Endpoint ?? "none"}.");
    }
}
