using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Core.Tests.Profiles;

/// <summary>The <c>hardware:</c> block: what a profile says, what is derived when it says nothing, what contradicts the rest.</summary>
public sealed class ProfileHardwareBlockTests : IDisposable
{
    private readonly TempProfileDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_camera_without_a_hardware_block_gets_one_sensor_digital_ptz_and_an_sd_card_and_no_audio_or_light()
    {
        var hardware = Load(ProfileLoaderErrorTests.Valid).Hardware;

        hardware.Should().BeEquivalentTo(new HardwareSpec { ImageSources = 1, Ptz = PtzKind.Digital, SdCard = true });
        hardware.HasLight.Should().BeFalse();
    }

    [Fact]
    public void A_ptz_form_factor_defaults_to_a_mechanical_ptz()
    {
        Load(ProfileLoaderErrorTests.Valid.Replace("formFactor: dome", "formFactor: ptz", StringComparison.Ordinal))
            .Hardware.Ptz.Should().Be(PtzKind.Mechanical);
    }

    [Fact]
    public void A_device_without_video_defaults_to_no_video_hardware()
    {
        Load(ProfileLoaderErrorTests.Valid + "\nhasVideo: false\n").Hardware
            .Should().BeEquivalentTo(new HardwareSpec { ImageSources = 0, Ptz = PtzKind.None, SdCard = false });
    }

    [Fact]
    public void What_the_block_says_wins_over_the_defaults()
    {
        var hardware = Load(ProfileLoaderErrorTests.Valid + """

            hardware:
              imageSources: 4
              ptz: none
              audio:
                inputs: 2
                outputs: 1
              infrared: true
              whiteLight: true
              sdCard: false
            """).Hardware;

        hardware.Should().BeEquivalentTo(new HardwareSpec
        {
            ImageSources = 4,
            Ptz = PtzKind.None,
            Audio = new AudioSpec { Inputs = 2, Outputs = 1 },
            Infrared = true,
            WhiteLight = true,
            SdCard = false,
        });
        hardware.Audio.Channels.Should().Be(2);
    }

    [Fact]
    public void Image_sources_on_a_device_without_video_are_refused_at_their_line()
    {
        var path = _dir.Write("X1000", ProfileLoaderErrorTests.Valid + "\nhasVideo: false\nhardware:\n  imageSources: 2\n");

        Errors(path).Should().Equal($"{path}:27: 'hardware.imageSources' (2) must be 0 on a profile with hasVideo: false");
    }

    [Fact]
    public void A_camera_without_an_image_source_is_refused_at_its_line()
    {
        var path = _dir.Write("X1000", ProfileLoaderErrorTests.Valid + "\nhardware:\n  imageSources: 0\n  ptz: none\n");

        Errors(path).Should().Equal($"{path}:26: 'hardware.imageSources' (0) must be 1 or more on a profile with video (set hasVideo: false for a device without)");
    }

    [Fact]
    public void A_ptz_on_a_device_without_video_is_refused_at_its_line()
    {
        var path = _dir.Write("X1000", ProfileLoaderErrorTests.Valid + "\nhasVideo: false\nhardware:\n  ptz: mechanical\n");

        Errors(path).Should().Equal($"{path}:27: 'hardware.ptz' (mechanical) needs an image source: set hardware.imageSources to 1 or more, or ptz: none");
    }

    [Fact]
    public void An_unknown_ptz_kind_is_refused()
    {
        var path = _dir.Write("X1000", ProfileLoaderErrorTests.Valid + "\nhardware:\n  ptz: optical\n");

        Errors(path).Should().ContainSingle().Which.Should().Contain("hardware.ptz").And.Contain("optical");
    }

    private HardwareProfile Load(string yaml) => ProfileLoader.LoadFile(_dir.Write("X1000", yaml));

    private static IEnumerable<string> Errors(string path)
    {
        var result = ProfileLoader.ReadFile(path);
        result.Profiles.Should().BeEmpty("an invalid file yields no profile");
        return result.Errors.Select(e => e.ToString());
    }
}
