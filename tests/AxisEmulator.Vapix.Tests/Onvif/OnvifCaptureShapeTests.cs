using System.Xml.Linq;
using AxisEmulator.Vapix.Onvif;
using AxisEmulator.Vapix.Onvif.Discovery;
using AxisEmulator.Vapix.Tests.Server;
using static AxisEmulator.Vapix.Tests.Onvif.OnvifMessages;

namespace AxisEmulator.Vapix.Tests.Onvif;

/// <summary>Our ONVIF answers against what real Axis units sent (tests/fixtures/onvif, from docs/reference/vapix-facts.md §10.3, §11).</summary>
public sealed class OnvifCaptureShapeTests
{
    [Fact]
    public void A_probe_match_has_the_captured_elements_types_and_scopes()
    {
        var captured = Fixture("axis-m2036-le-probematch.xml");
        var scopes = (IReadOnlyList<string>)[.. OnvifScopes.Fixed("M2036-LE"), .. OnvifScopes.FactoryConfigurable("M2036-LE")];
        var target = new DiscoveryTarget(DiscoveryTarget.EndpointOf("ACCC8E000001"), scopes, ["http://127.0.0.1:8081/onvif/device_service"]);

        var ours = XDocument.Parse(System.Text.Encoding.UTF8.GetString(DiscoveryMessages.ProbeMatches(target, "urn:uuid:1", 1, 1)))
            .Descendants(captured.Name).Single();

        ours.Elements().Select(e => e.Name).Should().Equal(captured.Elements().Select(e => e.Name));
        Value(ours, "Types").Should().Be(Value(captured, "Types"));
        Words(ours, "Scopes").Should().BeEquivalentTo(Words(captured, "Scopes"));
    }

    [Fact]
    public async Task Device_information_has_the_captured_elements_and_value_conventions()
    {
        var captured = Fixture("axis-m5525-e-getdeviceinformation.xml").Elements().Single();
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = new HttpClient { BaseAddress = h.Endpoint(camera) };

        var (status, body, _) = await PostAsync(client, "/onvif/device_service", Envelope(Op("GetDeviceInformation"), Token("root", "pass", camera.SystemTime.UtcNow)));
        var ours = XDocument.Parse(body).Descendants(captured.Name).Single();

        status.Should().Be(200);
        ours.Elements().Select(e => e.Name).Should().Equal(captured.Elements().Select(e => e.Name));
        Value(ours, "Manufacturer").Should().Be(Value(captured, "Manufacturer"));
        Value(ours, "Model").Should().Be("P3245-LVE", "the capture's Model is ProdNbr without \"AXIS \"");
        Value(ours, "SerialNumber").Should().Be(camera.Serial).And.MatchRegex("^[0-9A-F]{12}$", "like the captured ACCC8EBECCEA");
    }

    private static XElement Fixture(string name) =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "onvif", name)).Root!;

    private static string Value(XElement parent, string localName) => parent.Elements().Single(e => e.Name.LocalName == localName).Value.Trim();

    private static string[] Words(XElement parent, string localName) =>
        Value(parent, localName).Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
