using System.Globalization;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Data;
using AxisEmulator.Vapix.Parameters;
using AxisEmulator.Vapix.Parameters.Hardware;
using AxisEmulator.Vapix.ServedApis;
using AxisEmulator.Vapix.Tests.Support;
using Xunit.Abstractions;

namespace AxisEmulator.Vapix.Tests.Parameters;

/// <summary>
/// Every shipped profile serves a tree of the real size and shape: the captured tree of its line
/// (camera or sensorless device), key for key, except where the profile says the hardware differs.
/// </summary>
public class ParameterTreeShapeTests(ITestOutputHelper output)
{
    private const string Serial = ShippedProfileTrees.Serial;

    private static readonly VapixDataCatalog Data = ShippedProfileTrees.Data;

    public static TheoryData<string> ProfileIds => ShippedProfileTrees.Ids;

    [Theory]
    [MemberData(nameof(ProfileIds))]
    public void Each_profile_has_the_groups_and_keys_of_its_captured_line_but_what_the_profile_changes(string id)
    {
        var profile = ShippedProfileTrees.Profile(id);
        var tree = ShippedProfileTrees.TreeOf(profile);
        var captured = Data.CapturedParameters(profile.Model);
        var template = ParameterTemplate.NameFor(profile);
        // The line as served: less the Properties.API entries of APIs the emulator does not serve (docs/served-apis.md).
        var line = AdvertisedApiProperties.WithdrawUnserved(captured ?? Data.CapturedParameters(ParameterTemplate.CapturedModel(template))!, profile);

        // The explained differences: the I/O ports are the profile's, and so are the groups of each
        // hardware fact in which the profile differs from the captured model (ProfileHardwareTests checks those).
        IReadOnlyList<string> explained = captured is null
            ? [.. ParameterTemplate.ProfileSizedGroups, .. HardwareShaping.ShapedGroups(ParameterTemplate.CapturedHardware(template), profile.Hardware)]
            : ParameterTemplate.ProfileSizedGroups;

        // The model's own captured values (params-overlay.txt) may add keys its line lacks.
        var overlay = Data.ParameterOverlay(profile.Model)?.Entries.Select(e => e.Key).ToHashSet() ?? [];
        KeysOutside(tree, explained).Where(k => !overlay.Contains(k))
            .Should().BeEquivalentTo(KeysOutside(line, explained).Where(k => !overlay.Contains(k)), "the tree of {0} follows its captured line", id);
        if (captured is null)
        {
            tree["Input.NbrOfInputs"].Should().Be(profile.Io.Inputs.ToString(CultureInfo.InvariantCulture));
            tree["Output.NbrOfOutputs"].Should().Be(profile.Io.Outputs.ToString(CultureInfo.InvariantCulture));
            tree.InGroup("IOPort.*.Direction").Select(e => e.Value).Should().Equal(
                Enumerable.Repeat("input", profile.Io.Inputs).Concat(Enumerable.Repeat("output", profile.Io.Outputs)));
        }

        tree["Brand.ProdNbr"].Should().Be(profile.Model);
        tree["Brand.ProdFullName"].Should().Be(profile.ProductFullName);
        tree["Network.Bonjour.FriendlyName"].Should().Be("AXIS " + profile.Model);
        tree["Properties.System.SerialNumber"].Should().Be(Serial);
        tree["Properties.System.HardwareID"].Should().MatchRegex("^[0-9A-F]{3}(\\.[0-9]+)?$");
        tree.Entries.Should().NotContain(e => e.Value.Contains('{', StringComparison.Ordinal), "every template placeholder is filled");
    }

    [Fact]
    public void Profiles_serve_trees_as_large_as_the_captured_ones()
    {
        var counts = ShippedProfileTrees.All.Select(p => ShippedProfileTrees.TreeOf(p).Count).Order().ToList();
        var captured = new[] { "P3245-LVE", "D4200-VE" }.Select(m => Data.CapturedParameters(m)!.Count).Order().ToList();
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"parameters per profile ({counts.Count} profiles): min {counts[0]}, median {counts[counts.Count / 2]}, max {counts[^1]}; captured trees: {string.Join(", ", captured)}");
        output.WriteLine(line);
        Console.WriteLine(line);

        // Bounds from the captures: a sensorless device loses at most the D4200-VE capture's I/O ports,
        // audio and SD disk; a camera adds at most a few I/O ports (11 parameters each) and, per extra
        // image source, a copy of the P3245-LVE capture's ImageSource.I0.
        var smallest = AdvertisedApiProperties.WithdrawUnserved(Data.CapturedParameters("D4200-VE")!);
        var removable = new[] { "IOPort", "Audio", "AudioSource", "Properties.Audio", "Properties.AudioClip", "Storage.S0" }
            .Sum(g => smallest.InGroup(g).Count());
        counts[0].Should().BeGreaterThanOrEqualTo(smallest.Count - removable, "a sensorless device loses at most its I/O ports, audio and SD disk");
        var extraSources = ShippedProfileTrees.All.Max(p => p.Hardware.ImageSources) - 1;
        var perSource = Data.CapturedParameters("P3245-LVE")!.InGroup("ImageSource.I0").Count();
        counts[^1].Should().BeLessThanOrEqualTo(captured[^1] + (8 * 11) + (extraSources * perSource), "a camera adds I/O ports and image sources to the P3245-LVE capture");
    }

    [Fact]
    public void A_sensorless_profile_has_no_image_groups_and_a_camera_has_the_ones_clients_read()
    {
        var radar = ShippedProfileTrees.TreeOf(ShippedProfileTrees.All.First(p => p.Model == "D2210-VE" && !p.HasVideo));
        var camera = ShippedProfileTrees.TreeOf(ShippedProfileTrees.All.First(p => p.Model == "Q1656-LE"));

        radar.HasGroup("Image").Should().BeFalse();
        radar.HasGroup("PTZ").Should().BeFalse();
        foreach (var group in new[] { "Image.I0.Stream", "ImageSource", "PTZ", "StreamProfile", "IOPort", "Audio", "Storage", "Layout" })
        {
            camera.HasGroup(group).Should().BeTrue(group);
        }
    }

    private static IEnumerable<string> KeysOutside(ParameterTree tree, IReadOnlyList<string> groups) =>
        tree.Entries.Select(e => e.Key).Where(k => !groups.Any(g => k == g || k.StartsWith(g + ".", StringComparison.Ordinal)));
}
