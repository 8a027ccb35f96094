using System.Text.Json.Nodes;
using AxisEmulator.Vapix.Data;
using AxisEmulator.Vapix.Json;
using AxisEmulator.Vapix.Parameters;
using AxisEmulator.Vapix.ServedApis;
using AxisEmulator.Vapix.Server;
using AxisEmulator.Vapix.Snapshots;
using AxisEmulator.Vapix.Tests.Server;
using AxisEmulator.Vapix.Tests.Support;

namespace AxisEmulator.Vapix.Tests.ServedApis;

/// <summary>One rule for getApiList and Properties.API: listed or advertised only if a route serves it.</summary>
public class HonestyRuleTests
{
    private static readonly VapixDataCatalog Data = VapixDataCatalog.InHardwareProfiles(ServerHarness.HardwareProfilesDirectory);

    [Fact]
    public void Every_id_of_every_captured_list_is_mapped_to_its_documented_paths()
    {
        var ids = Directory.GetFiles(Data.Directory, "apis-*.json", SearchOption.AllDirectories)
            .SelectMany(file => JsonNode.Parse(File.ReadAllText(file))!.AsArray().Select(e => (string)e!["id"]!))
            .ToHashSet();

        ids.Should().HaveCountGreaterThan(70);
        ServedApiTable.ById.Keys.Should().Contain(ids, "a captured id without a mapping would be withdrawn silently");
        ServedApiTable.ById.Values.Should().OnlyContain(api => api.Paths.Count > 0 && api.Paths.All(p => p.StartsWith('/')));
    }

    [Fact]
    public void Served_means_routed()
    {
        var served = ServedApiTable.ById.Values.Where(api => ServedApiTable.IsServed(api.Id)).ToList();

        served.Should().OnlyContain(api => api.Paths.Any(VapixRoutes.Paths.Contains));
        ServedApiTable.IsServed("io-port-management").Should().BeTrue();
        ServedApiTable.IsServed("stream-profiles").Should().BeTrue();
        ServedApiTable.IsServed("light-control").Should().BeTrue();
        ServedApiTable.IsServed("light-control", TestProfiles.Create("M3066-V")).Should().BeFalse("the model has no light");
        ServedApiTable.IsServed("light-control", TestProfiles.Create("P3245-LVE")).Should().BeTrue("IR illumination");
        ServedApiTable.IsServed("rtsp-over-websocket").Should().BeFalse("not routed");
        ServedApiTable.IsServed("no-such-api").Should().BeFalse();
    }

    [Fact]
    public void The_api_list_keeps_the_captured_entries_of_served_apis_in_their_order_and_drops_the_rest()
    {
        var identity = new VapixIdentity(TestProfiles.Create("M1075-L", "12.9.57"), CapturedDevices.ScrubbedSerial);
        var captured = Data.CapturedApiList("M1075-L", "12.9.57")!;

        var listed = ApiDiscoveryApi.ApiListFor(identity, Data);

        var expected = captured.Where(e => ServedApiTable.IsServed((string)e!["id"]!)).Select(e => e!.ToJsonString());
        listed.Select(e => e!.ToJsonString()).Should().Equal(expected);
        listed.Select(e => (string)e!["id"]!).Should().Contain("io-port-management").And.Contain("light-control").And.Contain("view-area").And.Contain("mqtt-client").And.Contain("event-mqtt-bridge");
        captured.Count.Should().BeGreaterThan(listed.Count);
    }

    [Fact]
    public void Properties_API_advertises_only_served_apis_and_keeps_the_http_interface()
    {
        var tree = new ParameterTreeFactory(Data).Build(new ParameterInputs(
            new VapixIdentity(TestProfiles.Create("P3245-LVE"), CapturedDevices.ScrubbedSerial),
            new NetworkState { CurrentAddress = Ipv4Address.Create("127.0.0.9", 8) }));

        tree.HasGroup("Properties.API.RTSP").Should().BeFalse("no RTSP server");
        tree.HasGroup("Properties.API.WebService").Should().BeTrue("ONVIF is served at /onvif/device_service");
        tree.HasGroup("Properties.API.PTZ").Should().BeFalse();
        tree["Properties.API.HTTP.Version"].Should().Be("3");
        tree["Properties.API.Browser.UserGroup"].Should().Be("yes");
    }
}
