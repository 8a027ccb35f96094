using System.Globalization;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Parameters;
using AxisEmulator.Vapix.Tests.Support;

namespace AxisEmulator.Vapix.Tests.Parameters.Hardware;

/// <summary>
/// Every shipped profile's tree says what its <c>hardware:</c> block says: PTZ properties and groups,
/// image sources, audio channels, light control and the SD card agree, for captured and generated trees alike.
/// </summary>
public class ProfileHardwareTests
{
    public static TheoryData<string> ProfileIds => ShippedProfileTrees.Ids;

    [Theory]
    [MemberData(nameof(ProfileIds))]
    public void Ptz_is_advertised_exactly_when_the_tree_has_root_ptz_and_the_hardware_has_one(string id)
    {
        var (profile, tree) = Load(id);
        var hasPtz = profile.Hardware.Ptz != PtzKind.None;

        (tree["Properties.PTZ.PTZ"] == "yes").Should().Be(hasPtz);
        tree.HasGroup("PTZ").Should().Be(hasPtz);
        (tree["Properties.PTZ.DigitalPTZ"] == "yes").Should().Be(profile.Hardware.Ptz == PtzKind.Digital);
        if (hasPtz)
        {
            Count(tree, "PTZ.ImageSource.*.PTZEnabled").Should().Be(profile.Hardware.ImageSources);
        }

        if (profile.Hardware.Ptz == PtzKind.Mechanical)
        {
            tree["PTZ.ImageSource.I0.PTZEnabled"].Should().Be("true", "a motorised head is always on");
            tree["PTZ.Limit.L1.MaxPan"].Should().Be("180");
            tree["PTZ.Support.S1.AutoFocus"].Should().Be("true");
        }
    }

    [Theory]
    [MemberData(nameof(ProfileIds))]
    public void The_tree_has_one_image_source_group_per_image_source_and_a_view_for_each(string id)
    {
        var (profile, tree) = Load(id);
        var sources = profile.Hardware.ImageSources;

        Count(tree, "ImageSource.*.Name").Should().Be(sources);
        tree["ImageSource.NbrOfSources"].Should().Be(sources == 0 ? null : Number(sources));
        tree.HasGroup("Image").Should().Be(sources > 0);
        for (var source = 0; source < sources; source++)
        {
            tree.InGroup("Image.*.Source").Select(e => e.Value).Should().Contain(Number(source));
        }
    }

    [Theory]
    [MemberData(nameof(ProfileIds))]
    public void Audio_groups_are_there_exactly_when_the_hardware_has_audio_channels(string id)
    {
        var (profile, tree) = Load(id);
        var audio = profile.Hardware.Audio;

        (tree["Properties.Audio.Audio"] == "yes").Should().Be(audio.Channels > 0);
        tree.HasGroup("AudioSource").Should().Be(audio.Channels > 0);
        tree.HasGroup("Audio").Should().Be(audio.Channels > 0);
        if (audio.Channels > 0)
        {
            tree["AudioSource.NbrOfSources"].Should().Be(Number(audio.Channels));
            tree.InGroup("Properties.Audio.Source.*.Input").Count(e => e.Value == "yes").Should().Be(audio.Inputs);
            tree.InGroup("Properties.Audio.Source.*.Output").Count(e => e.Value == "yes").Should().Be(audio.Outputs);
        }
    }

    [Theory]
    [MemberData(nameof(ProfileIds))]
    public void Light_control_and_the_sd_card_follow_the_hardware(string id)
    {
        var (profile, tree) = Load(id);

        (tree["Properties.LightControl.LightControlAvailable"] == "yes").Should().Be(profile.Hardware.HasLight);
        tree.InGroup("Storage.*.DiskID").Any(e => e.Value == "SD_DISK").Should().Be(profile.Hardware.SdCard);
        (tree["Properties.LocalStorage.SDCard"] == "yes").Should().Be(profile.Hardware.SdCard);
    }

    [Theory]
    [InlineData(ParameterTemplate.Camera)]
    [InlineData(ParameterTemplate.Device)]
    public void A_templates_hardware_is_its_captured_models_profile(string template)
    {
        var model = ParameterTemplate.CapturedModel(template);

        ShippedProfileTrees.All.Where(p => p.Model == model).Should().NotBeEmpty()
            .And.AllSatisfy(p => p.Hardware.Should().Be(ParameterTemplate.CapturedHardware(template)));
    }

    private static (HardwareProfile Profile, ParameterTree Tree) Load(string id)
    {
        var profile = ShippedProfileTrees.Profile(id);
        return (profile, ShippedProfileTrees.TreeOf(profile));
    }

    private static int Count(ParameterTree tree, string pattern) => tree.InGroup(pattern).Count();

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
