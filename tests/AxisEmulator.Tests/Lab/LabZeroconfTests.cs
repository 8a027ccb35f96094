using System.Text.Json;
using AxisEmulator.Lab;

namespace AxisEmulator.Tests.Lab;

/// <summary>The cameras' DNS-SD as python-zeroconf (Debian python3-zeroconf) sees it: ServiceBrowser, then get_service_info, in the client namespace.</summary>
public class LabZeroconfTests
{
    // Browses for a few seconds, then resolves each instance found: one JSON line per instance.
    private const string Browse = """
        import json, sys, time
        from zeroconf import Zeroconf, ServiceBrowser, IPVersion
        kind = sys.argv[2]
        zc = Zeroconf(interfaces=[sys.argv[1]], ip_version=IPVersion.V4Only)
        names = set()
        class Listener:
            def add_service(self, zc, type_, name): names.add(name)
            def update_service(self, zc, type_, name): names.add(name)
            def remove_service(self, zc, type_, name): names.discard(name)
        ServiceBrowser(zc, kind, Listener())
        time.sleep(3)
        for name in sorted(names):
            info = zc.get_service_info(kind, name, timeout=3000)
            if info is None:
                print(json.dumps({"name": name}))
                continue
            print(json.dumps({"name": name, "server": info.server, "port": info.port,
                              "addresses": sorted(info.parsed_addresses()),
                              "properties": {k.decode(): (v.decode() if v is not None else None) for k, v in info.properties.items()}}))
        zc.close()
        """;

    [Fact]
    public async Task Python_zeroconf_resolves_each_powered_camera_with_all_its_addresses_and_its_macaddress()
    {
        await using var lab = LabHarness.Start();
        var first = lab.AddCamera();
        var second = lab.AddCamera("P3245-LVE");
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));

        var found = await BrowseAsync(lab, "_axis-video._tcp.local.");

        foreach (var camera in new[] { first, second })
        {
            var instance = $"AXIS {camera.Profile.Model} - {camera.Serial}._axis-video._tcp.local.";
            found.Should().ContainKey(instance);
            var service = found[instance];
            service.GetProperty("server").GetString().Should().Be($"axis-{camera.Serial.ToLowerInvariant()}.local.");
            service.GetProperty("port").GetInt32().Should().Be(80);
            service.GetProperty("properties").GetProperty("macaddress").GetString().Should().Be(camera.Serial);
            // The fallback and the link-local address both, as a unit with ZeroConf on announces them (vapix-facts §10.1).
            service.GetProperty("addresses").EnumerateArray().Select(a => a.GetString()).Should()
                .BeEquivalentTo([camera.Network.IpAddress, camera.Network.LinkLocalAddress]);
        }

        second.PowerOff();
        await lab.AdvanceAsync(TimeSpan.FromSeconds(1));
        (await BrowseAsync(lab, "_axis-video._tcp.local.")).Keys.Should().ContainSingle().Which.Should().Contain(first.Serial);
    }

    internal static async Task<Dictionary<string, JsonElement>> BrowseAsync(LabHarness lab, string type)
    {
        var result = await lab.InClientAsync("/usr/bin/python3", "-c", Browse, LabSegment.ClientAddress, type);
        result.ExitCode.Should().Be(0, result.ToString());
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e);
    }
}
