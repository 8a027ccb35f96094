using System.Text.Json;
using AxisEmulator.Core.Devices;
using AxisEmulator.Lab;
using AxisEmulator.Vapix.Onvif.Discovery;

namespace AxisEmulator.Tests.Lab;

/// <summary>
/// WS-Discovery on 239.255.255.250:3702 in the lab, asked by real tools in the client namespace: a
/// Python socket probe, nmap's broadcast-wsdd-discover, npm onvif's Discovery.probe and onvif-util
/// (Debian onvif-tools). Every powered camera answers with XAddrs on its own address and the Axis
/// scopes; Hello after boot, Bye on an orderly restart, nothing while it is off.
/// </summary>
public class LabWsDiscoveryTests
{
    private const string Pool = "192.168.0.100-192.168.0.199";
    private const string Group = "239.255.255.250";

    [Fact]
    public async Task A_Python_probe_to_the_group_gets_a_ProbeMatch_from_every_powered_camera_with_its_own_XAddrs_and_a_Resolve_its_XAddrs()
    {
        await using var lab = LabHarness.Start(dhcpPool: Pool);
        var cameras = new[] { lab.AddCamera(), lab.AddCamera("P3245-LVE") };
        await LeasedAsync(lab, cameras);

        var (messageId, answers) = await ProbeAsync(lab, cameras.Length);

        answers.Should().HaveCount(cameras.Length);
        foreach (var camera in cameras)
        {
            var match = answers.Should().ContainSingle(a => a.From == camera.Addressing.IpAddress).Subject;
            match.Action.Should().Be("ProbeMatches");
            match.RelatesTo.Should().Be(messageId);
            match.Endpoint.Should().Be(DiscoverableDevice.EndpointOf(camera.Serial));
            match.XAddrs[0].Should().Be($"http://{camera.Addressing.IpAddress}/onvif/device_service");
            match.XAddrs.Should().Contain($"http://{camera.Addressing.LinkLocalAddress}/onvif/device_service");
            match.Scopes.Should().Contain($"onvif://www.onvif.org/hardware/{camera.Profile.Model}")
                .And.Contain($"onvif://www.onvif.org/name/AXIS%20{camera.Profile.Model}")
                .And.Contain("onvif://www.onvif.org/Profile/Streaming");
        }

        // A unicast probe to a camera's own 3702 (what a tool does to re-check one camera) is answered too.
        var direct = await lab.InClientAsync(["python3", .. WsDiscoveryProbe.Arguments(cameras[0].Addressing.IpAddress!, 3702, 1, TimeSpan.FromSeconds(5))]);
        WsDiscoveryProbe.Read(direct.Output).Answers.Should().ContainSingle().Which.Endpoint.Should().Be(DiscoverableDevice.EndpointOf(cameras[0].Serial));
        lab.Devices.Endpoints!.WsDiscoveryPortOf(cameras[0].Id).Should().Be(3702, "the device state reports the port it answers on");

        var resolve = await lab.InClientAsync(["python3", .. WsDiscoveryProbe.Arguments(Group, 3702, 1, TimeSpan.FromSeconds(5), DiscoverableDevice.EndpointOf(cameras[1].Serial))]);
        var resolved = WsDiscoveryProbe.Read(resolve.Output).Answers.Should().ContainSingle().Subject;
        resolved.Action.Should().Be("ResolveMatches");
        resolved.From.Should().Be(cameras[1].Addressing.IpAddress);
        resolved.XAddrs[0].Should().Be($"http://{cameras[1].Addressing.IpAddress}/onvif/device_service");

        cameras[1].PowerOff();
        await lab.AdvanceAsync(TimeSpan.FromSeconds(1));
        var (_, whileOff) = await ProbeAsync(lab, cameras.Length, TimeSpan.FromSeconds(2));
        whileOff.Select(a => a.From).Should().Equal([cameras[0].Addressing.IpAddress], "a camera without power answers nothing");
        lab.Devices.Endpoints!.WsDiscoveryPortOf(cameras[1].Id).Should().BeNull();
    }

    [Fact]
    public async Task Nmap_broadcast_wsdd_discover_lists_every_camera_as_an_ONVIF_device_and_no_WCF_service()
    {
        await using var lab = LabHarness.Start(dhcpPool: Pool);
        var cameras = new[] { lab.AddCamera(), lab.AddCamera() };
        await LeasedAsync(lab, cameras);

        var nmap = await lab.InClientAsync("nmap", "-n", "-e", "eth0", "--script", "broadcast-wsdd-discover", "--script-args", "broadcast-wsdd-discover.timeout=3s");

        nmap.Output.Should().Contain("broadcast-wsdd-discover:", nmap.ToString()).And.Contain("Devices").And.NotContain("WCF Services");
        foreach (var camera in cameras)
        {
            nmap.Output.Should().Contain($"Address: http://{camera.Addressing.IpAddress}/onvif/device_service");
        }

        nmap.Output.Should().Contain("Type: tds:Device dn:NetworkVideoTransmitter");
    }

