using AxisEmulator.Vapix.Tests.Server;

namespace AxisEmulator.Vapix.Tests.Applications;

public class ApplicationsCgiTests
{
    [Fact]
    public async Task A_fresh_device_lists_no_applications_and_knows_none()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);

        using var list = await client.GetAsync("/axis-cgi/applications/list.cgi");
        list.Content.Headers.ContentType!.MediaType.Should().Be("text/xml");
        var xml = System.Xml.Linq.XDocument.Parse(await list.Content.ReadAsStringAsync());
        xml.Root!.Name.LocalName.Should().Be("reply");
        xml.Root.Attribute("result")!.Value.Should().Be("ok");
        xml.Root.Elements().Should().BeEmpty();

        var config = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync("/axis-cgi/applications/config.cgi?action=get&name=vmd"));
        config.Root!.Attribute("result")!.Value.Should().Be("error");
        config.Root.Element("error")!.Attribute("message")!.Value.Should().Be("No such application");
        (await client.GetStringAsync("/axis-cgi/applications/config.cgi?action=get")).Should().Contain("Missing parameter: name");
    }
}
