using System.Net;
using System.Xml.Linq;
using AxisEmulator.Core.Devices;
using AxisEmulator.Vapix.Tests.Server;

namespace AxisEmulator.Vapix.Tests.Upnp;

/// <summary>
/// <c>/rootdesc1.xml</c>, the UPnP description SSDP's LOCATION points at, compared field by field
/// with the captured M1014 one (vapix-facts §10.2) and read the way axis-discovery-ssdp reads it
/// (<c>root.device[0]</c>: friendlyName, modelName, modelNumber, serialNumber, presentationURL).
/// </summary>
public class RootDescriptionTests
{
    private static readonly XNamespace Device = "urn:schemas-upnp-org:device-1-0";

    [Fact]
    public async Task It_names_the_camera_by_model_and_serial_without_credentials()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("P3245-LVE");
        using var client = new HttpClient { BaseAddress = h.Endpoint(camera) };

        using var response = await client.GetAsync("/rootdesc1.xml");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/xml");
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        root.Name.Should().Be(Device + "root");
        root.Element(Device + "specVersion")!.Element(Device + "major")!.Value.Should().Be("1");
        var device = root.Element(Device + "device")!;
        string Field(string name) => device.Element(Device + name)!.Value;
        Field("deviceType").Should().Be("urn:schemas-upnp-org:device:Basic:1");
        Field("friendlyName").Should().Be($"AXIS P3245-LVE - {camera.Serial}", "Network.UPnP.FriendlyName, as param.cgi lists it");
        Field("manufacturer").Should().Be("AXIS");
        Field("modelName").Should().Be("AXIS P3245-LVE");
        Field("modelNumber").Should().Be("P3245-LVE");
        Field("modelDescription").Should().Be(camera.Profile.ProductFullName);
        Field("serialNumber").Should().Be(camera.Serial);
        Field("UDN").Should().Be("uuid:Upnp-BasicDevice-1_0-" + camera.Serial);
        device.Descendants(Device + "serviceType").Select(e => e.Value).Should().Equal("urn:axis-com:service:BasicService:1");
        var endpoint = h.Endpoint(camera);
        Field("presentationURL").Should().Be($"http://127.0.0.1:{endpoint.Port}/", "where the client reached the camera (port 80 of its address in the lab)");
        root.Element(Device + "URLBase")!.Value.Should().Be(Field("presentationURL"));
    }

    [Fact]
    public async Task The_friendly_name_follows_its_parameter()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("P3245-LVE");
        ServerHarness.SetParameter(camera, "Network.UPnP.FriendlyName", "Loading dock <east> & west");
        using var client = new HttpClient { BaseAddress = h.Endpoint(camera) };

        var body = await client.GetStringAsync("/rootdesc1.xml");

        XDocument.Parse(body).Descendants(Device + "friendlyName").Single().Value.Should().Be("Loading dock <east> & west");
    }

    [Fact]
    public async Task It_is_not_found_where_UPnP_is_off_by_parameter_or_by_the_captured_tree()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("P3245-LVE");
        var speaker = await h.ReadyDeviceAsync("D4200-VE");
        using var client = new HttpClient { BaseAddress = h.Endpoint(camera) };
        using var speakerClient = new HttpClient { BaseAddress = h.Endpoint(speaker) };

        (await speakerClient.GetAsync("/rootdesc1.xml")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the D4200-VE's tree has Network.UPnP.Enabled=no");
        ServerHarness.SetParameter(camera, "Network.UPnP.Enabled", "no");
        (await client.GetAsync("/rootdesc1.xml")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        ServerHarness.SetParameter(camera, "Network.UPnP.Enabled", "yes");
        (await client.GetAsync("/rootdesc1.xml")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task It_answers_503_until_the_camera_is_ready_like_every_route_but_systemready()
    {
        await using var h = new ServerHarness();
        var camera = h.Add("P3245-LVE");
        camera.PowerOn(ServerHarness.SourceFor(camera.Profile));
        await h.AdvanceUntilAsync(camera, DevicePhase.NetworkUp);
        using var client = new HttpClient { BaseAddress = h.Endpoint(camera) };

        (await client.GetAsync("/rootdesc1.xml")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);

        await h.AdvanceUntilAsync(camera, DevicePhase.Ready);
        (await client.GetAsync("/rootdesc1.xml")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PostAsync("/rootdesc1.xml", null)).StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
    }
}
