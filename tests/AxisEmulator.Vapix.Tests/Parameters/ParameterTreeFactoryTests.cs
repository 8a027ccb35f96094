using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Data;
using AxisEmulator.Vapix.Parameters;
using AxisEmulator.Vapix.Snapshots;
using AxisEmulator.Vapix.Tests.Support;

namespace AxisEmulator.Vapix.Tests.Parameters;

public class ParameterTreeFactoryTests
{
    private const string Serial = "B8A44F631339";

    private static readonly ParameterTreeFactory Factory = new(new VapixDataCatalog(RepositoryPaths.VapixData));

    private static readonly NetworkState Network = new()
    {
        CurrentAddress = Ipv4Address.Create("10.0.0.48", 24),
        CurrentDefaultRouter = "10.0.0.1",
        LinkLocalAddress = Ipv4Address.Create("169.254.3.4", 16),
        NameServers = ["10.0.0.1"],
    };

    private static ParameterTree Build(HardwareProfile profile, IReadOnlyDictionary<string, string?>? overrides = null) =>
        Factory.Build(new ParameterInputs(new VapixIdentity(profile, Serial), Network) { Overrides = overrides ?? new Dictionary<string, string?>() });

    [Fact]
    public void A_captured_model_gets_its_captured_tree_with_this_devices_identity()
    {
        var tree = Build(TestProfiles.Create("P3245-LVE"));

        tree.Count.Should().Be(1615 - 10, "the capture's 1615, less the 10 Properties.API entries of APIs not served (RTSP, RTP, WebSocket, PTZ…: docs/served-apis.md)");
        tree["Properties.System.SerialNumber"].Should().Be(Serial);
        tree["Network.eth0.MACAddress"].Should().Be("B8:A4:4F:63:13:39");
        tree["Network.HostName"].Should().Be("axis-b8a44f631339");
        tree["Network.UPnP.FriendlyName"].Should().Be("AXIS P3245-LVE - B8A44F631339");
        tree["Network.Interface.I0.dot1x.EAPTLS.Identity"].Should().Be("axis-b8a44f631339");
        tree.Entries.Should().NotContain(e => e.Value.Contains("0123456789", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Device_owned_network_values_and_the_factory_policy_replace_the_captured_ones()
    {
        var tree = Build(TestProfiles.Create("P3245-LVE"));

        tree["Network.IPAddress"].Should().Be("192.168.0.90");
        tree["Network.Broadcast"].Should().Be("192.168.0.255");
        tree["Network.eth0.IPAddress"].Should().Be("10.0.0.48");
        tree["Network.eth0.Broadcast"].Should().Be("10.0.0.255");
        tree["Network.ZeroConf.IPAddress"].Should().Be("169.254.3.4");
        tree["Network.ZeroConf.SubnetMask"].Should().Be("255.255.0.0");
        tree["Network.HTTP.AuthenticationPolicy"].Should().Be("recommended");
    }

    [Fact]
    public void The_profile_firmware_wins_over_the_captured_one()
    {
        var tree = Build(TestProfiles.Create("P3245-LVE", version: "10.12.323", buildDate: "Feb 04 2026 10:06", hardwareId: "79F.4"));

        tree["Properties.Firmware.Version"].Should().Be("10.12.323");
        tree["Properties.System.HardwareID"].Should().Be("79F.4");
        tree["Network.DHCP.VendorClass"].Should().Be("AXIS,Network Camera,P3245-LVE,10.12.323");
        tree["Brand.WebURL"].Should().Be("http://www.axis.com");
    }

    [Fact]
    public void An_uncaptured_camera_gets_a_generated_tree_with_identity_network_image_and_io()
    {
        var tree = Build(TestProfiles.Create("M3106-L", version: "12.9.57", inputs: 2, outputs: 1));

        tree["Brand.ProdNbr"].Should().Be("M3106-L");
        tree["Brand.ProdShortName"].Should().Be("AXIS M3106-L");
        tree["Brand.WebURL"].Should().Be("https://www.axis.com");
        tree["Properties.System.SerialNumber"].Should().Be(Serial);
        tree["Properties.Firmware.Version"].Should().Be("12.9.57");
        tree["Properties.API.HTTP.Version"].Should().Be("3");
        tree["Network.HostName"].Should().Be("axis-b8a44f631339");
        tree["Network.eth0.MACAddress"].Should().Be("B8:A4:4F:63:13:39");
        tree["Network.HTTP.AuthenticationPolicy"].Should().Be("recommended");
        tree["Image.I0.Enabled"].Should().Be("yes");
        tree["Properties.Image.Resolution"].Should().NotBeNullOrEmpty();
        tree["Input.NbrOfInputs"].Should().Be("2");
        tree["Output.NbrOfOutputs"].Should().Be("1");
        tree["IOPort.I1.Direction"].Should().Be("input");
        tree["IOPort.I2.Direction"].Should().Be("output");
        tree["IOPort.I2.Output.Name"].Should().Be("Port 3");
        tree.Contains("IOPort.I3.Direction").Should().BeFalse();
    }

    [Fact]
    public void A_device_without_video_has_no_image_groups()
    {
        var tree = Build(TestProfiles.Create("C1410", productType: "Network Speaker", hasVideo: false, inputs: 0, outputs: 0));

        tree.HasGroup("Image").Should().BeFalse();
        tree.HasGroup("ImageSource").Should().BeFalse();
        tree.HasGroup("Properties.Image").Should().BeFalse();
        tree.HasGroup("IOPort").Should().BeFalse();
        tree["Input.NbrOfInputs"].Should().Be("0");
    }

    [Fact]
    public void A_captured_single_value_is_laid_over_a_generated_tree()
    {
        var tree = Build(TestProfiles.Create("Q1951-E", productType: "Thermal Camera"));

        tree["Properties.Image.Resolution"].Should().StartWith("768x576,720x576");
    }

    [Fact]
    public void User_overrides_set_and_remove_parameters_last()
    {
        var tree = Build(TestProfiles.Create("P3245-LVE"), new Dictionary<string, string?>
        {
            ["Network.SSH.Enabled"] = "yes",
            ["Network.HTTP.AuthenticationPolicy"] = "basic",
            ["StreamProfile.S0.Name"] = "mine",
            ["Image.I7"] = null,
        });

        tree["Network.SSH.Enabled"].Should().Be("yes");
        tree["Network.HTTP.AuthenticationPolicy"].Should().Be("basic");
        tree["StreamProfile.S0.Name"].Should().Be("mine");
        tree.HasGroup("Image.I7").Should().BeFalse();
        tree.HasGroup("Image.I6").Should().BeTrue();
    }

    [Fact]
    public void The_default_policy_input_sets_the_factory_policy()
    {
        var inputs = new ParameterInputs(new VapixIdentity(TestProfiles.Create("P3245-LVE"), Serial), Network)
        {
            DefaultPolicy = AuthenticationPolicy.Digest,
        };

        Factory.Build(inputs)["Network.HTTP.AuthenticationPolicy"].Should().Be("digest");
    }
}
