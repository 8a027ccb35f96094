using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Data;
using AxisEmulator.Vapix.Parameters;
using AxisEmulator.Vapix.Parameters.Hardware;

namespace AxisEmulator.Vapix.Tests.Parameters.Hardware;

/// <summary>
/// Each hardware fact produces exactly its groups on the captured camera line (P3245-LVE) and the
/// sensorless line (D4200-VE), and none when the hardware lacks it; a fact the profile shares with the
/// captured model leaves the captured groups as they are.
/// </summary>
public class HardwareGroupsTests
{
    private static readonly VapixDataCatalog Data = new(RepositoryPaths.VapixData);

    private static readonly HardwareTemplates Templates = new(() => Data.ParameterTemplate(ParameterTemplate.MechanicalPtz));

    private static readonly HardwareSpec Camera = ParameterTemplate.CapturedHardware(ParameterTemplate.Camera);

    private static readonly HardwareSpec Device = ParameterTemplate.CapturedHardware(ParameterTemplate.Device);

    public static TheoryData<string> Variations => new(VariationsOf.Keys);

    private static Dictionary<string, HardwareSpec> VariationsOf { get; } = new()
    {
        ["four image sources"] = Camera with { ImageSources = 4 },
        ["no PTZ"] = Camera with { Ptz = PtzKind.None },
        ["mechanical PTZ"] = Camera with { Ptz = PtzKind.Mechanical },
        ["no audio"] = Camera with { Audio = new AudioSpec() },
        ["two inputs, one output"] = Camera with { Audio = new AudioSpec { Inputs = 2, Outputs = 1 } },
        ["no light"] = Camera with { Infrared = false },
        ["no SD card"] = Camera with { SdCard = false },
    };

