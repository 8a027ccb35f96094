using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AxisEmulator.Core.Devices;
using AxisEmulator.Lab.Ssdp;
using Microsoft.Extensions.Time.Testing;

namespace AxisEmulator.Tests.Lab;

/// <summary>
/// The camera's SSDP responder and its UPnP description, found from the client namespace by real
/// peers: a plain Python socket M-SEARCH, libgssdp 1.6 (python3-gi), miniupnpc's upnpc and curl;
/// NOTIFYs caught by a Python listener joined to the group.
/// </summary>
public class LabSsdpTests
{
    private const string Pool = "192.168.0.100-192.168.0.199";
    private const string Python = "/usr/bin/python3";
    private const string ServiceType = "urn:axis-com:service:BasicService:1";

    [Fact]
    public async Task A_plain_M_SEARCH_gets_every_powered_camera_within_MX_at_its_LOCATION_whose_document_names_it_and_none_from_one_powered_off()
    {
        await using var lab = LabHarness.Start(dhcpPool: Pool);
        var (first, second) = await TwoCamerasOnLeasesAsync(lab, "P3245-LVE");

        var answers = await SearchAsync(lab, Search("ssdp:all"), listenSeconds: 3);

        foreach (var camera in new[] { first, second })
        {
            var udn = "uuid:Upnp-BasicDevice-1_0-" + camera.Serial;
            var own = answers.Where(a => a.Header("USN").StartsWith(udn, StringComparison.Ordinal)).ToList();
            own.Select(a => a.Header("ST")).Should().BeEquivalentTo(["upnp:rootdevice", udn, "urn:schemas-upnp-org:device:Basic:1", ServiceType]);
            own.Select(a => a.Header("USN")).Should().BeEquivalentTo([udn + "::upnp:rootdevice", udn, udn + "::urn:schemas-upnp-org:device:Basic:1", udn + "::" + ServiceType]);
            var location = $"http://{camera.Addressing.IpAddress}:80/rootdesc1.xml";
            own.Should().OnlyContain(a => a.Status == "HTTP/1.1 200 OK" && a.From == camera.Addressing.IpAddress && a.Header("LOCATION") == location);
            own.Should().OnlyContain(a => a.After < 1.5, "MX 1: every answer within a second (and some network slack)");
            own.Should().OnlyContain(a => a.Header("CACHE-CONTROL") == "max-age=1800" && a.Header("SERVER").Contains("UPnP/1.0", StringComparison.Ordinal));

            var document = await lab.InClientAsync("curl", "-s", "-m", "5", "--fail", location);
            document.ExitCode.Should().Be(0, document.ToString());
            var device = XDocument.Parse(document.Output).Root!.Elements().Single(e => e.Name.LocalName == "device");
            string Field(string name) => device.Elements().Single(e => e.Name.LocalName == name).Value;
            Field("serialNumber").Should().Be(camera.Serial);
            Field("modelName").Should().Be("AXIS " + camera.Profile.Model);
            Field("modelNumber").Should().Be(camera.Profile.Model);
            Field("manufacturer").Should().Be("AXIS");
            Field("UDN").Should().Be(udn);
            Field("presentationURL").Should().Be($"http://{camera.Addressing.IpAddress}:80/");
        }

        second.PowerOff();
        await lab.AdvanceAsync(TimeSpan.FromSeconds(1));
        var afterwards = await SearchAsync(lab, Search("ssdp:all"), listenSeconds: 2);
        afterwards.Should().NotContain(a => a.Header("USN").Contains(second.Serial, StringComparison.Ordinal), "a camera without power answers nothing");
        afterwards.Should().Contain(a => a.Header("USN").Contains(first.Serial, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Libgssdp_and_upnpc_find_every_camera()
    {
        await using var lab = LabHarness.Start(dhcpPool: Pool);
        var (first, second) = await TwoCamerasOnLeasesAsync(lab, "M1075-L");

        var gssdp = await lab.InClientAsync(Python, "-c", GssdpBrowser, "eth0", ServiceType, "1", "3");
        gssdp.ExitCode.Should().Be(0, gssdp.ToString());
        foreach (var camera in new[] { first, second })
        {
            gssdp.Output.Should().MatchRegex(
                $@"available uuid:Upnp-BasicDevice-1_0-{camera.Serial}::{ServiceType} http://({camera.Addressing.IpAddress}|{camera.Network.LinkLocalAddress}):80/rootdesc1\.xml",
                gssdp.ToString());
        }

        // No -m: the client namespace's multicast route takes the search to the segment.
        var upnpc = await lab.InClientAsync("upnpc", "-l");
        foreach (var camera in new[] { first, second })
        {
            upnpc.Output.Should().Contain($"desc: http://{camera.Addressing.IpAddress}:80/rootdesc1.xml", upnpc.ToString());
        }
    }

    [Fact]
    public async Task A_search_to_the_group_without_MX_is_dropped_one_to_the_camera_is_answered_at_once_and_garbage_changes_nothing()
    {
        await using var lab = LabHarness.Start();
        var camera = lab.AddCamera();
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
        camera.Phase.Should().Be(DevicePhase.Ready);

        (await SearchAsync(lab, Search("ssdp:all", mx: null), listenSeconds: 1.5)).Should().BeEmpty("libupnp drops a multicast search without MX (UDA 1.1 makes it required)");

        var garbage = await lab.InClientAsync(Python, "-c", "import socket,os\ns=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\nfor n in range(200): s.sendto(os.urandom(n*7), ('239.255.255.250',1900))\ns.sendto(b'M-SEARCH * HTTP/1.1\\r\\nMX: x\\r\\n\\r\\n', ('239.255.255.250',1900))");
        garbage.ExitCode.Should().Be(0, garbage.ToString());

        var unicast = await SearchAsync(lab, Search(ServiceType, man: "ssdp:discover", mx: null), listenSeconds: 1.5, to: "192.168.0.90");
        unicast.Should().ContainSingle().Which.Header("USN").Should().Be($"uuid:Upnp-BasicDevice-1_0-{camera.Serial}::{ServiceType}");
        unicast[0].After.Should().BeLessThan(0.5, "a unicast search has no MX to wait within");

        var loose = await SearchAsync(lab, "M-SEARCH * HTTP/1.1\nhost: 239.255.255.250:1900\nst: upnp:rootdevice\nman: ssdp:discover\nmx: 1\n\n", listenSeconds: 2);
        loose.Should().ContainSingle("lower-case headers, bare LFs and MAN without quotes are read").Which.Header("LOCATION").Should().Be("http://192.168.0.90:80/rootdesc1.xml");
    }

    [Fact]
    public async Task An_orderly_restart_says_byebye_for_every_type_and_alive_again_after_boot_and_a_power_cut_says_nothing_until_alive()
    {
        await using var lab = LabHarness.Start();
        var camera = lab.AddCamera();
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
        camera.Phase.Should().Be(DevicePhase.Ready);
        var udn = "uuid:Upnp-BasicDevice-1_0-" + camera.Serial;

        List<SsdpMessage> restart;
        await using (var listener = await NotifyListener.StartAsync(lab))
        {
            camera.Restart().Should().BeTrue();
            await lab.AdvanceAsync(TimeSpan.FromSeconds(1));
            await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
            camera.Phase.Should().Be(DevicePhase.Ready);
            restart = await listener.WaitForAsync(udn, 8);
        }

        var byebyes = restart.TakeWhile(n => n.Header("NTS") == "ssdp:byebye").ToList();
        byebyes.Select(n => n.Header("USN")).Should().BeEquivalentTo([udn + "::upnp:rootdevice", udn, udn + "::urn:schemas-upnp-org:device:Basic:1", udn + "::" + ServiceType], restart.Count + " notifies");
        var alive = restart.Skip(byebyes.Count).ToList();
        alive.Should().OnlyContain(n => n.Header("NTS") == "ssdp:alive" && n.Header("LOCATION") == "http://192.168.0.90:80/rootdesc1.xml" && n.Header("HOST") == "239.255.255.250:1900");
        alive.Select(n => n.Header("NT")).Distinct().Should().HaveCount(4, "each type announced after boot");
        alive.Select(n => n.Header("01-NLS")).Distinct().Should().ContainSingle().Which.Should().NotBe(byebyes[0].Header("01-NLS"), "a new boot, a new boot id");

        List<SsdpMessage> powerCut;
        await using (var listener = await NotifyListener.StartAsync(lab))
        {
            camera.PowerOff();
            await lab.AdvanceAsync(TimeSpan.FromSeconds(5));
            camera.PowerOn(Core.Power.DefaultPowerSource.For(camera.Profile));
            await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
            powerCut = await listener.WaitForAsync(udn, 4);
        }

        powerCut.Should().HaveCount(4).And.OnlyContain(n => n.Header("NTS") == "ssdp:alive", "nothing is said when the power goes, alive once it is back");
    }

    [Fact]
    public async Task The_alive_announcements_come_again_every_half_max_age_of_wall_time_and_stop_with_the_responder()
    {
        await using var lab = LabHarness.Start();
        var camera = lab.AddCamera();
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
        var wall = new FakeTimeProvider(DateTimeOffset.UtcNow);
        const string Udn = "uuid:Upnp-BasicDevice-1_0-ACCC8E270AD8";
        await using var listener = await NotifyListener.StartAsync(lab);

        // A second responder in the camera's namespace (beside its own), on a wall clock the test moves.
        var responder = new SsdpResponder(lab.Devices.Lab!.NamespaceOf(camera.Id)!, "eth0", new SsdpDevice(Udn), "boot", TimeProvider.System, wall);
        responder.Publish([IPAddress.Parse("192.168.0.90")]);
        (await listener.WaitForAsync(Udn, 4)).Should().HaveCount(4, "one alive per type when it gets an address");

        wall.Advance(SsdpMessages.MaxAge / 2 - TimeSpan.FromSeconds(1));
        await Task.Delay(300); // real datagrams on the bridge
        listener.Of(Udn).Should().HaveCount(4, "not yet half the max-age");
        wall.Advance(TimeSpan.FromSeconds(1));
        (await listener.WaitForAsync(Udn, 8)).Skip(4).Should().OnlyContain(n => n.Header("NTS") == "ssdp:alive" && n.Header("CACHE-CONTROL") == "max-age=1800");

        await responder.DisposeAsync();
        wall.Advance(SsdpMessages.MaxAge);
        await Task.Delay(300);
        listener.Of(Udn).Should().HaveCount(8, "a disposed responder is silent");
    }

    [Fact]
    public async Task With_Network_UPnP_Enabled_set_to_no_the_camera_answers_no_search_and_says_no_byebye_and_a_device_without_video_is_off_by_default()
    {
        await using var lab = LabHarness.Start(dhcpPool: Pool);
        var (camera, _) = await TwoCamerasOnLeasesAsync(lab, "D4200-VE");
        var udn = "uuid:Upnp-BasicDevice-1_0-" + camera.Serial;
        (await SearchAsync(lab, Search("upnp:rootdevice"), listenSeconds: 2)).Should().ContainSingle("the D4200-VE's captured tree has UPnP off")
            .Which.Header("USN").Should().Be(udn + "::upnp:rootdevice");

        camera.UpdateConfig(c => (c with { Parameters = new Dictionary<string, string>(c.Parameters) { [UpnpSetting.Parameter] = "no" } }, 0));
        (await SearchAsync(lab, Search("ssdp:all"), listenSeconds: 2)).Should().BeEmpty();
        await using (var listener = await NotifyListener.StartAsync(lab))
        {
            camera.Restart().Should().BeTrue();
            await lab.AdvanceAsync(TimeSpan.FromSeconds(1));
            await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
            await Task.Delay(500); // real datagrams on the bridge
            listener.Of(udn).Should().BeEmpty("UPnP off: no byebye, no alive");
        }
    }

    /// <summary>An M-SEARCH as UDA 1.1 writes it; <paramref name="mx"/> null leaves MX out.</summary>
    private static string Search(string target, string man = "\"ssdp:discover\"", string? mx = "1") =>
        $"M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: {man}\r\n{(mx is null ? "" : $"MX: {mx}\r\n")}ST: {target}\r\n\r\n";

    /// <summary>A P3265-LVE and a <paramref name="profile"/>, ready on their leases (their SSDP LOCATION is the leased address from then on).</summary>
    private static async Task<(Device First, Device Second)> TwoCamerasOnLeasesAsync(LabHarness lab, string profile)
    {
        Device[] cameras = [lab.AddCamera(), lab.AddCamera(profile)];
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
        foreach (var camera in cameras)
        {
            var lease = await lab.Devices.Lab!.FirstLeaseAsync(camera.Id).WaitAsync(TimeSpan.FromSeconds(30));
            await lab.AdvanceAsync(TimeSpan.FromSeconds(1));
            camera.Addressing.IpAddress.Should().Be(lease.Address.ToString());
            camera.Phase.Should().Be(DevicePhase.Ready);
        }

        return (cameras[0], cameras[1]);
    }

    private static async Task<List<SsdpMessage>> SearchAsync(LabHarness lab, string request, double listenSeconds, string to = "239.255.255.250")
    {
        var result = await lab.InClientAsync(Python, "-c", Searcher, request, to, listenSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        result.ExitCode.Should().Be(0, result.ToString());
        return [.. result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonSerializer.Deserialize<SsdpMessage>(line)!)];
    }

    /// <summary>The Python listener, its NOTIFYs read as they come.</summary>
    private sealed class NotifyListener : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<SsdpMessage> _caught = new();
        private readonly Task _reading;

        private NotifyListener(Process process)
        {
            _process = process;
            _reading = Task.Run(async () =>
            {
                while (await process.StandardOutput.ReadLineAsync() is { } line)
                {
                    _caught.Enqueue(JsonSerializer.Deserialize<SsdpMessage>(line)!);
                }
            });
        }

        public static async Task<NotifyListener> StartAsync(LabHarness lab)
        {
            var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
            foreach (var arg in (string[])["netns", "exec", lab.Names.Client, Python, "-c", Listener])
            {
                start.ArgumentList.Add(arg);
            }

            var process = Process.Start(start)!;
            (await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20))).Should().Be("listening");
            return new NotifyListener(process);
        }

        public List<SsdpMessage> Of(string udn) => [.. _caught.Where(n => n.Header("USN").StartsWith(udn, StringComparison.Ordinal))];

        /// <summary>The NOTIFYs of <paramref name="udn"/> once there are <paramref name="count"/> (real datagrams: a bounded wait).</summary>
        public async Task<List<SsdpMessage>> WaitForAsync(string udn, int count)
        {
            for (var tries = 0; tries < 100 && Of(udn).Count < count; tries++)
            {
                await Task.Delay(50);
            }

            return Of(udn);
        }

        public async ValueTask DisposeAsync()
        {
            await _process.StandardInput.WriteLineAsync("stop");
            _process.StandardInput.Close();
            await _reading.WaitAsync(TimeSpan.FromSeconds(20));
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            _process.Dispose();
        }
    }

