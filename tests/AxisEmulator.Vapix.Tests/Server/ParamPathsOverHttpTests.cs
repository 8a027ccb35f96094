using System.Xml;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Vapix.Parameters;

namespace AxisEmulator.Vapix.Tests.Server;

/// <summary>param.cgi's role directories, listdefinitions, the streamprofile template and Network.BootProto's documented values.</summary>
public class ParamPathsOverHttpTests
{
    [Fact]
    public async Task The_viewer_directory_lists_but_refuses_changes_and_the_operator_directory_changes()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        ServerHarness.AddUser(camera, "watcher", "Good morning", UserRole.Viewer);
        using var viewer = h.Client(camera, "watcher", "Good morning");
        using var admin = h.Client(camera);

        (await viewer.GetStringAsync("/axis-cgi/view/param.cgi?action=list&group=Brand.ProdNbr")).Should().Be("Brand.ProdNbr=P3245-LVE\n");
        (await admin.GetStringAsync("/axis-cgi/view/param.cgi?action=update&StatusLed.Usage=off"))
            .Should().Be("# Request failed: Action 'update' is not allowed for viewers\n");
        (await viewer.GetAsync("/axis-cgi/operator/param.cgi?action=list&group=Brand")).StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        (await admin.GetStringAsync("/axis-cgi/operator/param.cgi?action=update&StatusLed.Usage=off")).Should().Be("OK");
        camera.ReadConfig(c => c.Parameters["StatusLed.Usage"]).Should().Be("off", "the view directory changed nothing, the operator one did");
    }

    [Fact]
    public async Task A_streamprofile_template_add_creates_its_members_and_survives_a_restart()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("Q1656-LE");
        using var client = h.Client(camera);

        (await client.GetStringAsync("/axis-cgi/param.cgi?action=add&template=streamprofile&group=StreamProfile&StreamProfile.S.Name=night"))
            .Should().Be("S0 OK");
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=add&template=nosuch&group=StreamProfile&StreamProfile.S.Name=x"))
            .Should().StartWith("# Request failed: ");
        await Restart(h, camera, client);

        (await client.GetStringAsync("/axis-cgi/param.cgi?action=list&group=StreamProfile"))
            .Should().Be("StreamProfile.MaxGroups=26\nStreamProfile.S0.Description=\nStreamProfile.S0.Name=night\nStreamProfile.S0.Parameters=\n");
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=remove&group=StreamProfile.S0")).Should().Be("OK");
        await Restart(h, camera, client);
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=list&group=StreamProfile")).Should().Be("StreamProfile.MaxGroups=26\n");
    }

    [Fact]
    public async Task Boot_proto_takes_only_dhcp_or_none_and_reads_back_none_for_a_static_address()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);

        (await client.GetStringAsync("/axis-cgi/param.cgi?action=update&Network.BootProto=static"))
            .Should().Be("# Error: Error setting 'Network.BootProto' to 'static'!\n");
        camera.ReadConfig(c => c.Network.BootProto).Should().Be(BootProtocol.Dhcp, "a refused value never reaches the stored config");
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=update&Network.BootProto=none&Network.IPAddress=192.168.0.77")).Should().Be("OK");
        await Restart(h, camera, client);

        (await client.GetStringAsync("/axis-cgi/param.cgi?action=list&group=Network.BootProto")).Should().Be("Network.BootProto=none\n");
    }

    [Fact]
    public async Task Listdefinitions_is_the_documented_xml_read_by_XmlReader()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("M3085-V");
        using var client = h.Client(camera);

        using var response = await client.GetAsync("/axis-cgi/param.cgi?action=listdefinitions&listformat=xmlschema&group=root.Network.BootProto,Image.I0.Appearance.Compression");
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/xml");
        var document = new XmlDocument();
        using (var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync()))
        {
            document.Load(reader);
        }

        var names = new XmlNamespaceManager(document.NameTable);
        names.AddNamespace("p", ParameterDefinitions.Namespace);
        document.DocumentElement!.LocalName.Should().Be("parameterDefinitions");
        document.SelectSingleNode("/p:parameterDefinitions/p:model", names)!.InnerText.Should().Be("AXIS M3085-V");
        var boot = document.SelectSingleNode("//p:group[@name='root']/p:group[@name='Network']/p:parameter[@name='BootProto']", names)!;
        boot.Attributes!["value"]!.Value.Should().Be("dhcp");
        boot.SelectNodes("p:type/p:enum/p:entry/@value", names)!.Cast<XmlNode>().Select(n => n.Value).Should().Equal("dhcp", "none");
        var compression = document.SelectSingleNode("//p:group[@name='Image']/p:group[@name='I0']/p:group[@name='Appearance']/p:parameter[@name='Compression']", names)!;
        compression.Attributes!["securityLevel"]!.Value.Should().Be("4414", "Image.I<n> has the documented dynamic-group syntax, and operators change image settings");
        compression.SelectSingleNode("p:type/p:int", names).Should().NotBeNull();
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=listdefinitions&group=No.Such"))
            .Should().Be("# Error: Error -1 getting param in group 'No.Such'\n");
    }

    private static async Task Restart(ServerHarness h, Device camera, HttpClient client)
    {
        (await client.GetAsync("/axis-cgi/restart.cgi")).EnsureSuccessStatusCode();
        await h.AfterResponseAsync(camera);
        await h.RunUntilIdleAsync(camera);
    }
}