    [Fact]
    public async Task Npm_onvif_Discovery_probe_finds_every_camera_with_its_XAddrs_and_scopes()
    {
        await using var lab = LabHarness.Start(dhcpPool: Pool);
        var cameras = new[] { lab.AddCamera(), lab.AddCamera("P3245-LVE") };
        await LeasedAsync(lab, cameras);
        await NodePeers.RunScriptAsync("versions.js", []); // installs the packages, outside the lab

        var probe = await lab.InClientAsync(NodePeers.Node, Path.Combine(NodePeers.Directory, "onvif-discovery.js"), "3000");

        probe.ExitCode.Should().Be(0, probe.ToString());
        using var json = JsonDocument.Parse(probe.Output);
        json.RootElement.GetProperty("errors").GetArrayLength().Should().Be(0, probe.Output);
        var found = json.RootElement.GetProperty("found").EnumerateArray().ToList();
        found.Should().HaveCount(cameras.Length, probe.Output);
        foreach (var camera in cameras)
        {
            var match = found.Should().ContainSingle(f => f.GetProperty("from").GetString() == camera.Addressing.IpAddress).Subject;
            match.GetProperty("urn").GetString().Should().Be(DiscoverableDevice.EndpointOf(camera.Serial));
            match.GetProperty("xaddrs").GetString().Should().StartWith($"http://{camera.Addressing.IpAddress}/onvif/device_service");
            match.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).Should().Contain($"onvif://www.onvif.org/hardware/{camera.Profile.Model}");
        }
    }

    [Fact]
    public async Task Onvif_util_finds_every_camera_by_WS_Discovery_named_from_its_scopes_and_reads_one_found_by_its_address()
    {
        await using var lab = LabHarness.Start(dhcpPool: Pool);
        var cameras = new[] { lab.AddCamera(), lab.AddCamera("P3245-LVE") };
        await LeasedAsync(lab, cameras);

        var all = await lab.InClientAsync("timeout", "30", "onvif-util", "-a");

        all.Output.Should().Contain($"Found {cameras.Length} cameras", all.ToString());
        foreach (var camera in cameras)
        {
            // onvif-util names a camera by its host name (GetHostname) and its name and hardware scopes.
            all.Output.Should().Contain($"{camera.Addressing.IpAddress} axis-{camera.Serial.ToLowerInvariant()}(AXIS {camera.Profile.Model})");
        }

        // Logging in to one by address starts with the same discovery: the camera must answer it. Its
        // UsernameToken carries the client's clock, so the camera's is set first, as an installer does.
        var address = cameras[1].Addressing.IpAddress!;
        await CurlAsync(lab, $"http://{address}/axis-cgi/pwdgrp.cgi?action=add&user=root&pwd=pass&grp=root&sgrp=admin:operator:viewer:ptz");
        var setTime = await lab.InClientAsync("sh", "-c", $"curl -s -f -m 5 --digest -u root:pass -d \"{{\\\"apiVersion\\\":\\\"1.1\\\",\\\"method\\\":\\\"setDateTime\\\",\\\"params\\\":{{\\\"dateTime\\\":\\\"$(date -u +%FT%TZ)\\\"}}}}\" http://{address}/axis-cgi/time.cgi");
        setTime.ExitCode.Should().Be(0, setTime.ToString());
        // libonvif seeds its nonces with the second (srand(time(NULL)) per token), so its calls within one
        // second repeat a nonce, which the camera's replay protection (on by default) refuses.
        await CurlAsync(lab, "--digest", "-u", "root:pass", $"http://{address}/axis-cgi/param.cgi?action=update&WebService.UsernameToken.ReplayAttackProtection=no");
        var read = await lab.InClientAsync("sh", "-c", $"printf 'quit\\n' | timeout 30 onvif-util -u root -p pass {address}");
        read.Output.Should().Contain($"found host: {address}", read.ToString()).And.Contain("successfully connected to host")
            .And.Contain($"name:   AXIS {cameras[1].Profile.Model}").And.Contain($"serial: {cameras[1].Serial}").And.NotContain("ERROR");
    }

    [Fact]
    public async Task A_restart_says_Bye_then_Hello_with_its_XAddrs_and_a_power_cut_says_nothing()
    {
        await using var lab = LabHarness.Start(dhcpPool: Pool);
        var camera = lab.AddCamera();
        await LeasedAsync(lab, [camera]);
        var address = camera.Addressing.IpAddress;

        var listening = await ListenAsync(lab, "Bye,Hello", TimeSpan.FromSeconds(30));
        var bootId = camera.BootId;
        camera.Restart().Should().BeTrue();
        await lab.AdvanceAsync(TimeSpan.FromSeconds(1));
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
        var heard = WsDiscoveryProbe.Read((await listening).Output).Answers.ToList();

        var bye = heard.Should().ContainSingle(a => a.Action == "Bye").Subject;
        bye.Endpoint.Should().Be(DiscoverableDevice.EndpointOf(camera.Serial));
        bye.From.Should().Be(address);
        var hello = heard.Last(a => a.Action == "Hello");
        heard.IndexOf(hello).Should().BeGreaterThan(heard.IndexOf(bye));
        hello.Endpoint.Should().Be(bye.Endpoint);
        string[] own = [$"http://{camera.Addressing.IpAddress}/onvif/device_service", $"http://{camera.Addressing.LinkLocalAddress}/onvif/device_service"];
        hello.XAddrs.Should().NotBeEmpty().And.OnlyContain(x => own.Contains(x), "a Hello names the addresses the camera holds as it comes up");
        hello.Scopes.Should().Contain($"onvif://www.onvif.org/hardware/{camera.Profile.Model}");
        camera.BootId.Should().NotBe(bootId);

        var cut = await ListenAsync(lab, "Bye", TimeSpan.FromSeconds(3));
        camera.PowerOff();
        await lab.AdvanceAsync(TimeSpan.FromSeconds(5));
        WsDiscoveryProbe.Read((await cut).Output).Answers.Should().BeEmpty("a camera losing its power says no Bye");
    }

    [Fact]
    public async Task A_camera_with_Discoverable_no_stays_silent()
    {
        await using var lab = LabHarness.Start(dhcpPool: Pool);
        var cameras = new[] { lab.AddCamera(), lab.AddCamera() };
        await LeasedAsync(lab, cameras);
        var hidden = cameras[1].Addressing.IpAddress!;
        await CurlAsync(lab, $"http://{hidden}/axis-cgi/pwdgrp.cgi?action=add&user=root&pwd=secret&grp=root&sgrp=admin:operator:viewer:ptz");

        var update = await CurlAsync(lab, "--digest", "-u", "root:secret", $"http://{hidden}/axis-cgi/param.cgi?action=update&WebService.DiscoveryMode.Discoverable=no");

        update.Output.Trim().Should().Be("OK");
        var (_, answers) = await ProbeAsync(lab, cameras.Length, TimeSpan.FromSeconds(2));
        answers.Select(a => a.From).Should().Equal(cameras[0].Addressing.IpAddress);
    }

    /// <summary>Boots the cameras and waits until each holds its DHCP lease on eth0.</summary>
    private static async Task LeasedAsync(LabHarness lab, IReadOnlyList<Device> cameras)
    {
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
        foreach (var camera in cameras)
        {
            await lab.Devices.Lab!.FirstLeaseAsync(camera.Id).WaitAsync(TimeSpan.FromSeconds(30));
        }

        await lab.AdvanceAsync(TimeSpan.FromSeconds(1));
    }

    private static async Task<(string MessageId, IReadOnlyList<DiscoveryAnswer> Answers)> ProbeAsync(LabHarness lab, int count, TimeSpan? wait = null)
    {
        var probe = await lab.InClientAsync(["python3", .. WsDiscoveryProbe.Arguments(Group, 3702, count, wait ?? TimeSpan.FromSeconds(5))]);
        probe.ExitCode.Should().Be(0, probe.ToString());
        return WsDiscoveryProbe.Read(probe.Output);
    }

    /// <summary>Starts a listener on the group in the client namespace and returns once it has joined (the kernel lists the membership).</summary>
    private static async Task<Task<PeerResult>> ListenAsync(LabHarness lab, string actions, TimeSpan wait)
    {
        var listening = lab.InClientAsync(["python3", .. WsDiscoveryProbe.ListenArguments(actions, wait, LabSegment.ClientAddress)]);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if ((await lab.InClientAsync("ip", "maddress", "show", "dev", "eth0")).Output.Contains(Group, StringComparison.Ordinal))
            {
                return listening;
            }
        }

        throw new TimeoutException("the listener did not join " + Group + ": " + (listening.IsCompleted ? (await listening).ToString() : "still running"));
    }

    private static async Task<PeerResult> CurlAsync(LabHarness lab, params string[] args)
    {
        var result = await lab.InClientAsync(["curl", "-s", "-f", "-m", "5", .. args]);
        result.ExitCode.Should().Be(0, result.ToString());
        return result;
    }
}