    /// <summary>argv: request, destination, seconds to listen. One JSON line per answer.</summary>
    private const string Searcher = """
        import json, socket, sys, time
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind(("192.168.0.250", 0))
        s.sendto(sys.argv[1].encode("latin-1"), (sys.argv[2], 1900))
        start = time.monotonic()
        end = start + float(sys.argv[3])
        while (left := end - time.monotonic()) > 0:
            s.settimeout(left)
            try:
                data, peer = s.recvfrom(9000)
            except socket.timeout:
                break
            lines = data.decode("latin-1").split("\r\n")
            headers = {k.strip().upper(): v.strip() for k, _, v in (l.partition(":") for l in lines[1:] if ":" in l)}
            print(json.dumps({"From": peer[0], "After": time.monotonic() - start, "Status": lines[0], "Headers": headers}), flush=True)
        """;

    /// <summary>Joined to 239.255.255.250 on eth0; prints each NOTIFY as a JSON line until "stop" comes on stdin.</summary>
    private const string Listener = """
        import json, select, socket, struct, sys, time
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("", 1900))
        s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, struct.pack("4s4s", socket.inet_aton("239.255.255.250"), socket.inet_aton("192.168.0.250")))
        print("listening", flush=True)
        start = time.monotonic()
        while True:
            ready, _, _ = select.select([s, sys.stdin], [], [], 120)
            if not ready or sys.stdin in ready:
                break
            data, peer = s.recvfrom(9000)
            lines = data.decode("latin-1").split("\r\n")
            if not lines[0].startswith("NOTIFY"):
                continue
            headers = {k.strip().upper(): v.strip() for k, _, v in (l.partition(":") for l in lines[1:] if ":" in l)}
            print(json.dumps({"From": peer[0], "After": time.monotonic() - start, "Status": lines[0], "Headers": headers}), flush=True)
        """;

    /// <summary>libgssdp's resource browser; argv: interface, target, MX, seconds. Prints "available USN LOCATION…".</summary>
    private const string GssdpBrowser = """
        import sys, gi
        gi.require_version("GSSDP", "1.6")
        from gi.repository import GSSDP, GLib
        client = GSSDP.Client.new_full(sys.argv[1], None, 0, GSSDP.UDAVersion.VERSION_1_0)
        browser = GSSDP.ResourceBrowser.new(client, sys.argv[2])
        browser.set_mx(int(sys.argv[3]))
        browser.connect("resource-available", lambda b, usn, locations: print("available", usn, " ".join(locations), flush=True))
        browser.set_active(True)
        loop = GLib.MainLoop()
        GLib.timeout_add(int(float(sys.argv[4]) * 1000), loop.quit)
        loop.run()
        """;

    private sealed record SsdpMessage(string From, double After, string Status, Dictionary<string, string> Headers)
    {
        public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
    }
}
