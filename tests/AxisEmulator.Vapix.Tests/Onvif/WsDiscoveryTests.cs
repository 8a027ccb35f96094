using System.Net;
using System.Net.Sockets;
using System.Text;
using AxisEmulator.Vapix.Onvif.Discovery;
using AxisEmulator.Vapix.Tests.Server;

namespace AxisEmulator.Vapix.Tests.Onvif;

/// <summary>Unicast WS-Discovery: a Probe to the device's own UDP port gets a ProbeMatch; the port follows the device's network.</summary>
public sealed class WsDiscoveryTests
{
    [Theory]
    [InlineData("http://www.w3.org/2003/05/soap-envelope", "<d:Types xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\">dn:NetworkVideoTransmitter</d:Types>")]
    [InlineData("http://schemas.xmlsoap.org/soap/envelope/", "")]
    [InlineData("http://www.w3.org/2003/05/soap-envelope", "<d:Types xmlns:x=\"http://www.onvif.org/ver10/device/wsdl\">x:Device</d:Types><d:Scopes>onvif://www.onvif.org/hardware/P3245-LVE</d:Scopes>")]
    public async Task A_probe_gets_a_probe_match_naming_the_device_service(string envelope, string criteria)
    {
        await using var h = new ServerHarness();
        await using var responders = WsDiscoveryResponders.Start(h.Emulator, h.Services, h.Listeners);
        var camera = await h.ReadyDeviceAsync();
        var messageId = "urn:uuid:" + Guid.NewGuid();
        var probe = $"<e:Envelope xmlns:e=\"{envelope}\" xmlns:w=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\">" +
            $"<e:Header><w:MessageID>{messageId}</w:MessageID><w:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</w:To><w:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</w:Action></e:Header>" +
            $"<e:Body><d:Probe>{criteria}</d:Probe></e:Body></e:Envelope>";

        var answer = await ProbeAsync(responders.PortOf(camera.Id)!.Value, probe);

        answer.Should().Contain("ProbeMatches").And.Contain($"<wsa:RelatesTo>{messageId}</wsa:RelatesTo>");
        answer.Should().Contain("tds:Device dn:NetworkVideoTransmitter");
        answer.Should().Contain("onvif://www.onvif.org/hardware/P3245-LVE").And.Contain("onvif://www.onvif.org/name/AXIS%20P3245-LVE");
        answer.Should().Contain($"<d:XAddrs>{new Uri(h.Endpoint(camera), "/onvif/device_service")}</d:XAddrs>");
        answer.Should().Contain(DiscoveryTarget.EndpointOf(camera.Serial));
    }

    [Fact]
    public async Task A_resolve_of_the_devices_endpoint_gets_a_resolve_match_and_one_of_another_endpoint_nothing()
    {
        await using var h = new ServerHarness();
        await using var responders = WsDiscoveryResponders.Start(h.Emulator, h.Services, h.Listeners);
        var camera = await h.ReadyDeviceAsync();
        string Resolve(string address) =>
            "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\">" +
            $"<s:Header><a:MessageID>urn:uuid:1</a:MessageID></s:Header><s:Body><d:Resolve><a:EndpointReference><a:Address>{address}</a:Address></a:EndpointReference></d:Resolve></s:Body></s:Envelope>";
        var port = responders.PortOf(camera.Id)!.Value;

        var answer = await ProbeAsync(port, Resolve(DiscoveryTarget.EndpointOf(camera.Serial)));

        answer.Should().Contain("<d:ResolveMatches>").And.Contain("<wsa:RelatesTo>urn:uuid:1</wsa:RelatesTo>")
            .And.Contain($"<d:XAddrs>{new Uri(h.Endpoint(camera), "/onvif/device_service")}</d:XAddrs>");
        var other = async () => await ProbeAsync(port, Resolve("urn:uuid:00000000-0000-0000-0000-000000000000"), TimeSpan.FromSeconds(1));
        await other.Should().ThrowAsync<OperationCanceledException>("a Resolve of another endpoint is not for this device");
    }

    [Fact]
    public async Task The_port_closes_with_the_network_and_reopens_after_a_restart()
    {
        await using var h = new ServerHarness();
        await using var responders = WsDiscoveryResponders.Start(h.Emulator, h.Services, h.Listeners);
        var camera = await h.ReadyDeviceAsync();
        responders.PortOf(camera.Id).Should().NotBeNull();

        camera.Restart().Should().BeTrue();
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        var whileDown = responders.PortOf(camera.Id);
        await h.AdvanceUntilAsync(camera, Core.Devices.DevicePhase.Ready);

        whileDown.Should().BeNull("the device's network is down while it restarts");
        responders.PortOf(camera.Id).Should().NotBeNull();
    }

    [Theory]
    [InlineData("<d:Types xmlns:t=\"urn:x\">t:PTZ</d:Types>", false)]
    [InlineData("<d:Scopes>onvif://www.onvif.org/location/elsewhere</d:Scopes>", false)]
    [InlineData("<d:Scopes>onvif://www.onvif.org/Profile</d:Scopes>", true)]
    [InlineData("", true)]
    public void Probes_match_by_type_and_scope(string criteria, bool matches)
    {
        var probe = ProbeMessage.Parse(Encoding.UTF8.GetBytes(
            $"<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\"><s:Body><d:Probe>{criteria}</d:Probe></s:Body></s:Envelope>"));

        probe.Should().NotBeNull();
        probe!.Matches(["onvif://www.onvif.org/Profile/Streaming", "onvif://www.onvif.org/location/"]).Should().Be(matches);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<not xml")]
    [InlineData("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><Hello/></s:Body></s:Envelope>")]
    [InlineData("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><Probe xmlns=\"http://docs.oasis-open.org/ws-dd/ns/discovery/2009/01\"/></s:Body></s:Envelope>")]
    public void What_is_no_probe_is_ignored(string datagram) =>
        ProbeMessage.Parse(Encoding.UTF8.GetBytes(datagram)).Should().BeNull();

    private static async Task<string> ProbeAsync(int port, string probe, TimeSpan? wait = null)
    {
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await client.SendAsync(Encoding.UTF8.GetBytes(probe), new IPEndPoint(IPAddress.Loopback, port));
        using var deadline = new CancellationTokenSource(wait ?? TimeSpan.FromSeconds(10));
        var answer = await client.ReceiveAsync(deadline.Token);
        return Encoding.UTF8.GetString(answer.Buffer);
    }
}