    [Fact]
    public void The_captured_hardware_leaves_the_captured_tree_as_it_is()
    {
        var camera = CameraLine();

        Shape(camera, Camera).Entries.Should().Equal(camera.Entries);
        HardwareShaping.ShapedGroups(Camera, Camera).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Variations))]
    public void A_fact_changes_its_own_groups_and_nothing_else(string variation)
    {
        var wanted = VariationsOf[variation];
        var camera = CameraLine();
        var groups = HardwareShaping.ShapedGroups(Camera, wanted);

        groups.Should().NotBeEmpty();
        Outside(Shape(camera, wanted), groups).Should().Equal(Outside(camera, groups), "{0} only touches {1}", variation, string.Join(", ", groups));
    }

    [Fact]
    public void Each_image_source_gets_its_image_source_group_a_view_showing_it_and_a_ptz_source()
    {
        var tree = Shape(CameraLine(), Camera with { ImageSources = 4 });

        Members(tree, "ImageSource", 'I').Should().Equal(0, 1, 2, 3);
        tree["ImageSource.NbrOfSources"].Should().Be("4");
        tree["ImageSource.I3.Name"].Should().Be("Camera 4");
        tree.InGroup("ImageSource.I3").Should().HaveSameCount(tree.InGroup("ImageSource.I0"));
        Enumerable.Range(0, 4).Select(n => tree[$"Image.I{n}.Source"]).Should().Equal("0", "1", "2", "3");
        Enumerable.Range(0, 4).Select(n => tree[$"Image.I{n}.Enabled"]).Should().AllBe("yes");
        Members(tree, "Image", 'I').Should().HaveCount(8, "the captured eight views stay");
        Members(tree, "PTZ.ImageSource", 'I').Should().Equal(0, 1, 2, 3);
    }

    [Fact]
    public void No_image_source_means_no_image_groups()
    {
        var tree = Shape(CameraLine(), Camera with { ImageSources = 0, Ptz = PtzKind.None });

        foreach (var group in new[] { "Image", "ImageSource", "Properties.Image", "Properties.ImageSource", "PTZ" })
        {
            tree.HasGroup(group).Should().BeFalse(group);
        }
    }

    [Fact]
    public void Without_ptz_only_the_property_saying_so_remains()
    {
        var tree = Shape(CameraLine(), Camera with { Ptz = PtzKind.None });

        tree.HasGroup("PTZ").Should().BeFalse();
        tree.InGroup("Properties.PTZ").Select(e => $"{e.Key}={e.Value}").Should().Equal("Properties.PTZ.PTZ=no");
    }

    [Fact]
    public void A_mechanical_ptz_gets_the_mechanical_template_enabled_on_each_source()
    {
        var tree = Shape(CameraLine(), Camera with { Ptz = PtzKind.Mechanical });
        var template = Data.ParameterTemplate(ParameterTemplate.MechanicalPtz);

        tree.InGroup("PTZ").Should().Equal(template.Entries);
        tree["PTZ.ImageSource.I0.PTZEnabled"].Should().Be("true");
        tree["PTZ.Limit.L1.MinPan"].Should().Be("-180");
        tree["PTZ.Support.S1.AutoFocus"].Should().Be("true");
        tree["Properties.PTZ.PTZ"].Should().Be("yes");
        tree["Properties.PTZ.DigitalPTZ"].Should().Be("no");
    }

    [Fact]
    public void The_digital_ptz_of_the_capture_is_not_the_mechanical_one()
    {
        var camera = CameraLine();

        camera["PTZ.ImageSource.I0.PTZEnabled"].Should().Be("false");
        camera["Properties.PTZ.DigitalPTZ"].Should().Be("yes");
        camera.InGroup("PTZ").Select(e => e.Key).Should().Equal(Data.ParameterTemplate(ParameterTemplate.MechanicalPtz).Entries.Select(e => e.Key),
            "the mechanical template keeps the captured keys and changes values only");
    }

    [Fact]
    public void Without_audio_only_the_property_saying_so_remains()
    {
        var tree = Shape(CameraLine(), Camera with { Audio = new AudioSpec() });

        tree.HasGroup("Audio").Should().BeFalse();
        tree.HasGroup("AudioSource").Should().BeFalse();
        tree.HasGroup("Properties.AudioClip").Should().BeFalse();
        tree.InGroup("Properties.Audio").Select(e => $"{e.Key}={e.Value}").Should().Equal("Properties.Audio.Audio=no");
    }

    [Fact]
    public void Each_channel_gets_an_audio_source_saying_whether_it_takes_input_and_gives_output()
    {
        var tree = Shape(CameraLine(), Camera with { Audio = new AudioSpec { Inputs = 2, Outputs = 1 } });

        tree["AudioSource.NbrOfSources"].Should().Be("2");
        Members(tree, "AudioSource", 'A').Should().Equal(0, 1);
        tree["Properties.Audio.Source.A0.Input"].Should().Be("yes");
        tree["Properties.Audio.Source.A0.Output"].Should().Be("yes");
        tree["Properties.Audio.Source.A1.Input"].Should().Be("yes");
        tree["Properties.Audio.Source.A1.Output"].Should().Be("no");
        tree["Properties.Audio.DuplexMode"].Should().Be(CameraLine()["Properties.Audio.DuplexMode"], "both directions keep the captured modes");
    }

    [Fact]
    public void A_microphone_only_device_is_simplex_and_plays_no_clips()
    {
        var tree = Shape(CameraLine(), Camera with { Audio = new AudioSpec { Inputs = 1 } });

        tree["Properties.Audio.DuplexMode"].Should().Be("get");
        tree["Audio.DuplexMode"].Should().Be("get");
        tree["Properties.Audio.Source.A0.Output"].Should().Be("no");
        tree.HasGroup("Properties.AudioClip").Should().BeFalse();
    }

    [Fact]
    public void Light_control_is_there_exactly_when_the_model_has_a_light()
    {
        Shape(CameraLine(), Camera with { Infrared = false }).HasGroup("Properties.LightControl").Should().BeFalse();
        Shape(CameraLine(), Camera with { Infrared = false, WhiteLight = true })["Properties.LightControl.LightControlAvailable"].Should().Be("yes");

        var device = DeviceLine();
        device.HasGroup("Properties.LightControl").Should().BeFalse("the captured D4200-VE has no light");
        Shape(device, Device with { WhiteLight = true }, Device)["Properties.LightControl.LightControlAvailable"].Should().Be("yes");
    }

    [Fact]
    public void Without_an_sd_card_the_sd_disk_goes_and_the_network_share_stays()
    {
        var tree = Shape(CameraLine(), Camera with { SdCard = false });

        tree.InGroup("Storage.*.DiskID").Select(e => e.Value).Should().Equal("NetworkShare");
        tree["Properties.LocalStorage.SDCard"].Should().Be("no");
        Shape(DeviceLine(), Device with { SdCard = false }, Device).InGroup("Storage.*.DiskID").Select(e => e.Value).Should().Equal("NetworkShare");
    }

    private static ParameterTree CameraLine() => Data.ParameterTemplate(ParameterTemplate.Camera);

    private static ParameterTree DeviceLine() => Data.ParameterTemplate(ParameterTemplate.Device);

    private static ParameterTree Shape(ParameterTree tree, HardwareSpec wanted, HardwareSpec? captured = null) =>
        HardwareShaping.Shape(tree, captured ?? Camera, wanted, Templates);

    private static List<KeyValuePair<string, string>> Outside(ParameterTree tree, IReadOnlyList<string> groups) =>
        [.. tree.Entries.Where(e => !groups.Any(g => e.Key == g || e.Key.StartsWith(g + ".", StringComparison.Ordinal)))];

    /// <summary>The numbers n of the groups <c>group.{letter}n</c>, in order.</summary>
    private static List<int> Members(ParameterTree tree, string group, char letter) =>
        [.. tree.InGroup(group).Select(e => e.Key[(group.Length + 1)..])
            .Where(rest => rest.Length > 1 && rest[0] == letter && char.IsAsciiDigit(rest[1]))
            .Select(rest => int.Parse(rest[1..rest.IndexOf('.')], System.Globalization.CultureInfo.InvariantCulture))
            .Distinct().Order()];
}
