using System.Net;
using System.Text;
using AxisEmulator.Contracts;
using AxisEmulator.Testing;

namespace AxisEmulator.Client.Tests;

/// <summary>The fixtures' options: a token, devices at start, real device listeners, finding the executable.</summary>
public class FixtureTests
{
    [Fact]
    public async Task A_fixture_with_a_token_needs_it_and_its_client_sends_it()
    {
        await using var emulator = await InProcessEmulatorFixture.StartAsync(new InProcessEmulatorOptions { BearerToken = "t0ken" });

        (await emulator.Client.GetDevicesAsync()).Should().BeEmpty();

        using var anonymous = new AxisEmulatorClient(emulator.Client.HttpClient);
        var error = (await ((Func<Task>)(() => anonymous.GetDevicesAsync())).Should().ThrowAsync<AxisEmulatorApiException>()).Which;
        error.Status.Should().Be(HttpStatusCode.Unauthorized);
        error.Detail.Should().Contain("Authorization: Bearer");
        (await anonymous.GetHealthAsync()).IsHealthy.Should().BeTrue("/healthz needs no token");
    }

    [Fact]
    public async Task Devices_in_the_options_exist_when_the_fixture_starts()
    {
        await using var emulator = await InProcessEmulatorFixture.StartAsync(new InProcessEmulatorOptions
        {
            Seed = 3,
            Devices = [new CreateDeviceRequest { Id = "a" }, new CreateDeviceRequest { Id = "b", Profile = "M1075-L", Power = new PowerRequest(true) }],
        });

        (await emulator.Client.GetDevicesAsync()).Select(d => d.Id).Should().Equal("a", "b");
        (await emulator.Client.GetClockAsync()).Seed.Should().Be(3);
        emulator.SimulatedDevice("b").Profile.Id.Should().Be("M1075-L");
        emulator.Emulator.Devices.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_fixture_that_has_not_started_says_so()
    {
        var fixture = new InProcessEmulatorFixture();

        ((Func<object>)(() => fixture.Client)).Should().Throw<InvalidOperationException>().WithMessage("InProcessEmulatorFixture has not started*");
        await fixture.DisposeAsync();
    }

    [Fact]
    public async Task With_device_listeners_the_camera_answers_VAPIX_on_loopback()
    {
        await using var emulator = await InProcessEmulatorFixture.StartAsync(new InProcessEmulatorOptions { DeviceListeners = true });
        var camera = await emulator.AddDeviceAsync(id: "vapix", powerOn: true);
        (await emulator.DeviceEndpointAsync(camera.Id)).Should().BeNull("the network is not up yet");

        await camera.Should().ReachPhase(DevicePhase.Ready, within: TimeSpan.FromMinutes(2));
        var endpoint = await emulator.DeviceEndpointAsync(camera.Id);

        endpoint!.Host.Should().Be("127.0.0.1");
        using var http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(10) };
        using var body = new StringContent("""{"apiVersion":"1.0","method":"systemready"}""", Encoding.UTF8, "application/json");
        using var answer = await http.PostAsync("axis-cgi/systemready.cgi", body);
        (await answer.Content.ReadAsStringAsync()).Should().Contain("\"systemready\": \"yes\"");
        var state = await camera.GetStateAsync();
        state.Network.ListenerOpen.Should().BeTrue();
        state.Network.Endpoint.Should().Be(endpoint.ToString());
        var journaled = await camera.WaitForRequestAsync(r => r.Path == "/axis-cgi/systemready.cgi");
        journaled.Method.Should().Be("POST");
        journaled.Status.Should().Be(200);

        await camera.PowerOffAsync();
        (await emulator.DeviceEndpointAsync(camera.Id)).Should().BeNull("the listener closes with the power");
        var refused = () => http.GetAsync("axis-cgi/systemready.cgi");
        await refused.Should().ThrowAsync<HttpRequestException>();
    }

    [Fact]
    public async Task Without_device_listeners_asking_for_an_endpoint_explains_the_option()
    {
        await using var emulator = await InProcessEmulatorFixture.StartAsync();

        var act = () => emulator.DeviceEndpointAsync("cam-1");

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*DeviceListeners = true*");
    }

    [Fact]
    public void The_host_assembly_is_found_in_its_build_output_above_the_test_assembly()
    {
        var found = ProcessEmulatorFixture.LocateAssembly();

        found.Should().NotBeNull().And.EndWith("AxisEmulator.dll");
        File.Exists(Path.ChangeExtension(found!, ".runtimeconfig.json")).Should().BeTrue();
        ProcessEmulatorFixture.LocateAssembly("/no/such/AxisEmulator.dll").Should().BeNull();
    }

    [Fact]
    public void The_process_is_started_with_serve_in_manual_time_and_no_state()
    {
        var fixture = new SeededProcess();

        fixture.Arguments(new Uri("http://127.0.0.1:4567/")).Should().Equal(
            "serve", "--clock", "manual", "--ephemeral", "--control-url", "http://127.0.0.1:4567", "--seed", "9", "--device-base-port", "0", "--devices", "2", "--token", "tok");
    }

    [Fact]
    public async Task A_process_that_exits_at_once_fails_the_start_with_its_output()
    {
        var act = () => ProcessEmulatorFixture.StartAsync(new ProcessEmulatorOptions { ExtraArguments = ["--no-such-option"], StartupAttempts = 100 });

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should()
            .StartWith("The emulator exited with code 2 before its control API answered.")
            .And.Contain("--no-such-option");
    }

    private sealed class SeededProcess() : ProcessEmulatorFixture(new ProcessEmulatorOptions { Seed = 9, Devices = 2, BearerToken = "tok" });
}
