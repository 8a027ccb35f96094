using AxisEmulator.Core.Devices;
using AxisEmulator.Lab;

namespace AxisEmulator.Tests.Lab;

/// <summary>
/// The lab for real (root, as in CI): namespaces, a bridge, veth pairs, the kernel's ARP and TCP,
/// and real peers (curl, arping, ip) in the client namespace.
/// </summary>
public class NetworkLabTests
{
    private const string SystemReady = """{"apiVersion":"1.0","method":"systemready"}""";

    [Fact]
    public async Task Curl_on_the_segment_reaches_VAPIX_on_port_80_of_the_camera_address_and_times_out_while_it_reboots()
    {
        await using var lab = LabHarness.Start();
        var camera = lab.AddCamera();
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
        camera.Phase.Should().Be(DevicePhase.Ready);

        var up = await lab.InClientAsync("curl", "-s", "-m", "5", "-d", SystemReady, "http://192.168.0.90/axis-cgi/systemready.cgi");
        up.ExitCode.Should().Be(0, up.ToString());
        up.Output.Should().Contain("\"systemready\": \"yes\"");
        lab.Devices.Endpoints!.EndpointOf(camera.Id).Should().Be(new Uri("http://192.168.0.90/"));

        // The kernel learnt the camera's MAC by ARP: its serial.
        var neighbours = await lab.InClientAsync("ip", "neigh", "show", "192.168.0.90");
        neighbours.Output.Should().Contain("lladdr " + LabPort.MacOf(camera.Serial));

        camera.Restart().Should().BeTrue();
        await lab.AdvanceAsync(TimeSpan.FromSeconds(1));
        camera.Phase.Should().NotBe(DevicePhase.Ready);
        var rebooting = await lab.InClientAsync("curl", "-s", "-m", "2", "-d", SystemReady, "http://192.168.0.90/axis-cgi/systemready.cgi");
        rebooting.ExitCode.Should().BeOneOf([28, 7], "while the camera reboots its link is down: a timeout (28) or no route to host (7), never an answer ({0})", rebooting);

        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
        var back = await lab.InClientAsync("curl", "-s", "-m", "5", "-d", SystemReady, "http://192.168.0.90/axis-cgi/systemready.cgi");
        back.ExitCode.Should().Be(0, back.ToString());
    }

    [Fact]
    public async Task The_camera_has_carrier_only_while_its_network_is_up_and_its_cable_is_in()
    {
        await using var lab = LabHarness.Start();
        var camera = lab.AddCamera();
        var ns = lab.Devices.Lab!.NamespaceOf(camera.Id)!;
        await lab.AdvanceAsync(TimeSpan.FromSeconds(5));
        (await LinkOf(ns)).Should().Contain("state DOWN", "the camera is still in its boot loader");
        (await LinkOf(ns)).Should().Contain("link/ether " + LabPort.MacOf(camera.Serial));

        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
        (await LinkOf(ns)).Should().Contain("state UP");
        (await LabHarness.InNamespaceAsync(ns, "ip", "-4", "-o", "address", "show", "dev", "eth0")).Output
            .Should().Contain("inet 192.168.0.90/24").And.Contain("inet " + Core.Network.EmulatedLan.LinkLocalFor(camera.Serial) + "/16");

        camera.SetNetworkLink(false);
        await lab.AdvanceAsync(TimeSpan.FromSeconds(1));
        (await LinkOf(ns)).Should().Contain("state DOWN", "the cable is pulled");
        camera.SetNetworkLink(true);
        await lab.AdvanceAsync(TimeSpan.FromSeconds(1));
        (await LinkOf(ns)).Should().Contain("state UP");

        camera.PowerOff();
        await lab.AdvanceAsync(TimeSpan.FromSeconds(1));
        (await LinkOf(ns)).Should().Contain("state DOWN", "the camera has no power");
    }

    [Fact]
    public async Task Arping_sees_both_MACs_answer_for_192_168_0_90_when_two_cameras_fall_back_to_it()
    {
        await using var lab = LabHarness.Start();
        var first = lab.AddCamera();
        var second = lab.AddCamera();
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));

        // arping (Habets) -d: exit 1 when answers come from two different MACs.
        var arping = await lab.InClientAsync("arping", "-d", "-c", "3", "-i", "eth0", "192.168.0.90");

        arping.ExitCode.Should().Be(1, arping.ToString());
        arping.Output.ToLowerInvariant().Should().Contain(LabPort.MacOf(first.Serial)).And.Contain(LabPort.MacOf(second.Serial));
    }

    [Fact]
    public async Task The_client_namespace_has_an_address_on_the_segment_a_link_local_one_and_no_route_elsewhere()
    {
        await using var lab = LabHarness.Start();

        var addresses = await lab.InClientAsync("ip", "-4", "-o", "address", "show", "dev", "eth0");
        var routes = await lab.InClientAsync("ip", "-4", "route", "show");

        addresses.Output.Should().Contain("inet 192.168.0.250/21").And.Contain("inet 169.254.250.250/16");
        routes.Output.Should().NotContain("default");
        routes.Output.Should().Contain("224.0.0.0/4 dev eth0", "multicast (SSDP, WS-Discovery) goes out on the segment, and only there");
        // Asked for a route (nothing is sent), the kernel has none off the segment (192.168.0.0/21).
        var outside = await lab.InClientAsync("ip", "route", "get", "192.168.8.1");
        outside.ExitCode.Should().NotBe(0);
        outside.Error.Should().Contain("unreachable");
    }

    private static async Task<string> LinkOf(string ns) => (await LabHarness.InNamespaceAsync(ns, "ip", "-o", "link", "show", "dev", "eth0")).Output;
}
